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

export interface ThrottleKeys {
  account: string;
  address: string;
  /** Right passwords without their second factor, of this account from this address. */
  secondFactor: string;
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

// The typed username is hashed: it may be a mistyped password or someone else's name.
export const accountKey = (username: string): string => `account:${sha256(username.trim().toLowerCase())}`;
export const addressKey = (remoteAddress: string): string => `address:${remoteAddress}`;

export const throttleKeys = (username: string, remoteAddress: string): ThrottleKeys => {
  const account = accountKey(username);
  return {
    account,
    address: addressKey(remoteAddress),
    secondFactor: `second-factor:${account.slice("account:".length)}|${remoteAddress}`,
  };
};

/** Seconds until the key may try again; 0 when it is not blocked. */
export function retryAfterSeconds(state: ThrottleState | undefined, now: Date): number {
  if (!state?.blockedUntil || state.blockedUntil <= now) {
    return 0;
  }
  return Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000);
}

export async function readThrottle(db: Db, keys: string[]): Promise<Map<string, ThrottleState>> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return new Map(rows.map((r) => [r.key, r]));
}

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/**
 * Counts one attempt against a key in one statement, or refuses it (false) when the key is
 * blocked or at its limit. The upsert takes the row's lock, so parallel attempts are counted one
 * after the other on PostgreSQL as on PGlite: never more attempts than the limit get through.
 * Failures count within a window of `blockMinutes`; the attempt that reaches the limit blocks
 * the key for `blockMinutes`.
 */
async function countAttempt(tx: Db, key: string, limit: number, blockMinutes: number, now: Date) {
  const windowMs = blockMinutes * 60_000;
  const blockEnd = new Date(now.getTime() + windowMs);
  const stale = sql`${loginThrottle.windowStartedAt} <= ${at(new Date(now.getTime() - windowMs))}`;
  const counted = sql`CASE WHEN ${stale} THEN 1 ELSE ${loginThrottle.failures} + 1 END`;
  const rows = await tx
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now, blockedUntil: limit <= 1 ? blockEnd : null })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: counted,
        windowStartedAt: sql`CASE WHEN ${stale} THEN ${at(now)} ELSE ${loginThrottle.windowStartedAt} END`,
        blockedUntil: sql`CASE WHEN ${counted} >= ${limit} THEN ${at(blockEnd)} ELSE NULL END`,
      },
      setWhere: sql`(${loginThrottle.blockedUntil} IS NULL OR ${loginThrottle.blockedUntil} <= ${at(now)})
        AND (${stale} OR ${loginThrottle.failures} < ${limit})`,
    })
    .returning({ key: loginThrottle.key });
  return rows.length > 0;
}

class Refused extends Error {}

/**
 * Reserves one attempt on the account and on the address before the password is checked: it
 * counts as a failure from now on, and a success gives it back (settleSuccess). False when
 * either key is blocked; then neither is counted.
 */
export async function reserveAttempt(
  db: Db,
  keys: ThrottleKeys,
  limits: ThrottleLimits,
  now: Date,
): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      // Always the account first, then the address: one lock order, no deadlock between logins.
      if (!(await countAttempt(tx, keys.account, limits.maxFailuresPerAccount, limits.blockMinutes, now))) {
        throw new Refused();
      }
      if (!(await countAttempt(tx, keys.address, limits.maxFailuresPerAddress, limits.blockMinutes, now))) {
        throw new Refused();
      }
      return true;
    });
  } catch (error) {
    if (error instanceof Refused) {
      return false;
    }
    throw error;
  }
}

/**
 * Remembers a right password without its second factor: it stays counted as a failure until the
 * code is given, and is then given back to the address (an office behind one address logs in
 * in two steps all day).
 */
export async function recordMissingSecondFactor(
  tx: Db,
  keys: ThrottleKeys,
  blockMinutes: number,
  now: Date,
): Promise<void> {
  const stale = sql`${loginThrottle.windowStartedAt} <= ${at(new Date(now.getTime() - blockMinutes * 60_000))}`;
  await tx
    .insert(loginThrottle)
    .values({ key: keys.secondFactor, failures: 1, windowStartedAt: now, blockedUntil: null })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${stale} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${stale} THEN ${at(now)} ELSE ${loginThrottle.windowStartedAt} END`,
      },
    });
}

/**
 * After a full login: the account starts afresh, and the address gets back this attempt and the
 * earlier attempts of this account from there that only lacked the second factor.
 */
export async function settleSuccess(
  tx: Db,
  keys: ThrottleKeys,
  limits: ThrottleLimits,
  now: Date,
): Promise<void> {
  await tx.delete(loginThrottle).where(inArray(loginThrottle.key, [keys.account]));
  const [pending] = await tx
    .delete(loginThrottle)
    .where(inArray(loginThrottle.key, [keys.secondFactor]))
    .returning({ failures: loginThrottle.failures, windowStartedAt: loginThrottle.windowStartedAt });
  const windowMs = limits.blockMinutes * 60_000;
  const pendingFailures =
    pending !== undefined && now.getTime() - pending.windowStartedAt.getTime() <= windowMs
      ? pending.failures
      : 0;
  const left = sql`greatest(${loginThrottle.failures} - ${1 + pendingFailures}, 0)`;
  await tx
    .update(loginThrottle)
    .set({
      failures: left,
      blockedUntil: sql`CASE WHEN ${left} < ${limits.maxFailuresPerAddress} THEN NULL ELSE ${loginThrottle.blockedUntil} END`,
    })
    .where(inArray(loginThrottle.key, [keys.address]));
}
