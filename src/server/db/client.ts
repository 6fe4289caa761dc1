import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** A Drizzle database or transaction; both drivers share the PostgreSQL dialect. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** The plain-SQL side, used by the migration runner and benchmarks. */
export interface RawQuery {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}
export interface RawTransaction extends RawQuery {
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>;
}
export interface RawSql extends RawQuery {
  transaction<T>(fn: (tx: RawTransaction) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: "pglite" | "postgresql";
  db: Db;
  raw: RawSql;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; absent → embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite; absent → in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
  /** Called with the text of every statement Drizzle sends (tests count a request's round trips). */
  onQuery?: ((sql: string) => void) | undefined;
}

/** Opens the configured database: node-postgres when a URL is given, otherwise PGlite. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.onQuery);
  }
  return openPglite(options.dataDir, options.onQuery);
}

const queryLogger = (onQuery: OpenOptions["onQuery"]) =>
  onQuery ? { logger: { logQuery: (sql: string) => onQuery(sql) } } : {};

async function openPglite(dataDir: string | undefined, onQuery?: OpenOptions["onQuery"]): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir ? `file://${dataDir}/pgdata` : "memory://", {
      extensions: { pg_trgm, unaccent },
    });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema, ...queryLogger(onQuery) }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    raw: {
      transaction<T>(fn: (tx: RawTransaction) => Promise<T>) {
        return client.transaction((tx) =>
          fn({
            async query<R>(text: string, params: unknown[] = []) {
              return (await tx.query<R>(text, params)).rows;
            },
            async exec(script: string) {
              await tx.exec(script);
            },
          }),
        );
      },
      async query<T>(text: string, params: unknown[] = []) {
        const result = await client.query<T>(text, params);
        return result.rows;
      },
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(
  url: string,
  poolSize: number,
  onQuery?: OpenOptions["onQuery"],
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Idle clients that fail (server restart) must not crash the process.
  pool.on("error", () => {});
  const db = drizzleNodePg({ client: pool, schema, ...queryLogger(onQuery) }) as unknown as Db;
  return {
    kind: "postgresql",
    db,
    raw: {
      async transaction<T>(fn: (tx: RawTransaction) => Promise<T>) {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const result = await fn({
            async query<R>(text: string, params: unknown[] = []) {
              return (await client.query(text, params)).rows as R[];
            },
            async exec(script: string) {
              await client.query(script);
            },
          });
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      },
      async query<T>(text: string, params: unknown[] = []) {
        const result = await pool.query(text, params);
        return result.rows as T[];
      },
    },
    close: () => pool.end(),
  };
}
