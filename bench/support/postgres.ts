import { randomBytes } from "node:crypto";
import pg from "pg";

/** The URL with another database name (the same server and credentials). */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function runAsAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * Bench databases created beside the admin URL's database, so a run never touches existing data;
 * every one is dropped by dropAll(), also when the run fails.
 */
export interface BenchDatabases {
  /** Runs `fn` on a fresh database and drops it afterwards (a large one should not linger). */
  use<T>(fn: (url: string) => Promise<T>): Promise<T>;
  dropAll(): Promise<void>;
}

export function benchDatabases(adminUrl: string): BenchDatabases {
  const created = new Set<string>();
  const drop = async (name: string) => {
    await runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    created.delete(name);
  };
  return {
    async use(fn) {
      const name = `schakel_bench_${randomBytes(5).toString("hex")}`;
      await runAsAdmin(adminUrl, `CREATE DATABASE ${name}`);
      created.add(name);
      try {
        return await fn(withDatabaseName(adminUrl, name));
      } finally {
        await drop(name);
      }
    },
    async dropAll() {
      for (const name of [...created]) {
        await drop(name);
      }
    },
  };
}

/** The server's version string, e.g. "PostgreSQL 15.20 (Debian …)". */
export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ version: string }>("SELECT version()");
    return result.rows[0]?.version ?? "unknown";
  } finally {
    await client.end();
  }
}
