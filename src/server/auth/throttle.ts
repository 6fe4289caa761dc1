import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { loginThrottle } from "../db/schema.ts";

export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  blockMinutes: number;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

// The typed username is hashed: it may be a mistyped password or someone else's name.
export const accountKey = (username: string): string =>
  `account:${createHash("sha256").update(username.trim().toLowerCase()).digest("hex")}`;
export const addressKey = (remoteAddress: string): string => `address:${remoteAddress}`;

/** Seconds until the key may try again; 0 when it is not blocked. */
export function retryAfterSeconds(state: ThrottleState | undefined, now: Date): number {
  if (!state?.blockedUntil || state.blockedUntil <= now) {
    return 0;
  }
  return Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000);
}

/**
 * The state after one more failure: failures count within a window of `blockMinutes`; reaching
 * the limit blocks the key for `blockMinutes`, whatever is tried meanwhile.
 */
export function afterFailure(
  state: ThrottleState | undefined,
  now: Date,
  limit: number,
  blockMinutes: number,
): ThrottleState {
  const windowMs = blockMinutes * 60_000;
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const blockedUntil = failures >= limit ? new Date(now.getTime() + windowMs) : (state?.blockedUntil ?? null);
  return { failures, windowStartedAt, blockedUntil };
}

export async function readThrottle(db: Db, keys: string[]): Promise<Map<string, ThrottleState>> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return new Map(rows.map((r) => [r.key, r]));
}

export async function writeThrottle(db: Db, key: string, state: ThrottleState): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ key, ...state })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`excluded.failures`,
        windowStartedAt: sql`excluded.window_started_at`,
        blockedUntil: sql`excluded.blocked_until`,
      },
    });
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [key]));
}
