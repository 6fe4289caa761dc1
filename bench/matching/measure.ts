import type { Db } from "../../src/server/db/client.ts";
import {
  type Candidate,
  findCandidates,
  matchThreshold,
} from "../../src/server/intake/matching/find-candidates.ts";
import { type LatencySummary, round, summariseLatencies } from "../support/stats.ts";
import { absentKinds, type MatchQuery, presentKinds, type QueryKind } from "./variants.ts";

/** The candidates the application offers, as the intake screen shows them (the default limit). */
export const candidateLimit = 5;

export interface QueryOutcome {
  query: MatchQuery;
  candidateIds: string[];
  candidates: Candidate[];
  ms: number;
  /** The first line of the error when findCandidates() threw; the query then counts as a miss. */
  error?: string;
}

const firstLine = (error: unknown): string => {
  const message =
    error instanceof Error
      ? error.cause instanceof Error
        ? error.cause.message
        : error.message
      : String(error);
  return message.split("\n")[0]?.trim() ?? "";
};

/**
 * Calls findCandidates() once and times it. A throw is recorded rather than ending the run: an
 * input the application cannot handle is a finding, and the other queries still count.
 */
export async function timeFindCandidates(db: Db, query: MatchQuery): Promise<QueryOutcome> {
  const startedAt = performance.now();
  try {
    const candidates = await findCandidates(db, query.input, [], candidateLimit);
    const ms = performance.now() - startedAt;
    return { query, candidateIds: candidates.map((c) => c.personId), candidates, ms };
  } catch (error) {
    return {
      query,
      candidateIds: [],
      candidates: [],
      ms: performance.now() - startedAt,
      error: firstLine(error),
    };
  }
}

/** Runs the queries one after another, each timed alone. */
export async function runQueries(db: Db, queries: readonly MatchQuery[]): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    outcomes.push(await timeFindCandidates(db, query));
  }
  return outcomes;
}

export interface KindQuality {
  kind: QueryKind;
  queries: number;
  /** Present kinds: truth among the candidates. Null for absent kinds. */
  recall: number | null;
  /** Queries that returned at least one candidate. */
  withCandidates: number;
  candidatesReturned: number;
  /** Queries whose first candidate is the truth. */
  truthFirst: number;
  /** Queries on which findCandidates() threw. */
  errors: number;
  p50Ms: number;
}

export interface MatchingQuality {
  presentQueries: number;
  absentQueries: number;
  /** Present queries whose truth is among the returned candidates. */
  recall: number;
  /** Returned candidates that are the truth ÷ all returned candidates, over all queries. */
  precision: number;
  /** Queries whose first candidate is the truth ÷ queries with at least one candidate. */
  precisionAt1: number;
  /** Absent persons for whom any candidate came back. */
  absentWithCandidates: number;
  candidatesReturned: number;
  latency: LatencySummary;
  byKind: KindQuality[];
  /**
   * Wrong candidates grouped by the reasons the scorer gave, and how many of them scored exactly
   * the threshold: which rule lets them through.
   */
  wrongCandidatesByReasons: { reasons: string; count: number; atThreshold: number }[];
  /** Distinct errors findCandidates() threw, with how often and an example input. */
  errors: { message: string; count: number; example: MatchQuery }[];
}

const truthFound = (o: QueryOutcome) => o.query.truthId !== null && o.candidateIds.includes(o.query.truthId);
const truthFirst = (o: QueryOutcome) => o.query.truthId !== null && o.candidateIds[0] === o.query.truthId;

export function summariseQuality(outcomes: readonly QueryOutcome[]): MatchingQuality {
  const present = outcomes.filter((o) => o.query.truthId !== null);
  const absent = outcomes.filter((o) => o.query.truthId === null);
  const withCandidates = outcomes.filter((o) => o.candidateIds.length > 0);
  const returned = outcomes.reduce((sum, o) => sum + o.candidateIds.length, 0);
  const found = present.filter(truthFound).length;

  const byKind = [...presentKinds, ...absentKinds].map((kind): KindQuality => {
    const ofKind = outcomes.filter((o) => o.query.kind === kind);
    const isPresent = (presentKinds as readonly string[]).includes(kind);
    return {
      kind,
      queries: ofKind.length,
      recall:
        isPresent && ofKind.length > 0 ? round(ofKind.filter(truthFound).length / ofKind.length, 3) : null,
      withCandidates: ofKind.filter((o) => o.candidateIds.length > 0).length,
      candidatesReturned: ofKind.reduce((sum, o) => sum + o.candidateIds.length, 0),
      truthFirst: ofKind.filter(truthFirst).length,
      errors: ofKind.filter((o) => o.error !== undefined).length,
      p50Ms: summariseLatencies(ofKind.filter((o) => o.error === undefined).map((o) => o.ms)).p50Ms,
    };
  });

  return {
    presentQueries: present.length,
    absentQueries: absent.length,
    recall: round(found / Math.max(1, present.length), 4),
    precision: round(found / Math.max(1, returned), 4),
    precisionAt1: round(outcomes.filter(truthFirst).length / Math.max(1, withCandidates.length), 4),
    absentWithCandidates: absent.filter((o) => o.candidateIds.length > 0).length,
    candidatesReturned: returned,
    // Latency of the queries that ran; a rejected query fails fast and would flatter the figures.
    latency: summariseLatencies(outcomes.filter((o) => o.error === undefined).map((o) => o.ms)),
    byKind,
    wrongCandidatesByReasons: summariseWrongCandidates(outcomes),
    errors: summariseErrors(outcomes),
  };
}

function summariseErrors(outcomes: readonly QueryOutcome[]): MatchingQuality["errors"] {
  const byMessage = new Map<string, { message: string; count: number; example: MatchQuery }>();
  for (const o of outcomes) {
    if (o.error !== undefined) {
      // Grouped by the message without its quoted value: one cause, many dates.
      const pattern = o.error.replace(/"[^"]*"/g, '"…"');
      const entry = byMessage.get(pattern) ?? { message: o.error, count: 0, example: o.query };
      entry.count += 1;
      byMessage.set(pattern, entry);
    }
  }
  return [...byMessage.values()];
}

function summariseWrongCandidates(
  outcomes: readonly QueryOutcome[],
): MatchingQuality["wrongCandidatesByReasons"] {
  const byReasons = new Map<string, { reasons: string; count: number; atThreshold: number }>();
  for (const o of outcomes) {
    for (const c of o.candidates.filter((c) => c.personId !== o.query.truthId)) {
      const reasons = c.reasons.join("+");
      const entry = byReasons.get(reasons) ?? { reasons, count: 0, atThreshold: 0 };
      entry.count += 1;
      entry.atThreshold += c.score === matchThreshold ? 1 : 0;
      byReasons.set(reasons, entry);
    }
  }
  return [...byReasons.values()].sort((a, b) => b.count - a.count);
}
