import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import autocannon, { type Result as AutocannonResult } from "autocannon";
import { openDatabase } from "../src/server/db/client.ts";
import { type CeilingResult, measureSessionLookupCeiling } from "./session-lookup-ceiling.ts";
import { loginAsDemoUser } from "./support/login.ts";
import { startServer } from "./support/server.ts";
import { round } from "./support/stats.ts";

export interface ThroughputResult {
  database: "pglite" | "postgresql";
  connections: number;
  durationSeconds: number;
  serverLogLevel: string;
  app: {
    requestsPerSecond: number;
    latencyP50Ms: number;
    latencyP99Ms: number;
    completed: number;
    non2xx: number;
    errors: number;
  };
  ceiling: CeilingResult;
  /** app ÷ ceiling. */
  ratio: number;
}

export interface ThroughputOptions {
  workDir: string;
  /** A fresh PostgreSQL database, or undefined for PGlite. */
  databaseUrl: string | undefined;
  connections: number;
  durationSeconds: number;
  serverLogLevel: string;
}

/**
 * Authenticated GET /api/v1/auth/me under `connections` concurrent connections, beside the
 * ceiling of the session lookup that every authenticated request makes. The server runs in its own
 * process; autocannon and the ceiling loop run in this one, so they do not share an event loop.
 */
export async function measureAuthMeThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const { workDir, databaseUrl, connections, durationSeconds } = options;
  const database = databaseUrl ? "postgresql" : "pglite";
  const dataDir = await mkdtemp(path.join(workDir, `auth-${database}-`));
  const server = await startServer({
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    logFile: path.join(workDir, `auth-${database}.log`),
    logLevel: options.serverLogLevel,
  });

  let session: Awaited<ReturnType<typeof loginAsDemoUser>>;
  let measured: AutocannonResult;
  try {
    session = await loginAsDemoUser(server.baseUrl);
    const url = `${server.baseUrl}/api/v1/auth/me`;
    const check = await fetch(url, { headers: { cookie: session.cookie } });
    if (check.status !== 200) {
      throw new Error(`GET /api/v1/auth/me answered ${check.status} with the session cookie`);
    }
    const load = { url, connections, headers: { cookie: session.cookie } };
    await autocannon({ ...load, duration: Math.min(3, durationSeconds) }); // warm-up
    measured = await autocannon({ ...load, duration: durationSeconds });
  } finally {
    await server.stop();
  }
  if (measured.non2xx > 0 || measured.errors > 0) {
    throw new Error(
      `GET /api/v1/auth/me under load: ${measured.non2xx} non-2xx answers and ${measured.errors} errors ` +
        `(${JSON.stringify(measured.statusCodeStats)})`,
    );
  }

  // The same data the server used, now opened by the bench: the server has stopped and released
  // the PGlite folder, and its session is still live (idle limit 15 min).
  const db = await openDatabase({ databaseUrl, dataDir });
  let ceiling: CeilingResult;
  try {
    ceiling = await measureSessionLookupCeiling(
      db.raw,
      session.token,
      durationSeconds,
      databaseUrl ? connections : 1,
    );
  } finally {
    await db.close();
  }

  const requestsPerSecond = round(measured.requests.average, 0);
  return {
    database,
    connections,
    durationSeconds,
    serverLogLevel: options.serverLogLevel,
    app: {
      requestsPerSecond,
      latencyP50Ms: measured.latency.p50,
      latencyP99Ms: measured.latency.p99,
      completed: measured.requests.total,
      non2xx: measured.non2xx,
      errors: measured.errors,
    },
    ceiling,
    ratio: round(requestsPerSecond / ceiling.queriesPerSecond, 2),
  };
}
