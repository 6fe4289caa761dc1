/**
 * What a bench run measures and how hard, from environment variables read once here (the bench's
 * counterpart of src/server/config.ts).
 */

export type BenchPart = "start" | "auth" | "case-read" | "matching";

export interface MatchingSize {
  database: "pglite" | "postgresql";
  persons: number;
}

export interface BenchSettings {
  quick: boolean;
  parts: ReadonlySet<BenchPart>;
  /** Seconds per autocannon run and per raw-query ceiling run. */
  durationSeconds: number;
  connections: number;
  /** Fresh and warm starts each. */
  startRuns: number;
  /**
   * The server beside which bench databases are created, or undefined: PostgreSQL is measured
   * when DATABASE_URL is set or BENCH_PG=1, and never when BENCH_PG=0.
   */
  postgresAdminUrl: string | undefined;
  matchingSizes: MatchingSize[];
  /** Variant queries per variant kind (present persons), and queries per absent kind. */
  queriesPerKind: number;
  absentQueriesPerKind: number;
  /** Queries for the unindexed baseline, which is slow at large sizes. */
  baselineQueries: number;
  seed: number;
  /** The server's LOG_LEVEL during the throughput runs. */
  serverLogLevel: string;
}

const defaultLocalPostgres = "postgres://postgres@127.0.0.1:5432/postgres";
const allParts: BenchPart[] = ["start", "auth", "case-read", "matching"];

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  }
  return value;
}

function readParts(raw: string | undefined): Set<BenchPart> {
  if (!raw) {
    return new Set(allParts);
  }
  const parts = raw.split(",").map((p) => p.trim());
  const unknown = parts.filter((p) => !allParts.includes(p as BenchPart));
  if (unknown.length > 0) {
    throw new Error(`BENCH_ONLY names unknown parts: ${unknown.join(", ")} (known: ${allParts.join(", ")})`);
  }
  return new Set(parts as BenchPart[]);
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const quick = env.BENCH_QUICK === "1";
  const large = env.BENCH_LARGE === "1";
  const postgresAdminUrl =
    env.BENCH_PG === "0"
      ? undefined
      : env.DATABASE_URL || (env.BENCH_PG === "1" ? defaultLocalPostgres : undefined);
  if (large && !postgresAdminUrl) {
    throw new Error("BENCH_LARGE=1 needs PostgreSQL: set DATABASE_URL or BENCH_PG=1");
  }

  const matchingSizes: MatchingSize[] = [
    { database: "pglite", persons: positiveNumber(env, "BENCH_PGLITE_PERSONS", quick ? 5_000 : 100_000) },
  ];
  if (postgresAdminUrl) {
    matchingSizes.push({
      database: "postgresql",
      persons: positiveNumber(env, "BENCH_PG_PERSONS", quick ? 20_000 : 1_000_000),
    });
    if (large) {
      matchingSizes.push({ database: "postgresql", persons: 15_000_000 });
    }
  }

  return {
    quick,
    parts: readParts(env.BENCH_ONLY),
    durationSeconds: positiveNumber(env, "BENCH_DURATION", quick ? 3 : 10),
    connections: 50,
    startRuns: positiveNumber(env, "BENCH_START_RUNS", quick ? 2 : 5),
    postgresAdminUrl,
    matchingSizes,
    queriesPerKind: positiveNumber(env, "BENCH_QUERIES_PER_KIND", quick ? 15 : 50),
    absentQueriesPerKind: positiveNumber(env, "BENCH_ABSENT_QUERIES_PER_KIND", quick ? 30 : 125),
    baselineQueries: positiveNumber(env, "BENCH_BASELINE_QUERIES", quick ? 10 : 30),
    seed: positiveNumber(env, "BENCH_SEED", 20_260_101),
    serverLogLevel: env.BENCH_SERVER_LOG_LEVEL || "info",
  };
}
