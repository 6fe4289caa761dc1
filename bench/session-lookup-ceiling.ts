import { hashToken } from "../src/server/auth/sessions.ts";
import type { RawQuery } from "../src/server/db/client.ts";
import { round } from "./support/stats.ts";

/**
 * The statement findSession() (src/server/auth/sessions.ts) sends for every authenticated request,
 * as Drizzle renders it (taken from `.toSQL()`); keep the two in step when that query changes.
 */
export const sessionLookupSql =
  'select "users"."id", "users"."username", "users"."display_name", "users"."roles", "users"."organisation_id", ' +
  '"organisations"."kind", "organisations"."region_id", "sessions"."csrf_token", "sessions"."last_seen_at" ' +
  'from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" ' +
  'inner join "organisations" on "organisations"."id" = "users"."organisation_id" ' +
  'where ("sessions"."id" = $1 and "sessions"."revoked_at" is null and "sessions"."expires_at" > $2 ' +
  'and "sessions"."last_seen_at" > $3 and "users"."active" = $4)';

/** The app's default idle timeout (SESSION_IDLE_MINUTES), for the same parameter values. */
const idleMinutes = 15;

function lookupOnce(raw: RawQuery, sessionId: string): Promise<unknown[]> {
  // Parameters as Drizzle sends them: the timestamps as ISO strings, computed per request.
  const now = new Date();
  const idleLimit = new Date(now.getTime() - idleMinutes * 60_000);
  return raw.query(sessionLookupSql, [sessionId, now.toISOString(), idleLimit.toISOString(), true]);
}

export interface CeilingResult {
  queriesPerSecond: number;
  total: number;
  concurrency: number;
}

/**
 * The session lookup as plain SQL in a loop for `seconds`, with `concurrency` callers at once on
 * the given client (1 for PGlite, whose single connection serialises them anyway). This is the
 * most the route could do if HTTP, routing, validation and serialisation cost nothing.
 */
export async function measureSessionLookupCeiling(
  raw: RawQuery,
  token: string,
  seconds: number,
  concurrency: number,
): Promise<CeilingResult> {
  const sessionId = hashToken(token);
  const found = await lookupOnce(raw, sessionId);
  if (found.length !== 1) {
    throw new Error(
      `the session lookup found ${found.length} rows instead of 1: the ceiling would be meaningless`,
    );
  }

  const run = async (ms: number): Promise<number> => {
    const endAt = performance.now() + ms;
    let completed = 0;
    const worker = async () => {
      while (performance.now() < endAt) {
        await lookupOnce(raw, sessionId);
        completed += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return completed;
  };

  await run(Math.min(2_000, seconds * 500)); // warm-up: plan cache, buffers, JIT of the driver
  const startedAt = performance.now();
  const total = await run(seconds * 1_000);
  const elapsedSeconds = (performance.now() - startedAt) / 1_000;
  return { queriesPerSecond: round(total / elapsedSeconds, 0), total, concurrency };
}
