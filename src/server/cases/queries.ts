import { and, asc, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { CaseDetail, Handover } from "../../shared/cases.ts";
import { type MinorAnswer, minorStatus } from "../../shared/minors.ts";
import type { Principal } from "../access/principal.ts";
import type { Db } from "../db/client.ts";
import { qualified } from "../db/qualified.ts";
import { casePersons, cases, handovers, personHelp, persons } from "../db/schema.ts";
import { caseRows } from "./case-document.ts";
import { involvedNowIn } from "./involvement.ts";
import { presentRestrainingOrder, presentShelterStay } from "./measures/measures.ts";
import { minorNowSql } from "./minor-sql.ts";
import { presentHelp } from "./service/person-help.ts";

/** Only the cases the caller's organisation is involved in now: the filter is SQL, not after loading. */
const involvedNow = (principal: Principal): SQL => involvedNowIn(cases.id, principal.organisationId);

export async function listCases(
  tx: Db,
  principal: Principal,
  status: "open" | "closed" | undefined,
  today: string,
  limit: number,
  offset: number,
) {
  const rows = await tx
    .select({
      c: cases,
      pendingHandover: sql<boolean>`exists (select 1 from ${handovers} where ${qualified(handovers.caseId)} = ${qualified(cases.id)} and ${qualified(handovers.status)} = 'pending')`,
      // Minors of the household (a birth date decides, else as stated; never by role) without
      // any help offered that was not withdrawn.
      childrenWithoutHelp: sql<number>`(select count(*)::int from ${casePersons}
        join ${persons} on ${qualified(persons.id)} = ${qualified(casePersons.personId)}
        where ${qualified(casePersons.caseId)} = ${qualified(cases.id)}
          and ${minorNowSql(today)} = 'yes'
          and not exists (select 1 from ${personHelp}
            where ${qualified(personHelp.caseId)} = ${qualified(cases.id)}
              and ${qualified(personHelp.personId)} = ${qualified(casePersons.personId)}
              and ${qualified(personHelp.withdrawnAt)} is null))`,
      minorsToCheck: sql<number>`(select count(*)::int from ${casePersons}
        join ${persons} on ${qualified(persons.id)} = ${qualified(casePersons.personId)}
        where ${qualified(casePersons.caseId)} = ${qualified(cases.id)}
          and ${minorNowSql(today)} = 'unknown')`,
    })
    .from(cases)
    .where(and(involvedNow(principal), status ? eq(cases.status, status) : undefined))
    .orderBy(desc(cases.createdAt), asc(cases.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ c, pendingHandover, childrenWithoutHelp, minorsToCheck }) => ({
    id: c.id,
    reference: c.reference,
    municipalityCode: c.municipalityCode,
    status: c.status as "open" | "closed",
    phase: c.phase as CaseDetail["phase"],
    direction: c.direction as CaseDetail["direction"],
    createdAt: c.createdAt.toISOString(),
    pendingHandover,
    childrenWithoutHelp,
    minorsToCheck,
  }));
}

const ageOn = (birthDate: string, today: string): number => {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return (
    (ty ?? 0) -
    (by ?? 0) -
    ((tm ?? 0) < (bm ?? 0) || ((tm ?? 0) === (bm ?? 0) && (td ?? 0) < (bd ?? 0)) ? 1 : 0)
  );
};

function presentHandover(h: typeof handovers.$inferSelect, today: string, caseReference?: string): Handover {
  return {
    id: h.id,
    caseId: h.caseId,
    ...(caseReference ? { caseReference } : {}),
    fromOrganisationId: h.fromOrganisationId,
    toOrganisationId: h.toOrganisationId,
    status: h.status as Handover["status"],
    createdAt: h.createdAt.toISOString(),
    dueOn: h.dueOn,
    overdue: h.status === "pending" && h.dueOn < today,
    ...(h.warmHandoverAt ? { warmHandoverAt: h.warmHandoverAt.toISOString() } : {}),
    ...(h.note ? { note: h.note } : {}),
    ...(h.status === "declined" && h.declineReason ? { declineReason: h.declineReason } : {}),
    senderPart: h.senderPart as Handover["senderPart"],
  };
}

/** The caller's organisation's oldest active involvement: why it may see the case. */
function ownAccess(
  involvements: { organisationId: string; ground: string; since: Date }[],
  organisationId: string,
): CaseDetail["access"] {
  const own = involvements.find((i) => i.organisationId === organisationId);
  if (!own) {
    // The policy let the caller in on an involvement: its absence here is a bug, not a 404.
    throw new Error("case detail asked for an organisation that is not involved");
  }
  return { ground: own.ground as CaseDetail["access"]["ground"], since: own.since.toISOString() };
}

/**
 * A case as API.md describes it, for a caller already authorised to see it: one statement
 * (`caseRows`), presented here.
 */
export async function getCaseDetail(
  tx: Db,
  caseId: string,
  today: string,
  caller: { organisationId: string; ground: string },
): Promise<CaseDetail | undefined> {
  const rows = await caseRows(tx, caseId);
  if (!rows) {
    return undefined;
  }
  const { c, involvements, household, directorName, acuteUnsafety } = rows;
  const reportRows = rows.reports;
  const handoverRows = rows.handovers;
  const helpRecords = rows.help.map(({ h, name }) => presentHelp(h, name));
  const help = helpRecords.filter((h) => h.withdrawn === null);
  const measures = {
    restrainingOrders: rows.restrainingOrders.map((o) => presentRestrainingOrder(o, today)),
    shelterStays: rows.shelterStays.map((st) => presentShelterStay(st, today)),
  };
  const people = household.map(({ role, person: p }) => ({
    id: p.id,
    role,
    ...(p.birthDate ? { age: ageOn(p.birthDate, today) } : {}),
    helpOffered: help.some((h) => h.personId === p.id),
    help: help
      .filter((h) => h.personId === p.id)
      .map((h) => ({ on: h.offeredOn, description: h.description })),
    minor: minorStatus({ birthDate: p.birthDate, minor: p.minor as MinorAnswer }, today),
    minorToCheck: minorStatus({ birthDate: p.birthDate, minor: p.minor as MinorAnswer }, today) === "unknown",
    helpRecords: helpRecords.filter((h) => h.personId === p.id),
    ...(p.firstName ? { firstName: p.firstName } : {}),
    ...(p.lastName ? { lastName: p.lastName } : {}),
  }));
  return {
    id: c.id,
    reference: c.reference,
    municipalityCode: c.municipalityCode,
    status: c.status as CaseDetail["status"],
    phase: c.phase as CaseDetail["phase"],
    direction: c.direction as CaseDetail["direction"],
    director:
      c.directorUserId && c.directorOrganisationId
        ? {
            userId: c.directorUserId,
            organisationId: c.directorOrganisationId,
            ...(directorName ? { name: directorName } : {}),
          }
        : null,
    involvedOrganisationIds: [...new Set(involvements.map((i) => i.organisationId))],
    involvements: involvements.map((i) => ({
      organisationId: i.organisationId,
      ground: i.ground as CaseDetail["involvements"][number]["ground"],
      since: i.since.toISOString(),
    })),
    persons: people,
    flags: {
      acuteUnsafety,
      childrenWithoutHelp: people.filter((p) => p.minor === "yes" && !p.helpOffered).length,
      minorsToCheck: people.filter((p) => p.minorToCheck).length,
      restrainingOrderActive: measures.restrainingOrders.some((o) => o.active),
      inShelter: measures.shelterStays.some((st) => st.active),
      // Set when the MDA++ team takes part, not while a handover to it is only pending.
      mda: involvements.some((i) => i.kind === "mda-team" && i.ground !== "pending-handover"),
    },
    reportIds: reportRows.map((r) => r.id),
    reports: reportRows.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind as "advice" | "report",
      receivedAt: r.receivedAt.toISOString(),
    })),
    handovers: handoverRows.map((h) => presentHandover(h, today)),
    ...measures,
    accessGround: caller.ground,
    access: ownAccess(involvements, caller.organisationId),
  };
}

/**
 * The caller's organisation's handovers, incoming and outgoing, overdue first — only of cases it
 * is involved in now: a receiver that declined (its involvement ended) no longer gets the note, nor
 * a sender whose part in the case has ended altogether.
 */
export async function listHandovers(
  tx: Db,
  principal: Principal,
  status: Handover["status"] | undefined,
  today: string,
  limit: number,
  offset: number,
): Promise<Handover[]> {
  const rows = await tx
    .select({ h: handovers, caseReference: cases.reference })
    .from(handovers)
    .innerJoin(cases, eq(cases.id, handovers.caseId))
    .where(
      and(
        or(
          eq(handovers.toOrganisationId, principal.organisationId),
          eq(handovers.fromOrganisationId, principal.organisationId),
        ),
        involvedNow(principal),
        status ? eq(handovers.status, status) : undefined,
      ),
    )
    .orderBy(asc(handovers.dueOn), asc(handovers.createdAt), asc(handovers.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ h, caseReference }) => ({
    ...presentHandover(h, today, caseReference),
    direction: h.toOrganisationId === principal.organisationId ? "incoming" : "outgoing",
  }));
}
