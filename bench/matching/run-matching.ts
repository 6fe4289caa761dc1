import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { openDatabase } from "../../src/server/db/client.ts";
import { migrate } from "../../src/server/db/migrate.ts";
import { matchThreshold } from "../../src/server/intake/matching/find-candidates.ts";
import type { MatchingSize } from "../settings.ts";
import { type LatencySummary, round, summariseLatencies } from "../support/stats.ts";
import { runBaseline } from "./baseline.ts";
import { collectExamples, type FalsePositiveExample, type MissExample } from "./examples.ts";
import { type GeneratedPerson, generatePersons } from "./generate-persons.ts";
import { type LoadTimings, loadPersons } from "./load-persons.ts";
import {
  candidateLimit,
  type MatchingQuality,
  type QueryOutcome,
  runQueries,
  summariseQuality,
} from "./measure.ts";
import { createRandom } from "./random.ts";
import { buildQueries } from "./variants.ts";

export const matchingTargets = { recall: 0.98, precision: 0.95, speedupAtLargestSize: 20 } as const;

export interface MatchingResult {
  database: "pglite" | "postgresql";
  persons: number;
  candidateLimit: number;
  matchThreshold: number;
  load: LoadTimings & { rowsPerSecond: number };
  /** persons with its indexes. */
  tableMegabytes: number;
  quality: MatchingQuality;
  baseline: {
    queries: number;
    latency: LatencySummary;
    /** The indexed path on exactly the baseline's queries. */
    indexedLatency: LatencySummary;
    /** Baseline p50 ÷ indexed p50 on the same queries. */
    speedupP50: number;
    speedupP95: number;
    /** Queries where the baseline returned the indexed candidates (it should: the same SQL). */
    sameAnswers: number;
  };
  /** A few missed truths and wrong candidates, with the stored persons: the "why" of the figures. */
  examples: { misses: MissExample[]; falsePositives: FalsePositiveExample[] };
}

export interface MatchingOptions {
  size: MatchingSize;
  workDir: string;
  /** A fresh PostgreSQL database when size.database is "postgresql". */
  databaseUrl: string | undefined;
  seed: number;
  queriesPerKind: number;
  absentQueriesPerKind: number;
  baselineQueries: number;
  log: (line: string) => void;
}

/**
 * The members of every n-th household are kept in memory as possible query subjects (~20,000 in
 * all): whole households, so a query about a new household member can avoid its members' names.
 */
function* keepEveryNthHousehold(source: Iterable<GeneratedPerson>, n: number, kept: GeneratedPerson[]) {
  for (const person of source) {
    if (person.household % n === 0) {
      kept.push(person);
    }
    yield person;
  }
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Loads `size.persons` synthetic persons into a fresh database and measures matching on them. */
export async function measureMatching(options: MatchingOptions): Promise<MatchingResult> {
  const { size, log } = options;
  const dataDir = await mkdtemp(path.join(options.workDir, `matching-${size.database}-`));
  const database = await openDatabase(
    size.database === "postgresql" ? { databaseUrl: options.databaseUrl } : { dataDir },
  );
  try {
    await migrate(database.raw);
    const pool: GeneratedPerson[] = [];
    const stride = Math.max(1, Math.ceil(size.persons / 20_000));
    const progressEvery = Math.max(100_000, Math.round(size.persons / 10));
    const load = await loadPersons(
      database,
      keepEveryNthHousehold(generatePersons(options.seed, size.persons), stride, pool),
      {
        batchSize: size.database === "pglite" ? 5_000 : 10_000,
        onProgress: (loaded) => {
          if (loaded % progressEvery === 0) {
            log(`  loaded ${loaded.toLocaleString("en")} of ${size.persons.toLocaleString("en")} persons`);
          }
        },
      },
    );
    log(
      `  loaded ${load.persons.toLocaleString("en")} persons in ${round(load.insertSeconds, 1)} s, ` +
        `indexes in ${round(load.indexSeconds, 1)} s; querying`,
    );
    const [sizeRow] = await database.raw.query<{ bytes: string | number }>(
      "SELECT pg_total_relation_size('persons') AS bytes",
    );

    const queries = shuffled(
      buildQueries(pool, {
        seed: options.seed,
        perKind: options.queriesPerKind,
        absentPerKind: options.absentQueriesPerKind,
      }),
      options.seed + 1,
    );
    // Warm-up: the first queries after a load pay for cold buffers and plan caches.
    await runQueries(database.db, queries.slice(0, 20));
    const outcomes = await runQueries(database.db, queries);

    const step = outcomes.length / Math.min(options.baselineQueries, outcomes.length);
    const subset: QueryOutcome[] = [];
    for (let i = 0; i < Math.min(options.baselineQueries, outcomes.length); i++) {
      subset.push(outcomes[Math.floor(i * step)] as QueryOutcome);
    }
    log(`  ${outcomes.length} queries done; baseline (no index) on ${subset.length}`);
    const baselineOutcomes = await runBaseline(database.db, subset);
    const ran = (o: QueryOutcome) => o.error === undefined;
    const baselineLatency = summariseLatencies(baselineOutcomes.filter(ran).map((o) => o.ms));
    const indexedLatency = summariseLatencies(subset.filter(ran).map((o) => o.ms));
    // As sets: candidates of equal score may come in another order from another access path.
    const asSet = (o: QueryOutcome) => [...o.candidateIds].sort().join();
    const sameAnswers = baselineOutcomes.filter(
      (b, i) => asSet(b) === asSet(subset[i] as QueryOutcome),
    ).length;

    const examples = await collectExamples(database.raw, outcomes, 15);

    return {
      database: size.database,
      persons: load.persons,
      candidateLimit,
      matchThreshold,
      load: {
        ...load,
        insertSeconds: round(load.insertSeconds, 1),
        indexSeconds: round(load.indexSeconds, 1),
        rowsPerSecond: round(load.persons / load.insertSeconds, 0),
      },
      tableMegabytes: round(Number(sizeRow?.bytes ?? 0) / 1_048_576, 0),
      quality: summariseQuality(outcomes),
      baseline: {
        queries: subset.length,
        latency: baselineLatency,
        indexedLatency,
        speedupP50: round(baselineLatency.p50Ms / indexedLatency.p50Ms, 1),
        speedupP95: round(baselineLatency.p95Ms / indexedLatency.p95Ms, 1),
        sameAnswers,
      },
      examples,
    };
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
