import { generate, verify } from "otplib";

/**
 * Checks an RFC 6238 code (SHA-1, 30 s, 6 digits), accepting the neighbouring period on either
 * side for clock drift between the server and the user's phone, and only a time step after the
 * last one accepted for this account (a code is never accepted twice). Answers the time step
 * that matched, which the caller stores, or null.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  afterTimeStep: number | null = null,
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      ...(afterTimeStep === null ? {} : { afterTimeStep }),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The code of one 30-second time step: for tests that need a code not used before. */
export const totpForStep = (secret: string, step: number): Promise<string> =>
  generate({ secret, epoch: step * 30 });

/** The current code for a secret: used by the demo tooling and tests, never by login. */
export const currentTotp = (secret: string): Promise<string> => generate({ secret });
