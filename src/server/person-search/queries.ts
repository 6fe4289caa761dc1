import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";

/** Whose need to know bounds a search: the organisation's cases now, and for the centre its intake queue. */
export interface SearchScope {
  organisationId: string;
  /** The region whose untriaged reports the centre may search; null for everyone else. */
  intakeRegionId: string | null;
}

export interface ScopedPerson {
  id: string;
  first_name: string | null;
  last_name: string | null;
  birth_date: string | null;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * The persons within the caller's need to know: of cases its organisation is involved in now,
 * and for the centre of reports in its region's intake queue (not yet triaged). With a birth date
 * and no name, only that exact birth date is loaded. Nothing outside the scope is read.
 */
export async function personsInScope(tx: Db, scope: SearchScope, exactBirthDate: string | null) {
  const result = await tx.execute(sql`
    WITH scoped AS (
      SELECT cp.person_id FROM case_persons cp
      WHERE EXISTS (SELECT 1 FROM case_involvements ci
                    WHERE ci.case_id = cp.case_id AND ci.organisation_id = ${scope.organisationId}
                      AND ci.ended_at IS NULL)
      UNION
      SELECT rp.person_id FROM report_persons rp JOIN reports r ON r.id = rp.report_id
      WHERE ${scope.intakeRegionId}::uuid IS NOT NULL AND r.region_id = ${scope.intakeRegionId}::uuid
        AND r.status <> 'triaged'
    )
    SELECT p.id, p.first_name, p.last_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date
    FROM persons p JOIN scoped s ON s.person_id = p.id
    WHERE ${exactBirthDate}::date IS NULL OR p.birth_date = ${exactBirthDate}::date`);
  return rowsOf<ScopedPerson>(result);
}

/** The cases of these persons that the organisation is involved in now, with each person's role. */
export async function casesOfPersons(tx: Db, organisationId: string, personIds: string[]) {
  if (personIds.length === 0) {
    return [];
  }
  const result = await tx.execute(sql`
    SELECT cp.person_id, c.id AS case_id, c.reference, c.status, cp.role
    FROM case_persons cp JOIN cases c ON c.id = cp.case_id
    WHERE cp.person_id = ANY(${`{${personIds.join(",")}}`}::uuid[])
      AND EXISTS (SELECT 1 FROM case_involvements ci
                  WHERE ci.case_id = c.id AND ci.organisation_id = ${organisationId} AND ci.ended_at IS NULL)
    ORDER BY c.created_at DESC, c.id`);
  return rowsOf<{ person_id: string; case_id: string; reference: string; status: string; role: string }>(
    result,
  );
}

/** The centre's untriaged reports of its region that name these persons. */
export async function queuedReportsOfPersons(tx: Db, regionId: string, personIds: string[]) {
  if (personIds.length === 0) {
    return [];
  }
  const result = await tx.execute(sql`
    SELECT DISTINCT rp.person_id, r.id AS report_id, r.reference, r.received_at
    FROM report_persons rp JOIN reports r ON r.id = rp.report_id
    WHERE rp.person_id = ANY(${`{${personIds.join(",")}}`}::uuid[])
      AND r.region_id = ${regionId}::uuid AND r.status <> 'triaged'
    ORDER BY r.received_at DESC`);
  return rowsOf<{ person_id: string; report_id: string; reference: string; received_at: Date | string }>(
    result,
  );
}
