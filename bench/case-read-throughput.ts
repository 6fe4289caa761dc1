import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import autocannon, { type Result as AutocannonResult } from "autocannon";
import { sampleReport } from "../src/server/test-support/reports.ts";
import { type LoggedIn, loginAsDemoUser } from "./support/login.ts";
import { startServer } from "./support/server.ts";
import { round } from "./support/stats.ts";

export interface RouteThroughput {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  completed: number;
}

export interface CaseReadResult {
  database: "pglite" | "postgresql";
  connections: number;
  durationSeconds: number;
  serverLogLevel: string;
  authMe: RouteThroughput;
  caseRead: RouteThroughput;
  /** case read ÷ auth/me; issue 9's target: ≥ 0.5 on PostgreSQL, ≥ 0.4 on PGlite. */
  ratio: number;
  target: number;
}

export interface CaseReadOptions {
  workDir: string;
  /** A fresh PostgreSQL database, or undefined for PGlite. */
  databaseUrl: string | undefined;
  connections: number;
  durationSeconds: number;
  serverLogLevel: string;
}

/** Sends a JSON request as the logged-in user; fails the part on anything but the expected status. */
async function send(baseUrl: string, session: LoggedIn, url: string, body: unknown, expected: number) {
  const response = await fetch(`${baseUrl}${url}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
    },
    body: JSON.stringify(body),
  });
  if (response.status !== expected) {
    throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  }
  return response.json() as Promise<Record<string, unknown>>;
}

/**
 * The case the bench reads: the sample household of the tests (three persons, one report),
 * assessed and handed by the centre to Zwolle's local team, so it has an involvement, a handover
 * and a safety assessment. The centre keeps its triage ground and reads it in the full view.
 */
async function createCase(baseUrl: string, session: LoggedIn): Promise<string> {
  const organisations = (await (await fetch(`${baseUrl}/api/v1/organisations`)).json()) as {
    id: string;
    kind: string;
    municipalityCode?: string;
  }[];
  const team = organisations.find((o) => o.kind === "local-team" && o.municipalityCode === "GM0193");
  if (!team) {
    throw new Error("the demo region has no local team for Zwolle (GM0193)");
  }
  const report = await send(baseUrl, session, "/api/v1/reports", sampleReport(), 201);
  await send(
    baseUrl,
    session,
    `/api/v1/reports/${report.id}/safety-assessment`,
    {
      acuteUnsafety: false,
      structuralUnsafety: true,
      immediateMeasures: ["Safety agreement with the mother"],
    },
    200,
  );
  const triaged = await send(
    baseUrl,
    session,
    `/api/v1/reports/${report.id}/triage`,
    {
      route: "handover",
      toOrganisationId: team.id,
      rationale: "Local help with a safety plan suits this family.",
    },
    200,
  );
  return triaged.caseId as string;
}

async function load(url: string, session: LoggedIn, connections: number, durationSeconds: number) {
  const options = { url, connections, headers: { cookie: session.cookie } };
  await autocannon({ ...options, duration: Math.min(3, durationSeconds) }); // warm-up
  const measured: AutocannonResult = await autocannon({ ...options, duration: durationSeconds });
  if (measured.non2xx > 0 || measured.errors > 0) {
    throw new Error(
      `GET ${new URL(url).pathname} under load: ${measured.non2xx} non-2xx answers and ${measured.errors} errors ` +
        `(${JSON.stringify(measured.statusCodeStats)})`,
    );
  }
  return {
    requestsPerSecond: round(measured.requests.average, 0),
    latencyP50Ms: measured.latency.p50,
    latencyP99Ms: measured.latency.p99,
    completed: measured.requests.total,
  };
}

/**
 * Issue 9: the audited `GET /api/v1/cases/{id}` beside `GET /api/v1/auth/me` on the same server
 * with the same session, one after the other, `connections` connections each. Every case read
 * appends an audit entry, so the chain grows by the number of reads.
 */
export async function measureCaseReadThroughput(options: CaseReadOptions): Promise<CaseReadResult> {
  const { workDir, databaseUrl, connections, durationSeconds } = options;
  const database = databaseUrl ? "postgresql" : "pglite";
  const dataDir = await mkdtemp(path.join(workDir, `case-read-${database}-`));
  const server = await startServer({
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    logFile: path.join(workDir, `case-read-${database}.log`),
    logLevel: options.serverLogLevel,
  });
  try {
    const session = await loginAsDemoUser(server.baseUrl);
    const caseId = await createCase(server.baseUrl, session);
    const authMe = await load(`${server.baseUrl}/api/v1/auth/me`, session, connections, durationSeconds);
    const caseRead = await load(
      `${server.baseUrl}/api/v1/cases/${caseId}`,
      session,
      connections,
      durationSeconds,
    );
    return {
      database,
      connections,
      durationSeconds,
      serverLogLevel: options.serverLogLevel,
      authMe,
      caseRead,
      ratio: round(caseRead.requestsPerSecond / authMe.requestsPerSecond, 2),
      target: database === "postgresql" ? 0.5 : 0.4,
    };
  } finally {
    await server.stop();
  }
}
