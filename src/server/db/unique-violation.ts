/**
 * Whether a database error is a unique-key violation (SQLSTATE 23505). Drizzle wraps the driver's
 * error on node-postgres (the code is then on `cause`); PGlite's error carries it itself.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (e: unknown) => (e as { code?: unknown } | null)?.code;
  return code(error) === "23505" || code((error as { cause?: unknown } | null)?.cause) === "23505";
}
