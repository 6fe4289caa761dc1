import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { HouseholdChoice } from "../../../shared/intake.ts";
import { type MinorAnswer, minorStatus } from "../../../shared/minors.ts";
import type { Principal } from "../../access/principal.ts";
import { recordCaseEvent } from "../../cases/events.ts";
import { activeInvolvements } from "../../cases/involvement.ts";
import { reopenCase } from "../../cases/service/closure.ts";
import type { Db } from "../../db/client.ts";
import {
  caseLinks,
  casePersons,
  cases,
  persons,
  reportPersons,
  restrainingOrders,
  shelterStays,
} from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { isRecurrence } from "../earlier-involvement.ts";

export interface HouseholdCaseRow {
  caseId: string;
  reference: string;
  status: "open" | "closed";
  closedAt: Date | null;
  recurrence: boolean;
  personKeys: string[];
  sameHousehold: boolean;
}

/**
 * The cases the report's persons are known in that a new report must decide on: open ones, and
 * ones closed less than 12 months ago (recurrence). The report's persons are the known persons
 * it resolved to (a BSN match, a confirmed name match, a person confirmed on an earlier report).
 */
export async function householdCasesOfReport(
  tx: Db,
  reportId: string,
  now: Date,
): Promise<HouseholdCaseRow[]> {
  const own = await tx
    .select({ key: reportPersons.personKey, personId: reportPersons.personId })
    .from(reportPersons)
    .where(eq(reportPersons.reportId, reportId));
  const personIds = [...new Set(own.map((p) => p.personId))];
  if (personIds.length === 0) {
    return [];
  }
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - 12);
  const rows = await tx
    .select({
      caseId: cases.id,
      reference: cases.reference,
      status: cases.status,
      closedAt: cases.closedAt,
      createdAt: cases.createdAt,
      personId: casePersons.personId,
    })
    .from(casePersons)
    .innerJoin(cases, eq(cases.id, casePersons.caseId))
    .where(
      and(
        inArray(casePersons.personId, personIds),
        or(eq(cases.status, "open"), sql`${cases.closedAt} > ${limit.toISOString()}::timestamptz`),
      ),
    );
  const byCase = new Map<string, HouseholdCaseRow & { createdAt: Date }>();
  for (const row of rows) {
    const entry = byCase.get(row.caseId) ?? {
      caseId: row.caseId,
      reference: row.reference,
      status: row.status as "open" | "closed",
      closedAt: row.closedAt,
      recurrence: row.status === "closed" && isRecurrence(row.closedAt, now),
      personKeys: [],
      sameHousehold: false,
      createdAt: row.createdAt,
    };
    for (const p of own.filter((o) => o.personId === row.personId)) {
      if (!entry.personKeys.includes(p.key)) {
        entry.personKeys.push(p.key);
      }
    }
    byCase.set(row.caseId, entry);
  }
  const found = [...byCase.values()];
  for (const entry of found) {
    const members = await tx
      .select({ personId: casePersons.personId })
      .from(casePersons)
      .where(eq(casePersons.caseId, entry.caseId));
    const memberIds = new Set(members.map((m) => m.personId));
    const reportIds = new Set(personIds);
    // The same household: one group contains the other (a child added, a report on the mother
    // alone). A new partner with new children shares only some persons: then a linked case.
    entry.sameHousehold =
      [...reportIds].every((id) => memberIds.has(id)) || [...memberIds].every((id) => reportIds.has(id));
  }
  // Open cases first, then the most recently closed; the oldest open case leads ("one family, one plan").
  return found
    .sort(
      (a, b) =>
        (a.status === "open" ? 0 : 1) - (b.status === "open" ? 0 : 1) ||
        (a.status === "open"
          ? a.createdAt.getTime() - b.createdAt.getTime()
          : (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0)),
    )
    .map(({ createdAt: _omit, ...rest }) => rest);
}

export interface KnownInCase {
  restrainingOrders: { personId: string; startsOn: string; endsOn: string }[];
  shelterStays: { kind: string; startsOn: string; personCount: number }[];
  children: { personId: string; firstName?: string; lastName?: string; age?: number; minor: MinorAnswer }[];
}

/** What is already known in a case a returning household's report is about: running measures and children. */
export async function knownInCase(tx: Db, caseId: string, today: string): Promise<KnownInCase> {
  const orders = await tx
    .select({
      personId: restrainingOrders.personId,
      startsOn: restrainingOrders.startsOn,
      endsOn: restrainingOrders.endsOn,
    })
    .from(restrainingOrders)
    .where(
      and(
        eq(restrainingOrders.caseId, caseId),
        sql`${restrainingOrders.startsOn} <= ${today}::date`,
        sql`${restrainingOrders.endsOn} >= ${today}::date`,
      ),
    );
  const stays = await tx
    .select({ kind: shelterStays.kind, startsOn: shelterStays.startsOn, personIds: shelterStays.personIds })
    .from(shelterStays)
    .where(and(eq(shelterStays.caseId, caseId), isNull(shelterStays.endedOn)));
  const members = await tx
    .select({ person: persons })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(eq(casePersons.caseId, caseId));
  const children = members
    .map(({ person: p }) => ({
      p,
      minor: minorStatus({ birthDate: p.birthDate, minor: p.minor as MinorAnswer }, today),
    }))
    // Unknown is listed too: whether they are a child is for the intake worker to check.
    .filter(({ minor }) => minor !== "no")
    .map(({ p, minor }) => ({
      personId: p.id,
      ...(p.firstName ? { firstName: p.firstName } : {}),
      ...(p.lastName ? { lastName: p.lastName } : {}),
      ...(p.birthDate ? { age: ageOn(p.birthDate, today) } : {}),
      minor,
    }));
  return {
    restrainingOrders: orders,
    shelterStays: stays.map((s) => ({ kind: s.kind, startsOn: s.startsOn, personCount: s.personIds.length })),
    children,
  };
}

const ageOn = (birthDate: string, today: string): number => {
  const [by = 0, bm = 0, bd = 0] = birthDate.split("-").map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split("-").map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
};

/** The decision a household case suggests: join when it is the same household, else a linked case. */
export const suggestedDecision = (row: Pick<HouseholdCaseRow, "sameHousehold">): "join" | "linked-case" =>
  row.sameHousehold ? "join" : "linked-case";

/** Records that `caseId` was opened (or kept) beside `linkedCaseId`, with who, when and why. */
export async function recordCaseLink(
  tx: Db,
  principal: Pick<Principal, "userId" | "organisationId">,
  link: { caseId: string; linkedCaseId: string; reason: string; reportId: string | null },
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await tx.insert(caseLinks).values({
    id,
    caseId: link.caseId,
    linkedCaseId: link.linkedCaseId,
    reason: link.reason,
    reportId: link.reportId,
    createdBy: principal.userId,
    createdByOrganisationId: principal.organisationId,
    createdAt: now,
  });
  return id;
}

/**
 * Reopens a household's case closed within 12 months for a new report (recurrence), so that it
 * is on someone's work list again: the triaging organisation is involved by the caller and
 * directs the case when its director's organisation is no longer involved.
 */
export async function reopenForReport(
  tx: Db,
  principal: Principal,
  caseId: string,
  now: Date,
): Promise<void> {
  await reopenCase(tx, principal, caseId, "A new report on the household within 12 months of closure.");
  const [c] = await tx
    .select({ directorOrganisationId: cases.directorOrganisationId })
    .from(cases)
    .where(eq(cases.id, caseId));
  const directorInvolved =
    c?.directorOrganisationId !== null &&
    c?.directorOrganisationId !== undefined &&
    (await activeInvolvements(tx, caseId, c.directorOrganisationId)).length > 0;
  if (!directorInvolved) {
    await tx
      .update(cases)
      .set({ directorUserId: principal.userId, directorOrganisationId: principal.organisationId })
      .where(eq(cases.id, caseId));
    await recordCaseEvent(tx, caseId, principal, "director-changed", {
      at: now,
      details: { userId: principal.userId, organisationId: principal.organisationId, reason: "reopened" },
    });
  }
}

export interface HouseholdOutcome {
  /** The existing case the report joins (reopened when it was closed). */
  joinCaseId?: string;
  /** The case a new case is linked to. */
  linkToCaseId?: string;
  decision?: "join" | "linked-case";
  reason?: string;
}

/**
 * The household choice at triage, enforced here whichever path made the match: when the report's
 * persons are known in an open case or one closed within 12 months, a case opens only after the
 * intake worker chose to join that case or to open a new case linked to it (409 naming the cases
 * otherwise). A report already linked to a case (POST /reports/{id}/link) made its choice. The
 * household's person rows are locked first, so two triages of one household cannot both open a case.
 */
export async function decideHousehold(
  tx: Db,
  principal: Principal,
  report: { id: string; caseId: string | null },
  choice: HouseholdChoice | undefined,
  now: Date,
): Promise<HouseholdOutcome> {
  const own = await tx
    .select({ personId: reportPersons.personId })
    .from(reportPersons)
    .where(eq(reportPersons.reportId, report.id));
  const ids = [...new Set(own.map((p) => p.personId))];
  if (ids.length > 0) {
    await tx.execute(
      sql`SELECT id FROM persons WHERE id = ANY(${`{${ids.join(",")}}`}::uuid[]) ORDER BY id FOR UPDATE`,
    );
  }
  if (report.caseId) {
    const [linked] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, report.caseId));
    if (linked?.status === "closed") {
      await reopenForReport(tx, principal, report.caseId, now);
    }
    return { joinCaseId: report.caseId };
  }
  const candidates = await householdCasesOfReport(tx, report.id, now);
  if (candidates.length === 0) {
    return {};
  }
  if (!choice) {
    throw new AppError(
      "CONFLICT",
      "The report's persons are known in a case of their household: choose to join it or to open a new case linked to it.",
      {
        type: "household-decision-required",
        extensions: {
          cases: candidates.map((c) => ({
            caseId: c.caseId,
            reference: c.reference,
            status: c.status,
            suggestedDecision: suggestedDecision(c),
          })),
        },
      },
    );
  }
  const chosen = candidates.find((c) => c.caseId === choice.caseId.toLowerCase());
  if (!chosen) {
    throw new AppError("INVALID_INPUT", "The household choice names no case of this household.", {
      errors: [{ path: "household.caseId", message: "not an open or recently closed case of these persons" }],
    });
  }
  if (choice.decision === "join") {
    if (chosen.status === "closed") {
      await reopenForReport(tx, principal, chosen.caseId, now);
    }
    return { joinCaseId: chosen.caseId, decision: "join" };
  }
  return { linkToCaseId: chosen.caseId, decision: "linked-case", reason: choice.reason ?? "" };
}

/** Both ends of a case's links, for the case page. */
export async function linksOfCase(tx: Db, caseId: string) {
  return tx
    .select()
    .from(caseLinks)
    .where(or(eq(caseLinks.caseId, caseId), eq(caseLinks.linkedCaseId, caseId)))
    .orderBy(caseLinks.createdAt);
}
