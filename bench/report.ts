import type { ThroughputResult } from "./auth-me-throughput.ts";
import type { CaseReadResult } from "./case-read-throughput.ts";
import { type MatchingResult, matchingTargets } from "./matching/run-matching.ts";
import { kindDescriptions } from "./matching/variants.ts";
import type { StartPhases, StartTimeResult } from "./start-time.ts";
import type { MachineFacts } from "./support/machine.ts";
import { formatTable, heading, verdict } from "./support/table.ts";

/** Everything one run produced; written as JSON and printed as the summary below. */
export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  settings: Record<string, unknown>;
  machine: MachineFacts;
  loadAverageAtEnd: number[];
  startTime: StartTimeResult | null;
  authMe: ThroughputResult[];
  caseRead: CaseReadResult[];
  matching: MatchingResult[];
  errors: { part: string; message: string }[];
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en")} ms`;
const num = (value: number) => Math.round(value).toLocaleString("en");
const fixed = (value: number, digits: number) => value.toFixed(digits);

function startTimeSection(result: StartTimeResult): string {
  return [
    heading("Start to healthy: PGlite with the demo region (node --import tsx src/server/main.ts)"),
    formatTable(
      ["start", "median", "runs", "target", ""],
      [
        [
          "fresh data folder (migrations + demo region)",
          ms(result.freshMedianMs),
          result.freshMs.map(num).join(", "),
          `< ${ms(result.targetMs)}`,
          verdict(result.freshMedianMs < result.targetMs),
        ],
        [
          "warm restart",
          ms(result.warmMedianMs),
          result.warmMs.map(num).join(", "),
          `< ${ms(result.targetMs)}`,
          verdict(result.warmMedianMs < result.targetMs),
        ],
        ["(node + tsx doing nothing)", ms(result.processFloorMs), "", "", ""],
      ],
    ),
    "",
    formatTable(
      ["where a start spends its time (one run each)", "fresh", "warm"],
      (Object.keys(result.phases.fresh) as (keyof StartPhases)[]).map((phase) => [
        phase,
        ms(result.phases.fresh[phase]),
        ms(result.phases.warm[phase]),
      ]),
    ),
  ].join("\n");
}

function authMeSection(results: ThroughputResult[]): string {
  const first = results[0];
  return [
    heading(
      `GET /api/v1/auth/me, ${first?.connections ?? 50} connections, ${first?.durationSeconds ?? "?"} s (server LOG_LEVEL=${first?.serverLogLevel ?? "?"})`,
    ),
    formatTable(
      ["database", "app req/s", "p50", "p99", "ceiling q/s", "ceiling callers", "app / ceiling"],
      results.map((r) => [
        r.database,
        num(r.app.requestsPerSecond),
        ms(r.app.latencyP50Ms),
        ms(r.app.latencyP99Ms),
        num(r.ceiling.queriesPerSecond),
        r.database === "pglite" ? "1 (sequential)" : `${r.ceiling.concurrency} on a pool of 10`,
        fixed(r.ratio, 2),
      ]),
    ),
    "ceiling = the session lookup of every authenticated request as plain SQL in a loop, no HTTP.",
  ].join("\n");
}

function caseReadSection(results: CaseReadResult[]): string {
  const first = results[0];
  return [
    heading(
      `Audited GET /api/v1/cases/{id} beside GET /api/v1/auth/me, ${first?.connections ?? 50} connections, ${first?.durationSeconds ?? "?"} s each`,
    ),
    formatTable(
      ["database", "auth/me req/s", "case read req/s", "case p50", "case p99", "case / auth", "target", ""],
      results.map((r) => [
        r.database,
        num(r.authMe.requestsPerSecond),
        num(r.caseRead.requestsPerSecond),
        ms(r.caseRead.latencyP50Ms),
        ms(r.caseRead.latencyP99Ms),
        fixed(r.ratio, 2),
        `≥ ${fixed(r.target, 1)}`,
        verdict(r.ratio >= r.target),
      ]),
    ),
    "same server, same session, one route after the other; every case read appends an audit entry.",
  ].join("\n");
}

function matchingSection(results: MatchingResult[]): string {
  const largest = Math.max(...results.map((r) => r.persons));
  const lines = [
    heading("Matching: findCandidates() on synthetic persons"),
    formatTable(
      [
        "database",
        "persons",
        "load",
        "recall",
        "precision",
        "prec@1",
        "absent w/ cand.",
        "errors",
        "p50",
        "p95",
        "baseline p50",
        "speed-up",
      ],
      results.map((r) => [
        r.database,
        num(r.persons),
        `${fixed(r.load.insertSeconds + r.load.indexSeconds, 1)} s`,
        `${fixed(r.quality.recall, 3)} ${verdict(r.quality.recall >= matchingTargets.recall)}`,
        `${fixed(r.quality.precision, 3)} ${verdict(r.quality.precision >= matchingTargets.precision)}`,
        fixed(r.quality.precisionAt1, 3),
        `${r.quality.absentWithCandidates}/${r.quality.absentQueries}`,
        r.quality.errors.reduce((sum, e) => sum + e.count, 0),
        ms(r.quality.latency.p50Ms),
        ms(r.quality.latency.p95Ms),
        ms(r.baseline.latency.p50Ms),
        `${fixed(r.baseline.speedupP50, 1)}×${r.persons === largest ? ` ${verdict(r.baseline.speedupP50 >= matchingTargets.speedupAtLargestSize)}` : ""}`,
      ]),
    ),
    `targets: recall ≥ ${matchingTargets.recall}, precision ≥ ${matchingTargets.precision}, ` +
      `≥ ${matchingTargets.speedupAtLargestSize}× faster than the unindexed baseline at the largest size ` +
      "(speed-up = baseline p50 ÷ indexed p50 on the same queries)",
  ];
  for (const r of results) {
    lines.push(
      heading(`Per variant kind: ${r.database}, ${num(r.persons)} persons`),
      formatTable(
        ["kind", "queries", "recall", "with cand.", "cands", "truth 1st", "errors", "p50"],
        r.quality.byKind.map((k) => [
          k.kind,
          k.queries,
          k.recall === null ? "-" : fixed(k.recall, 3),
          k.withCandidates,
          k.candidatesReturned,
          k.kind.startsWith("absent") ? "-" : k.truthFirst,
          k.errors,
          ms(k.p50Ms),
        ]),
      ),
      `baseline answers equal to the indexed ones: ${r.baseline.sameAnswers}/${r.baseline.queries}`,
      `wrong candidates by the scorer's reasons: ${
        r.quality.wrongCandidatesByReasons
          .map((w) => `${w.reasons} ${w.count} (${w.atThreshold} at exactly ${r.matchThreshold})`)
          .join(", ") || "none"
      }`,
      ...r.quality.errors.map(
        (e) =>
          `findCandidates() threw on ${e.count} queries: ${e.message} (e.g. ${JSON.stringify(e.example.input)})`,
      ),
    );
  }
  lines.push(
    heading("Variant kinds"),
    ...Object.entries(kindDescriptions).map(([kind, text]) => `${kind.padEnd(24)} ${text}`),
  );
  return lines.join("\n");
}

/** The human-readable summary printed at the end of a run. */
export function formatSummary(report: BenchReport): string {
  const m = report.machine;
  const sections: string[] = [
    heading("Machine"),
    `Node ${m.node}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGigabytes} GB; PGlite ${m.pglite.package}` +
      `${m.postgresql ? `; ${m.postgresql.split(" on ")[0]}` : ""}; commit ${m.git.commit ?? "(none)"}` +
      `${m.git.dirty ? " + uncommitted changes" : ""}`,
    `load average (1/5/15 min) at start ${m.loadAverageAtStart.join(" / ")}, at end ${report.loadAverageAtEnd.join(" / ")}` +
      " — other work on the machine lowers the figures",
  ];
  if (report.startTime) {
    sections.push(startTimeSection(report.startTime));
  }
  if (report.authMe.length > 0) {
    sections.push(authMeSection(report.authMe));
  }
  if (report.caseRead.length > 0) {
    sections.push(caseReadSection(report.caseRead));
  }
  if (report.matching.length > 0) {
    sections.push(matchingSection(report.matching));
  }
  for (const error of report.errors) {
    sections.push(heading(`FAILED: ${error.part}`), error.message);
  }
  return `${sections.join("\n")}\n`;
}
