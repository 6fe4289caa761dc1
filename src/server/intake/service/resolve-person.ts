import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { persons, reportPersons } from "../../db/schema.ts";

/**
 * The known person each of these person records stands for: a record merged into another (a
 * person confirmed on an earlier report) resolves along `merged_into` to the record that was not
 * merged, however long the chain. Unknown ids map to themselves.
 */
export async function rootPersonIds(tx: Db, personIds: string[]): Promise<Map<string, string>> {
  const roots = new Map(personIds.map((id) => [id, id]));
  if (personIds.length === 0) {
    return roots;
  }
  const result = await tx.execute(sql`
    WITH RECURSIVE chain (start_id, id, merged_into, depth) AS (
      SELECT p.id, p.id, p.merged_into, 0 FROM persons p
      WHERE p.id = ANY(${`{${personIds.join(",")}}`}::uuid[])
      UNION ALL
      SELECT c.start_id, p.id, p.merged_into, c.depth + 1
      FROM chain c JOIN persons p ON p.id = c.merged_into
      WHERE c.depth < 50
    )
    SELECT start_id, id FROM chain WHERE merged_into IS NULL`);
  for (const row of (result as unknown as { rows: { start_id: string; id: string }[] }).rows) {
    roots.set(row.start_id, row.id);
  }
  return roots;
}

/**
 * Makes a report's person the known person: the record as reported is merged into it (so the
 * next report finds one identity) and the report points to the known person. The one path for a
 * confirmed name match and a BSN match alike.
 */
export async function resolveReportPerson(
  tx: Db,
  reportId: string,
  personKey: string,
  knownPersonId: string,
): Promise<{ personId: string; reportedPersonId: string } | undefined> {
  const [own] = await tx
    .select({ personId: reportPersons.personId, reportedPersonId: reportPersons.reportedPersonId })
    .from(reportPersons)
    .where(and(eq(reportPersons.reportId, reportId), eq(reportPersons.personKey, personKey)));
  if (!own) {
    return undefined;
  }
  const root = (await rootPersonIds(tx, [knownPersonId])).get(knownPersonId) ?? knownPersonId;
  if (own.personId !== root && own.reportedPersonId !== root) {
    await tx.update(persons).set({ mergedInto: root }).where(eq(persons.id, own.reportedPersonId));
    await tx
      .update(reportPersons)
      .set({ personId: root })
      .where(and(eq(reportPersons.reportId, reportId), eq(reportPersons.personKey, personKey)));
  }
  return { personId: root, reportedPersonId: own.reportedPersonId };
}
