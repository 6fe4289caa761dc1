import { generate, verify } from "otplib";

/**
 * Checks an RFC 6238 code (SHA-1, 30 s, 6 digits), accepting the neighbouring period on either
 * side for clock drift between the server and the user's phone.
 */
export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}

/** The current code for a secret: used by the demo tooling and tests, never by login. */
export const currentTotp = (secret: string): Promise<string> => generate({ secret });
