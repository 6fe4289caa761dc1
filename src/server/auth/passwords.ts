import { hash, verify } from "@node-rs/argon2";

// OWASP's Argon2id baseline (19 MiB, 2 iterations, 1 lane): ~30-60 ms here.
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real check, for a username that does not exist, so that the answer
 * time does not tell whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("not-a-real-password-used-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
