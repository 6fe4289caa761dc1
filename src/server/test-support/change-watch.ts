import type { Database } from "../db/client.ts";

/**
 * Tables a refused request may change: the access log (a refusal is itself logged, as denied),
 * sessions (a request refreshes its session) and the login throttle (a wrong password counts).
 */
export const tablesRefusalsMayChange = ["audit_entries", "audit_chain_head", "sessions", "login_throttle"];

/** Committed row changes per business table, as counted since the watch was installed. */
export type ChangeCounts = Record<string, number>;

export interface ChangeWatch {
  /** Per table, how many rows committed transactions inserted, updated or deleted so far. */
  counts(): Promise<ChangeCounts>;
  /** The tables whose count differs between two readings, with how many rows changed. */
  changed(before: ChangeCounts, after: ChangeCounts): string[];
  /** Row counts and an md5 of every row of every watched table: what the data is, not how it got there. */
  fingerprint(): Promise<string>;
}

/**
 * Watches every business table of a test database for a change left behind. A row trigger counts
 * inserted, updated and deleted rows per table in a side table; the count is part of the writing
 * transaction, so a refused request whose transaction rolled back counts nothing, and one that
 * committed a change is caught however small the change (one request costs one small read, not a
 * dump of every table). `fingerprint()` is the content check beside it.
 */
export async function watchChanges(database: Database): Promise<ChangeWatch> {
  const tables = (
    await database.raw.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ALL($1)
          AND table_name NOT LIKE 'schema_%' AND table_name <> 'test_changes'
        ORDER BY table_name`,
      [tablesRefusalsMayChange],
    )
  ).map((r) => r.table_name);
  await database.raw.transaction(async (tx) => {
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS test_changes (table_name text PRIMARY KEY, n bigint NOT NULL);
      CREATE OR REPLACE FUNCTION test_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO test_changes (table_name, n) VALUES (TG_TABLE_NAME, 1)
          ON CONFLICT (table_name) DO UPDATE SET n = test_changes.n + 1;
        RETURN NULL;
      END $$;
    `);
    for (const table of tables) {
      await tx.exec(`
        DROP TRIGGER IF EXISTS test_count_change ON "${table}";
        CREATE TRIGGER test_count_change AFTER INSERT OR UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION test_count_change();
      `);
    }
  });
  const fingerprintQuery = tables
    .map(
      (table) =>
        `SELECT '${table}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table}" x`,
    )
    .join(" UNION ALL ");
  return {
    async counts() {
      const rows = await database.raw.query<{ table_name: string; n: string | number }>(
        "SELECT table_name, n FROM test_changes",
      );
      return Object.fromEntries(rows.map((r) => [r.table_name, Number(r.n)]));
    },
    changed(before, after) {
      return Object.entries(after)
        .filter(([table, n]) => (before[table] ?? 0) !== n)
        .map(([table, n]) => `${table} (+${n - (before[table] ?? 0)} rows)`);
    },
    async fingerprint() {
      const rows = await database.raw.query<{ t: string; n: number; h: string }>(fingerprintQuery);
      return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join("\n");
    },
  };
}
