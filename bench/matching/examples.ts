import type { RawQuery } from "../../src/server/db/client.ts";
import type { MatchInput } from "../../src/server/intake/matching/normalise.ts";
import type { QueryOutcome } from "./measure.ts";
import type { QueryKind } from "./variants.ts";

/** A stored person as findCandidates() compares it. */
interface StoredPerson {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  postcode: string;
  houseNumber: string;
}

export interface MissExample {
  kind: QueryKind;
  input: MatchInput;
  truth: StoredPerson | undefined;
}

export interface FalsePositiveExample {
  kind: QueryKind;
  input: MatchInput;
  wrong: { score: number; reasons: string[]; person: StoredPerson | undefined }[];
}

/**
 * Up to `limit` missed truths and wrong candidates, with the stored persons involved, so a reader
 * of the JSON can see why without rerunning (all data is synthetic).
 */
export async function collectExamples(
  raw: RawQuery,
  outcomes: readonly QueryOutcome[],
  limit: number,
): Promise<{ misses: MissExample[]; falsePositives: FalsePositiveExample[] }> {
  const missed = outcomes
    .filter(
      (o) => o.error === undefined && o.query.truthId !== null && !o.candidateIds.includes(o.query.truthId),
    )
    .slice(0, limit);
  const wrongly = outcomes.filter((o) => o.candidateIds.some((id) => id !== o.query.truthId)).slice(0, limit);
  const ids = [
    ...missed.map((o) => o.query.truthId as string),
    ...wrongly.flatMap((o) => o.candidateIds.filter((id) => id !== o.query.truthId)),
  ];
  const rows = await raw.query<StoredPerson>(
    `SELECT id, first_name AS "firstName", last_name AS "lastName",
            to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", postcode, house_number AS "houseNumber"
     FROM persons WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    misses: missed.map((o) => ({
      kind: o.query.kind,
      input: o.query.input,
      truth: byId.get(o.query.truthId as string),
    })),
    falsePositives: wrongly.map((o) => ({
      kind: o.query.kind,
      input: o.query.input,
      wrong: o.candidates
        .filter((c) => c.personId !== o.query.truthId)
        .map((c) => ({ score: c.score, reasons: c.reasons, person: byId.get(c.personId) })),
    })),
  };
}
