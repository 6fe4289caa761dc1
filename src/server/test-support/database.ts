import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { loadRegion } from "../region/load-region.ts";

export interface TestDatabase {
  database: Database;
  /** Closes the database and, on PostgreSQL, drops it. */
  dispose(): Promise<void>;
}

/** The URL with another database name (the same server and credentials). */
function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A migrated database with the demo region, of its own: in-memory PGlite by default, or a fresh
 * PostgreSQL database created beside DATABASE_URL's and dropped afterwards, so every run starts
 * clean and test files never share state.
 */
export async function createTestDatabase(
  options: { demoData?: boolean; onQuery?: ((sql: string) => void) | undefined } = {},
): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  let database: Database;
  let drop = async () => {};
  if (adminUrl) {
    const name = `schakel_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    database = await openDatabase({
      databaseUrl: withDatabaseName(adminUrl, name),
      poolSize: 5,
      onQuery: options.onQuery,
    });
    drop = async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    database = await openDatabase({ onQuery: options.onQuery });
  }
  await migrate(database.raw);
  const demo = options.demoData ?? true;
  await loadRegion(database.db, { region: demo ? "ijsselland" : undefined, withDemoAccounts: demo });
  return {
    database,
    async dispose() {
      await database.close();
      await drop();
    },
  };
}
