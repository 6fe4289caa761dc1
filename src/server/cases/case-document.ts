import { getTableColumns, sql, type Table } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { cases, handovers, personHelp, persons, restrainingOrders, shelterStays } from "../db/schema.ts";

/**
 * A row of a table as `row_to_json` gives it (column names, instants as ISO text with an
 * offset) turned into the row Drizzle would have selected: property names and `Date`s. Dates
 * (`YYYY-MM-DD`), arrays and text come through JSON unchanged.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] =
      value === null || value === undefined
        ? null
        : column.columnType === "PgTimestamp"
          ? new Date(value as string)
          : value;
  }
  return row as T["$inferSelect"];
}

interface DocumentJson {
  case: Record<string, unknown> | null;
  involvements: { organisationId: string; kind: string; ground: string; since: string }[];
  household: { role: string; person: Record<string, unknown> }[];
  reports: { id: string; reference: string; kind: string; receivedAt: string }[];
  acuteUnsafety: boolean | null;
  directorName: string | null;
  handovers: Record<string, unknown>[];
  help: { row: Record<string, unknown>; name: string | null }[];
  restrainingOrders: Record<string, unknown>[];
  shelterStays: Record<string, unknown>[];
}

export interface CaseRows {
  c: typeof cases.$inferSelect;
  involvements: { organisationId: string; kind: string; ground: string; since: Date }[];
  household: { role: string; person: typeof persons.$inferSelect }[];
  reports: { id: string; reference: string; kind: string; receivedAt: Date }[];
  acuteUnsafety: boolean;
  directorName: string | null;
  handovers: (typeof handovers.$inferSelect)[];
  help: { h: typeof personHelp.$inferSelect; name: string | null }[];
  restrainingOrders: (typeof restrainingOrders.$inferSelect)[];
  shelterStays: (typeof shelterStays.$inferSelect)[];
}

/** `json_agg` of no rows is null; a list is wanted. */
const list = (query: ReturnType<typeof sql>) => sql`coalesce((${query}), '[]'::json)`;

/**
 * Everything the case document shows, in one statement: each part a JSON subquery in the order
 * the document lists it (one round trip instead of one per part; issue 9). The orderings are the
 * ones the parts had as separate queries.
 */
export async function caseRows(tx: Db, caseId: string): Promise<CaseRows | undefined> {
  const result = (await tx.execute(sql`select json_build_object(
    'case', (select row_to_json(c) from cases c where c.id = ${caseId}),
    'involvements', ${list(sql`select json_agg(json_build_object(
        'organisationId', ci.organisation_id, 'kind', o.kind, 'ground', ci.ground, 'since', ci.started_at)
        order by ci.started_at)
      from case_involvements ci join organisations o on o.id = ci.organisation_id
      where ci.case_id = ${caseId} and ci.ended_at is null`)},
    'household', ${list(sql`select json_agg(json_build_object('role', cp.role, 'person', row_to_json(p))
        order by p.birth_date)
      from case_persons cp join persons p on p.id = cp.person_id
      where cp.case_id = ${caseId}`)},
    'reports', ${list(sql`select json_agg(json_build_object(
        'id', r.id, 'reference', r.reference, 'kind', r.kind, 'receivedAt', r.received_at)
        order by r.received_at)
      from reports r where r.case_id = ${caseId}`)},
    'acuteUnsafety', (select sa.acute_unsafety from safety_assessments sa
      left join reports r on r.id = sa.report_id
      where sa.case_id = ${caseId} or r.case_id = ${caseId}
      order by sa.assessed_at desc limit 1),
    'directorName', (select u.display_name from cases c join users u on u.id = c.director_user_id
      where c.id = ${caseId}),
    'handovers', ${list(sql`select json_agg(row_to_json(h) order by h.created_at desc)
      from handovers h where h.case_id = ${caseId}`)},
    'help', ${list(sql`select json_agg(json_build_object('row', row_to_json(ph), 'name', u.display_name)
        order by ph.offered_on, ph.recorded_at)
      from person_help ph left join users u on u.id = ph.recorded_by
      where ph.case_id = ${caseId}`)},
    'restrainingOrders', ${list(sql`select json_agg(row_to_json(ro) order by ro.starts_on)
      from restraining_orders ro where ro.case_id = ${caseId}`)},
    'shelterStays', ${list(sql`select json_agg(row_to_json(s) order by s.starts_on)
      from shelter_stays s where s.case_id = ${caseId}`)}
  ) as doc`)) as unknown as { rows: { doc: DocumentJson }[] };
  const doc = result.rows[0]?.doc;
  if (!doc?.case) {
    return undefined;
  }
  return {
    c: rowFromJson(cases, doc.case),
    involvements: doc.involvements.map((i) => ({ ...i, since: new Date(i.since) })),
    household: doc.household.map(({ role, person }) => ({ role, person: rowFromJson(persons, person) })),
    reports: doc.reports.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt) })),
    acuteUnsafety: doc.acuteUnsafety ?? false,
    directorName: doc.directorName,
    handovers: doc.handovers.map((h) => rowFromJson(handovers, h)),
    help: doc.help.map(({ row, name }) => ({ h: rowFromJson(personHelp, row), name })),
    restrainingOrders: doc.restrainingOrders.map((r) => rowFromJson(restrainingOrders, r)),
    shelterStays: doc.shelterStays.map((s) => rowFromJson(shelterStays, s)),
  };
}
