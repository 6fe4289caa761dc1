import { generate } from "otplib";

/** The TOTP secret of every demo account (API.md; demo only). */
export const demoTotpSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

const periodSeconds = 30;
let lastCode: string | undefined;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The current code of the demo secret, never the same code twice (a server may refuse a code
 * that was used before) and never one about to expire while the test types it.
 */
export async function freshTotpCode(): Promise<string> {
  for (;;) {
    const now = Date.now() / 1000;
    const secondsLeft = periodSeconds - (now % periodSeconds);
    const code = await generate({ secret: demoTotpSecret });
    if (code !== lastCode && secondsLeft > 5) {
      lastCode = code;
      return code;
    }
    await delay(secondsLeft * 1000 + 200);
  }
}

const lastCodeByAccount = new Map<string, string>();

/**
 * The current code for one account, never the same code twice for that account (a server may
 * refuse a code an account used before) and never one about to expire. Different accounts may
 * log in within the same 30 seconds, so journeys with several users need not wait.
 */
export async function freshTotpCodeFor(username: string): Promise<string> {
  for (;;) {
    const now = Date.now() / 1000;
    const secondsLeft = periodSeconds - (now % periodSeconds);
    const code = await generate({ secret: demoTotpSecret });
    if (code !== lastCodeByAccount.get(username) && secondsLeft > 5) {
      lastCodeByAccount.set(username, code);
      return code;
    }
    await delay(secondsLeft * 1000 + 200);
  }
}

/** A six-digit code that the server will not accept now (not the code of this or a neighbouring step). */
export async function wrongTotpCode(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const valid = await Promise.all(
    [-2, -1, 0, 1, 2].map((step) => generate({ secret: demoTotpSecret, epoch: now + step * periodSeconds })),
  );
  for (let candidate = 0; ; candidate += 111_111) {
    const code = String(candidate % 1_000_000).padStart(6, "0");
    if (!valid.includes(code)) {
      return code;
    }
  }
}
