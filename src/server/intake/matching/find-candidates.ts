import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rootPersonIds } from "../service/resolve-person.ts";
import { birthDateVariants } from "./birth-date-variants.ts";
import {
  firstNameKey,
  type MatchInput,
  normaliseHouseNumber,
  normalisePostcode,
  scoreCandidate,
  surnameKey,
} from "./normalise.ts";

export interface Candidate {
  personId: string;
  score: number;
  reasons: ("bsn" | "name" | "birthDate" | "address")[];
}

/** Shown to the intake worker from this score on; a name alone never reaches it. */
export const matchThreshold = 0.6;

interface Row {
  id: string;
  first_name: string | null;
  last_name: string | null;
  birth_date: string | null;
  bsn: string | null;
  postcode: string | null;
  house_number: string | null;
}

/**
 * Known persons that may be this person. The database narrows by index (exact BSN; birth date
 * variants combined with a trigram-similar surname or the same first name; the same address) and
 * the pure scorer decides; the best candidates first. Records merged into a known person (persons
 * confirmed on earlier reports, with the BSN or spelling they were reported with) are compared
 * too and answer the known person they resolve to, once, with their best score.
 */
export async function findCandidates(
  db: Db,
  input: MatchInput,
  excludePersonIds: string[],
  limit = 5,
): Promise<Candidate[]> {
  const surname = input.lastName ? surnameKey(input.lastName) : null;
  const first = input.firstName ? firstNameKey(input.firstName) : null;
  const dates = input.birthDate ? birthDateVariants(input.birthDate) : [];
  const postcode = input.postcode ? normalisePostcode(input.postcode) : null;
  const houseNumber = input.houseNumber ? normaliseHouseNumber(input.houseNumber) : null;
  if (!input.bsn && dates.length === 0 && !(postcode && houseNumber)) {
    return [];
  }
  const excluded = `{${excludePersonIds.join(",")}}`;
  const datesArray = `{${dates.join(",")}}`;
  const result = await db.execute(sql`
    SELECT p.id, p.first_name, p.last_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
           p.bsn, p.postcode, p.house_number
    FROM persons p
    WHERE NOT (p.id = ANY(${excluded}::uuid[]))
      AND (
        (${input.bsn ?? null}::text IS NOT NULL AND p.bsn = ${input.bsn ?? null})
        OR (p.birth_date = ANY(${datesArray}::date[])
            AND ((${surname}::text IS NOT NULL AND p.surname_key % ${surname})
                 OR (${first}::text IS NOT NULL AND p.first_name_key = ${first})))
        OR (${postcode}::text IS NOT NULL AND p.postcode = ${postcode} AND p.house_number_key = ${houseNumber})
      )
    -- At national scale a common surname with its birth-date variants passes 200 rows: keep the
    -- most similar ones, not an arbitrary 200.
    ORDER BY (p.bsn IS NOT DISTINCT FROM ${input.bsn ?? null}) DESC,
             similarity(coalesce(p.surname_key, ''), coalesce(${surname}::text, '')) DESC
    LIMIT 200`);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const scored: Candidate[] = [];
  for (const row of rows) {
    const { score, reasons } = scoreCandidate(input, {
      ...(row.first_name ? { firstName: row.first_name } : {}),
      ...(row.last_name ? { lastName: row.last_name } : {}),
      ...(row.birth_date ? { birthDate: row.birth_date } : {}),
      ...(row.bsn ? { bsn: row.bsn } : {}),
      ...(row.postcode ? { postcode: row.postcode } : {}),
      ...(row.house_number ? { houseNumber: row.house_number } : {}),
    });
    if (score >= matchThreshold || reasons.includes("bsn")) {
      scored.push({ personId: row.id, score, reasons });
    }
  }
  const roots = await rootPersonIds(
    db,
    scored.map((c) => c.personId),
  );
  const best = new Map<string, Candidate>();
  for (const candidate of scored.sort((a, b) => b.score - a.score)) {
    const root = roots.get(candidate.personId) ?? candidate.personId;
    const seen = best.get(root);
    if (excludePersonIds.includes(root)) {
      continue;
    }
    if (!seen) {
      best.set(root, { ...candidate, personId: root });
    } else if (candidate.reasons.includes("bsn") && !seen.reasons.includes("bsn")) {
      // A BSN on any record of the known person makes the match certain.
      best.set(root, { ...seen, reasons: ["bsn", ...seen.reasons] });
    }
  }
  return [...best.values()].slice(0, limit);
}
