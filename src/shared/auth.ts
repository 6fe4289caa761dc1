import { z } from "zod";
import { exactText, line } from "./bounds.ts";

/** The roles of API.md; a user may hold more than one. */
export const roles = [
  "intake-worker",
  "case-worker",
  "chain-partner",
  "policy-officer",
  "privacy-officer",
  "administrator",
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z.strictObject({
  username: line(100).min(1),
  password: exactText(200).min(1),
  totp: z
    .string()
    .regex(/^\d{6}$/, "a code of six digits")
    .optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  organisationId: z.uuid(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** Problem types the web app reacts to; the full URI ends with these. */
export const problemTypes = {
  totpRequired: "/totp-required",
  totpInvalid: "/totp-invalid",
  tooManyAttempts: "/too-many-attempts",
  invalidCredentials: "/invalid-credentials",
} as const;
