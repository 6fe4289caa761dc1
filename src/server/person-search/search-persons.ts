import type { PersonSearchHit } from "../../shared/person-search.ts";
import type { Db } from "../db/client.ts";
import { normaliseName } from "../intake/matching/normalise.ts";
import { birthDateFits, nameFinds } from "./name-match.ts";
import { casesOfPersons, personsInScope, queuedReportsOfPersons, type SearchScope } from "./queries.ts";

const toIso = (value: Date | string): string =>
  (value instanceof Date ? value : new Date(value)).toISOString();

/**
 * Persons found by name and/or birth date within the scope, in a stable order (surname, first
 * name, birth date), with the households (cases) and queued reports through which the caller may
 * know them. The scope is applied in SQL before any name is compared.
 */
export async function searchPersons(
  tx: Db,
  scope: SearchScope,
  search: { name?: string | undefined; birthDate?: string | undefined },
  offset: number,
  limit: number,
): Promise<{ hits: PersonSearchHit[]; more: boolean }> {
  const { name, birthDate } = search;
  const candidates = await personsInScope(tx, scope, name === undefined ? (birthDate ?? null) : null);
  const found = candidates
    .filter((p) => name === undefined || nameFinds(name, { firstName: p.first_name, lastName: p.last_name }))
    .filter((p) => birthDate === undefined || birthDateFits(birthDate, p.birth_date, name !== undefined))
    .map((p) => ({
      p,
      key: `${normaliseName(p.last_name ?? "")}\u0001${normaliseName(p.first_name ?? "")}\u0001${p.birth_date ?? ""}\u0001${p.id}`,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ p }) => p);
  const page = found.slice(offset, offset + limit);
  const ids = page.map((p) => p.id);
  const caseRows = await casesOfPersons(tx, scope.organisationId, ids);
  const reportRows =
    scope.intakeRegionId === null ? [] : await queuedReportsOfPersons(tx, scope.intakeRegionId, ids);
  const hits = page.map((p) => ({
    personId: p.id,
    ...(p.first_name ? { firstName: p.first_name } : {}),
    ...(p.last_name ? { lastName: p.last_name } : {}),
    ...(p.birth_date ? { birthDate: p.birth_date } : {}),
    cases: caseRows
      .filter((c) => c.person_id === p.id)
      .map((c) => ({
        caseId: c.case_id,
        reference: c.reference,
        status: c.status as "open" | "closed",
        role: c.role,
      })),
    reports: reportRows
      .filter((r) => r.person_id === p.id)
      .map((r) => ({ reportId: r.report_id, reference: r.reference, receivedAt: toIso(r.received_at) })),
  }));
  return { hits, more: found.length > offset + limit };
}
