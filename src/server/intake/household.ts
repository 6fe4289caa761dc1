import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { casePersons, cases, reportPersons, reports } from "../db/schema.ts";
import type { KnownInvolvement } from "./earlier-involvement.ts";

/** What Schakel knows of each of these persons: open reports, open cases, last closure. */
export async function knownInvolvements(
  tx: Db,
  personIds: string[],
  excludeReportId: string,
): Promise<KnownInvolvement[]> {
  if (personIds.length === 0) {
    return [];
  }
  const untriaged = await tx
    .selectDistinct({ personId: reportPersons.personId })
    .from(reportPersons)
    .innerJoin(reports, eq(reports.id, reportPersons.reportId))
    .where(
      and(
        inArray(reportPersons.personId, personIds),
        sql`${reports.status} <> 'triaged'`,
        sql`${reports.id} <> ${excludeReportId}`,
      ),
    );
  const caseRows = await tx
    .select({ personId: casePersons.personId, status: cases.status, closedAt: cases.closedAt })
    .from(casePersons)
    .innerJoin(cases, eq(cases.id, casePersons.caseId))
    .where(inArray(casePersons.personId, personIds));
  const untriagedSet = new Set(untriaged.map((r) => r.personId));
  return personIds.map((personId) => {
    const own = caseRows.filter((c) => c.personId === personId);
    const closed = own.map((c) => c.closedAt).filter((d): d is Date => d !== null);
    return {
      hasUntriagedReport: untriagedSet.has(personId),
      hasOpenCase: own.some((c) => c.status === "open"),
      lastClosedAt: closed.length ? new Date(Math.max(...closed.map((d) => d.getTime()))) : null,
    };
  });
}

/** The household's case for a person: the open one, else the most recently closed. */
export async function latestCaseOfPerson(
  tx: Db,
  personId: string,
): Promise<{ id: string; reference: string; status: "open" | "closed"; closedAt: Date | null } | undefined> {
  const [row] = await tx
    .select({ id: cases.id, reference: cases.reference, status: cases.status, closedAt: cases.closedAt })
    .from(casePersons)
    .innerJoin(cases, eq(cases.id, casePersons.caseId))
    .where(eq(casePersons.personId, personId))
    .orderBy(sql`${cases.status} = 'open' desc`, desc(cases.closedAt), desc(cases.createdAt))
    .limit(1);
  return row ? { ...row, status: row.status as "open" | "closed" } : undefined;
}

/** The open case any of these persons is in, if there is one: "one family, one plan". */
export async function openCaseOfHousehold(tx: Db, personIds: string[]): Promise<string | undefined> {
  if (personIds.length === 0) {
    return undefined;
  }
  const [row] = await tx
    .select({ id: cases.id })
    .from(casePersons)
    .innerJoin(cases, eq(cases.id, casePersons.caseId))
    .where(and(inArray(casePersons.personId, personIds), eq(cases.status, "open"), isNull(cases.closedAt)))
    .orderBy(cases.createdAt)
    .limit(1);
  return row?.id;
}
