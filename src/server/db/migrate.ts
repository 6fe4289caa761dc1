import fs from "node:fs";
import path from "node:path";
import type { RawSql } from "./client.ts";

const defaultDir = path.resolve(import.meta.dirname, "../../../migrations");
/** Any constant shared by all Schakel servers: they serialise on it while migrating. */
const migrationLockKey = 727274;

export class MigrationError extends Error {
  constructor(file: string, cause: unknown) {
    super(`Migration ${file} failed: ${(cause as Error).message}`, { cause });
    this.name = "MigrationError";
  }
}

/**
 * Applies the forward-only migrations in `migrations/` that have not run yet, each in its own
 * transaction, in file-name order. A failure throws: the app must not start on a half-migrated
 * schema. Returns the versions applied.
 */
export async function migrate(raw: RawSql, dir = defaultDir): Promise<string[]> {
  await raw.query(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, "");
    const script = fs.readFileSync(path.join(dir, file), "utf8");
    try {
      const ran = await raw.transaction(async (tx) => {
        // Several app servers may start at once; the lock makes the check-then-apply atomic.
        await tx.query("SELECT pg_advisory_xact_lock($1)", [migrationLockKey]);
        const done = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [version]);
        if (done.length > 0) {
          return false;
        }
        await tx.exec(script);
        await tx.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version]);
        return true;
      });
      if (ran) {
        applied.push(version);
      }
    } catch (error) {
      throw new MigrationError(file, error);
    }
  }
  return applied;
}
