/** The SQLSTATE of a database error: on the error itself (PGlite) or on Drizzle's wrapper's `cause` (node-postgres). */
export const sqlStateOf = (error: unknown): unknown =>
  (error as { code?: unknown } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;

/**
 * Whether a transaction lost a race with another one writing the same thing: a serialisation
 * failure (40001, under REPEATABLE READ or SERIALIZABLE, or when PostgreSQL says so), a deadlock
 * it broke (40P01), or the unique key the winner took first (23505). On a versioned document the
 * answer is 412: the caller's version is no longer the newest. It can surface at any statement or
 * at commit, so the route maps it, not the statement.
 */
export function isLostRace(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === "40001" || state === "40P01" || state === "23505";
}
