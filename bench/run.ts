// `npm run bench`: start time, authenticated throughput and matching quality and speed, printed as
// a summary and written to bench/results/. See bench/README.md for the environment variables.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { measureAuthMeThroughput } from "./auth-me-throughput.ts";
import { measureCaseReadThroughput } from "./case-read-throughput.ts";
import { measureMatching } from "./matching/run-matching.ts";
import { type BenchReport, formatSummary } from "./report.ts";
import { readSettings } from "./settings.ts";
import { measureStartTime } from "./start-time.ts";
import { machineFacts } from "./support/machine.ts";
import { benchDatabases } from "./support/postgres.ts";

const resultsDir = path.join(import.meta.dirname, "results");
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const settings = readSettings();
  const workDir = await mkdtemp(path.join(os.tmpdir(), "schakel-bench-"));
  const databases = settings.postgresAdminUrl ? benchDatabases(settings.postgresAdminUrl) : undefined;
  const cleanUp = async () => {
    await databases?.dropAll();
    await rm(workDir, { recursive: true, force: true });
  };
  // Ctrl+C during a long load still drops the bench databases and removes the temp folder.
  process.once("SIGINT", () => {
    log("interrupted: cleaning up");
    void cleanUp().finally(() => process.exit(130));
  });

  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    finishedAt: "",
    settings: {
      ...settings,
      parts: [...settings.parts],
      postgresAdminUrl: settings.postgresAdminUrl ?? null,
    },
    machine: await machineFacts(settings.postgresAdminUrl),
    loadAverageAtEnd: [],
    startTime: null,
    authMe: [],
    caseRead: [],
    matching: [],
    errors: [],
  };
  const attempt = async (part: string, fn: () => Promise<void>) => {
    log(`bench: ${part}`);
    try {
      await fn();
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`bench: ${part} failed: ${message}`);
      report.errors.push({ part, message });
    }
  };

  try {
    if (settings.parts.has("start")) {
      await attempt("start time", async () => {
        report.startTime = await measureStartTime(workDir, settings.startRuns);
      });
    }
    if (settings.parts.has("auth")) {
      const throughputOn = (databaseUrl: string | undefined) =>
        measureAuthMeThroughput({
          workDir,
          databaseUrl,
          connections: settings.connections,
          durationSeconds: settings.durationSeconds,
          serverLogLevel: settings.serverLogLevel,
        });
      await attempt("GET /auth/me on pglite", async () => {
        report.authMe.push(await throughputOn(undefined));
      });
      if (databases) {
        await attempt("GET /auth/me on postgresql", async () => {
          report.authMe.push(await databases.use(throughputOn));
        });
      }
    }
    if (settings.parts.has("case-read")) {
      const caseReadOn = (databaseUrl: string | undefined) =>
        measureCaseReadThroughput({
          workDir,
          databaseUrl,
          connections: settings.connections,
          durationSeconds: settings.durationSeconds,
          serverLogLevel: settings.serverLogLevel,
        });
      await attempt("audited case read on pglite", async () => {
        report.caseRead.push(await caseReadOn(undefined));
      });
      if (databases) {
        await attempt("audited case read on postgresql", async () => {
          report.caseRead.push(await databases.use(caseReadOn));
        });
      }
    }
    if (settings.parts.has("matching")) {
      for (const size of settings.matchingSizes) {
        await attempt(
          `matching on ${size.database}, ${size.persons.toLocaleString("en")} persons`,
          async () => {
            const matchingOn = (databaseUrl: string | undefined) =>
              measureMatching({
                size,
                workDir,
                databaseUrl,
                seed: settings.seed,
                queriesPerKind: settings.queriesPerKind,
                absentQueriesPerKind: settings.absentQueriesPerKind,
                baselineQueries: settings.baselineQueries,
                log,
              });
            report.matching.push(
              size.database === "postgresql" && databases
                ? await databases.use(matchingOn)
                : await matchingOn(undefined),
            );
          },
        );
      }
    }
  } finally {
    await cleanUp();
  }

  report.finishedAt = new Date().toISOString();
  report.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  await mkdir(resultsDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const stamp = report.startedAt.replaceAll(":", "-").replace(/\.\d+Z$/, "Z");
  await writeFile(path.join(resultsDir, `${stamp}.json`), json);
  await writeFile(path.join(resultsDir, "latest.json"), json);
  process.stdout.write(formatSummary(report));
  log(`\nresults: bench/results/${stamp}.json (and latest.json)`);
  return report.errors.length > 0 ? 1 : 0;
}

process.exitCode = await main();
