import { z } from "zod";

const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/**
 * Whether a string is a valid citizen service number (BSN) by the eleven-test: exactly nine digits
 * (an eight-digit number must be given with its leading zero), weighted sum divisible by 11, not all zeros.
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === "000000000") {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += Number(value[i]) * (weights[i] ?? 0);
  }
  return sum % 11 === 0;
}

/** A BSN in a request body: nine digits that pass the eleven-test. */
export const bsnSchema = z
  .string()
  .regex(/^\d{9}$/, "a BSN has exactly 9 digits")
  .refine(isValidBsn, "not a valid BSN (eleven-test)");
