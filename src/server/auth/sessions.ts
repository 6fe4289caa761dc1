import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { type Role, sessionTouchSlackSeconds } from "../../shared/auth.ts";
import type { Principal } from "../access/principal.ts";
import type { Db } from "../db/client.ts";
import { organisations, sessions, users } from "../db/schema.ts";

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export const sessionCookieName = "schakel_session";

/** Only the hash of a session token is stored, so a copy of the database opens no session. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

const newToken = (): string => randomBytes(32).toString("base64url");

/**
 * Writing last-seen on every request would make each read a write; the slack grows with the idle
 * timeout (at most a minute), so that a session in use never expires, however short the timeout.
 */
const touchAfterMs = (timeouts: SessionTimeouts): number =>
  sessionTouchSlackSeconds(timeouts.idleMinutes * 60) * 1000;

export async function createSession(
  tx: Db,
  userId: string,
  timeouts: SessionTimeouts,
  now = new Date(),
): Promise<{ token: string; sessionId: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const sessionId = hashToken(token);
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + timeouts.absoluteHours * 3_600_000);
  await tx.insert(sessions).values({
    id: sessionId,
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, sessionId, csrfToken, expiresAt };
}

/**
 * The principal of a live session: not revoked, within its absolute lifetime and used within
 * the idle timeout. Extends the idle timer.
 */
export async function findSession(
  db: Db,
  token: string,
  timeouts: SessionTimeouts,
  now = new Date(),
): Promise<Principal | null> {
  const sessionId = hashToken(token);
  const idleLimit = new Date(now.getTime() - timeouts.idleMinutes * 60_000);
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      organisationId: users.organisationId,
      organisationKind: organisations.kind,
      regionId: organisations.regionId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleLimit),
        eq(users.active, true),
      ),
    );
  if (!row) {
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > touchAfterMs(timeouts)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as Role[],
    organisationId: row.organisationId,
    organisationKind: row.organisationKind,
    regionId: row.regionId,
    sessionId,
    csrfToken: row.csrfToken,
  };
}

/**
 * Starts the idle time of a live session again now, whatever the slack (the "stay logged in" of
 * the web app), and answers when the session ends at the latest; null when it has ended.
 */
export async function touchSession(db: Db, sessionId: string, now = new Date()): Promise<Date | null> {
  const [row] = await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .returning({ expiresAt: sessions.expiresAt });
  return row?.expiresAt ?? null;
}

export async function revokeSession(tx: Db, sessionId: string, now = new Date()): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of a user (e.g. when an administrator deactivates the account). */
export async function revokeSessionsOfUser(tx: Db, userId: string, now = new Date()): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`coalesce(${sessions.revokedAt}, ${now})` })
    .where(eq(sessions.userId, userId));
}
