import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { WorkingDayCalendar } from "../../shared/calendar/working-days.ts";
import type { ReportDetail, ReportQueueItem } from "../../shared/intake.ts";
import { type MinorAnswer, minorStatus } from "../../shared/minors.ts";
import type { Principal } from "../access/principal.ts";
import type { Db } from "../db/client.ts";
import { qualified } from "../db/qualified.ts";
import {
  caseInvolvements,
  cases,
  persons,
  reportKindChanges,
  reportMatches,
  reportPersons,
  reportRelations,
  reports,
  safetyAssessments,
  triages,
} from "../db/schema.ts";
import { latenessOf } from "./lateness.ts";

/** The due date of the step a report waits for; null once triaged. */
const currentDue = sql<string | null>`case ${reports.status}
  when 'awaiting-assessment' then ${reports.safetyAssessmentDue}
  when 'awaiting-triage' then ${reports.triageDue} end`;

export interface QueueFilter {
  status?: "awaiting-assessment" | "awaiting-triage" | "triaged" | undefined;
  municipalityCode?: string | undefined;
  overdue?: boolean | undefined;
}

/**
 * The intake queue, overdue first (the earliest due date of the current step leads), filtered in
 * SQL to what the caller may see: the centre its region's reports, others only reports of cases
 * their organisation is involved in — never as a network partner only (docs/decisions/0013).
 */
export async function listReports(
  tx: Db,
  principal: Principal,
  isCentre: boolean,
  filter: QueueFilter,
  today: string,
  limit: number,
  offset: number,
  calendar: WorkingDayCalendar,
): Promise<ReportQueueItem[]> {
  const conditions: SQL[] = [eq(reports.regionId, principal.regionId)];
  if (!isCentre) {
    conditions.push(sql`exists (select 1 from ${caseInvolvements}
      where ${qualified(caseInvolvements.caseId)} = ${qualified(reports.caseId)}
        and ${qualified(caseInvolvements.organisationId)} = ${principal.organisationId}
        and ${qualified(caseInvolvements.ground)} <> 'network-partner'
        and ${qualified(caseInvolvements.endedAt)} is null)`);
  }
  if (filter.status) {
    conditions.push(eq(reports.status, filter.status));
  }
  if (filter.municipalityCode) {
    conditions.push(eq(reports.municipalityCode, filter.municipalityCode));
  }
  if (filter.overdue) {
    conditions.push(sql`${currentDue} < ${today}::date`);
  }
  const rows = await tx
    .select({
      report: reports,
      dueOn: sql<string | null>`to_char(${currentDue}, 'YYYY-MM-DD')`,
      personCount: sql<number>`(select count(*)::int from ${reportPersons} where ${qualified(reportPersons.reportId)} = ${qualified(reports.id)})`,
      assessedAt: sql<Date | null>`(select min(${qualified(safetyAssessments.assessedAt)}) from ${safetyAssessments} where ${qualified(safetyAssessments.reportId)} = ${qualified(reports.id)})`,
      triagedAt: sql<Date | null>`(select ${qualified(triages.decidedAt)} from ${triages} where ${qualified(triages.reportId)} = ${qualified(reports.id)})`,
    })
    .from(reports)
    .where(and(...conditions))
    .orderBy(
      sql`${currentDue} asc nulls last`,
      desc(reports.acuteConcern),
      asc(reports.receivedAt),
      asc(reports.id),
    )
    .limit(limit)
    .offset(offset);
  return rows.map(({ report: r, dueOn, personCount, assessedAt, triagedAt }) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind as ReportQueueItem["kind"],
    status: r.status as ReportQueueItem["status"],
    receivedAt: r.receivedAt.toISOString(),
    municipalityCode: r.municipalityCode,
    acuteConcern: r.acuteConcern,
    violenceTypes: r.violenceTypes,
    earlierInvolvement: r.earlierInvolvement as ReportQueueItem["earlierInvolvement"],
    personCount,
    deadlines: { safetyAssessment: r.safetyAssessmentDue, triage: r.triageDue },
    dueOn,
    overdue: dueOn !== null && dueOn < today,
    ...(r.caseId ? { caseId: r.caseId } : {}),
    lateness: latenessOf(
      { safetyAssessment: r.safetyAssessmentDue, triage: r.triageDue },
      { safetyAssessment: toDate(assessedAt), triage: toDate(triagedAt) },
      calendar,
    ),
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

/**
 * One report with its household, assessment, triage and matches. The reporter's identity, BSNs
 * and the matches are for the centre only: other organisations see what they need for the case.
 */
export async function getReportDetail(
  tx: Db,
  reportId: string,
  isCentre: boolean,
  today: string,
  calendar: WorkingDayCalendar = { extraNonWorkingDays: new Set() },
): Promise<ReportDetail | undefined> {
  const [r] = await tx.select().from(reports).where(eq(reports.id, reportId));
  if (!r) {
    return undefined;
  }
  const people = await tx
    .select({ link: reportPersons, person: persons })
    .from(reportPersons)
    // As reported: a confirmed match repoints person_id to the known person, not the report's words.
    .innerJoin(persons, eq(persons.id, reportPersons.reportedPersonId))
    .where(eq(reportPersons.reportId, reportId))
    .orderBy(asc(reportPersons.personKey));
  const relations = await tx.select().from(reportRelations).where(eq(reportRelations.reportId, reportId));
  const [assessment] = await tx
    .select()
    .from(safetyAssessments)
    .where(eq(safetyAssessments.reportId, reportId))
    .orderBy(desc(safetyAssessments.assessedAt))
    .limit(1);
  const [triage] = await tx.select().from(triages).where(eq(triages.reportId, reportId));
  const [firstAssessment] = await tx
    .select({ assessedAt: safetyAssessments.assessedAt })
    .from(safetyAssessments)
    .where(eq(safetyAssessments.reportId, reportId))
    .orderBy(asc(safetyAssessments.assessedAt))
    .limit(1);
  const kindChanges = await tx
    .select()
    .from(reportKindChanges)
    .where(eq(reportKindChanges.reportId, reportId))
    .orderBy(asc(reportKindChanges.changedAt));
  const matchRows = isCentre
    ? await tx
        .select({
          match: reportMatches,
          caseReference: cases.reference,
          caseStatus: cases.status,
          candidate: persons,
        })
        .from(reportMatches)
        .leftJoin(cases, eq(cases.id, reportMatches.caseId))
        .innerJoin(persons, eq(persons.id, reportMatches.candidatePersonId))
        .where(eq(reportMatches.reportId, reportId))
        .orderBy(asc(reportMatches.personKey), desc(reportMatches.score))
    : [];
  const due =
    r.status === "awaiting-assessment"
      ? r.safetyAssessmentDue
      : r.status === "awaiting-triage"
        ? r.triageDue
        : null;

  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind as ReportDetail["kind"],
    status: r.status as ReportDetail["status"],
    receivedAt: r.receivedAt.toISOString(),
    receivedOn: r.receivedOn,
    channel: r.channel as ReportDetail["channel"],
    municipalityCode: r.municipalityCode,
    reporter: {
      category: r.reporterCategory as ReportDetail["reporter"]["category"],
      ...(r.reporterSector
        ? { sector: r.reporterSector as NonNullable<ReportDetail["reporter"]["sector"]> }
        : {}),
      ...(isCentre && r.reporterName ? { name: r.reporterName } : {}),
      ...(isCentre && r.reporterOrganisation ? { organisation: r.reporterOrganisation } : {}),
      ...(isCentre && r.reporterContact ? { contact: r.reporterContact } : {}),
      ...(r.reporterRelationship
        ? { relationship: r.reporterRelationship as NonNullable<ReportDetail["reporter"]["relationship"]> }
        : {}),
    },
    ...(r.submittedByOrganisationId
      ? {
          police: {
            ...(r.policeIncidentNumber ? { incidentNumber: r.policeIncidentNumber } : {}),
            ...(r.policeRestrainingOrderAdvice
              ? {
                  restrainingOrderAdvice: r.policeRestrainingOrderAdvice as NonNullable<
                    NonNullable<ReportDetail["police"]>["restrainingOrderAdvice"]
                  >,
                }
              : {}),
          },
        }
      : {}),
    persons: people.map(({ link, person: p }) => ({
      key: link.personKey,
      personId: link.personId,
      role: link.role as ReportDetail["persons"][number]["role"],
      ...(p.firstName ? { firstName: p.firstName } : {}),
      ...(p.lastName ? { lastName: p.lastName } : {}),
      ...(p.birthDate ? { birthDate: p.birthDate, age: ageOn(p.birthDate, today) } : {}),
      minor: minorStatus({ birthDate: p.birthDate, minor: p.minor as MinorAnswer }, today),
      ...(isCentre && p.bsn ? { bsn: p.bsn } : {}),
      ...(p.street || p.postcode || p.city || p.houseNumber
        ? {
            address: {
              ...(p.street ? { street: p.street } : {}),
              ...(p.houseNumber ? { houseNumber: p.houseNumber } : {}),
              ...(p.postcode ? { postcode: p.postcode } : {}),
              ...(p.city ? { city: p.city } : {}),
            },
          }
        : {}),
    })),
    relations: relations.map((x) => ({
      from: x.fromKey,
      to: x.toKey,
      type: x.type as ReportDetail["relations"][number]["type"],
    })),
    violenceTypes: r.violenceTypes,
    narrative: r.narrative,
    acuteConcern: r.acuteConcern,
    deadlines: { safetyAssessment: r.safetyAssessmentDue, triage: r.triageDue },
    overdue: due !== null && due < today,
    lateness: latenessOf(
      { safetyAssessment: r.safetyAssessmentDue, triage: r.triageDue },
      { safetyAssessment: firstAssessment?.assessedAt ?? null, triage: triage?.decidedAt ?? null },
      calendar,
    ),
    earlierInvolvement: r.earlierInvolvement as ReportDetail["earlierInvolvement"],
    ...(r.earlierInvolvementDetail ? { earlierInvolvementDetail: r.earlierInvolvementDetail } : {}),
    recurrence: r.recurrence,
    ...(r.caseId ? { caseId: r.caseId } : {}),
    matches: matchRows.map(({ match: m, caseReference, caseStatus, candidate: c }) => ({
      id: m.id,
      personKey: m.personKey,
      personId: m.candidatePersonId,
      ...(m.caseId ? { caseId: m.caseId } : {}),
      ...(caseReference ? { caseReference } : {}),
      ...(caseStatus ? { caseStatus: caseStatus as "open" | "closed" } : {}),
      score: Math.round(m.score * 100) / 100,
      reasons: m.reasons as ReportDetail["matches"][number]["reasons"],
      status: m.status as ReportDetail["matches"][number]["status"],
      // Who the known person is, so the intake worker can judge "the same person?" (centre only).
      candidate: {
        ...(c.firstName ? { firstName: c.firstName } : {}),
        ...(c.lastName ? { lastName: c.lastName } : {}),
        ...(c.birthDate ? { birthDate: c.birthDate } : {}),
        ...(c.postcode ? { postcode: c.postcode } : {}),
        ...(c.houseNumber ? { houseNumber: c.houseNumber } : {}),
        ...(c.city ? { city: c.city } : {}),
      },
    })),
    ...(assessment
      ? {
          assessment: {
            id: assessment.id,
            acuteUnsafety: assessment.acuteUnsafety,
            structuralUnsafety: assessment.structuralUnsafety,
            immediateMeasures: assessment.immediateMeasures,
            ...(assessment.notes ? { notes: assessment.notes } : {}),
            assessedAt: assessment.assessedAt.toISOString(),
            assessedBy: assessment.assessedBy,
            ...(assessment.earlierInvolvement
              ? {
                  earlierInvolvement: assessment.earlierInvolvement as NonNullable<
                    ReportDetail["assessment"]
                  >["earlierInvolvement"] &
                    string,
                }
              : {}),
            ...(assessment.earlierInvolvementDetail
              ? {
                  earlierInvolvementDetail: assessment.earlierInvolvementDetail as NonNullable<
                    NonNullable<ReportDetail["assessment"]>["earlierInvolvementDetail"]
                  >,
                }
              : {}),
            ...(assessment.checklistId &&
            assessment.checklistVersion !== null &&
            assessment.checklistScore !== null
              ? {
                  checklist: {
                    checklistId: assessment.checklistId,
                    version: assessment.checklistVersion,
                    answers: assessment.checklistAnswers as Record<string, "yes" | "no" | "unknown">,
                    score: assessment.checklistScore,
                    level: assessment.checklistLevel as "standard" | "medium" | "high",
                    ...(assessment.professionalLevel
                      ? { professionalLevel: assessment.professionalLevel as "standard" | "medium" | "high" }
                      : {}),
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(triage
      ? {
          triage: {
            route: triage.route as NonNullable<ReportDetail["triage"]>["route"],
            ...(triage.toOrganisationId ? { toOrganisationId: triage.toOrganisationId } : {}),
            rationale: triage.rationale,
            ...(triage.caseId ? { caseId: triage.caseId } : {}),
            decidedAt: triage.decidedAt.toISOString(),
            ...(triage.keepReason
              ? { keepReason: triage.keepReason as NonNullable<ReportDetail["triage"]>["keepReason"] }
              : {}),
            ...(triage.householdDecision && triage.householdCaseId
              ? {
                  household: {
                    decision: triage.householdDecision as "join" | "linked-case",
                    caseId: triage.householdCaseId,
                  },
                }
              : {}),
          },
        }
      : {}),
    kindChanges: kindChanges.map((k) => ({
      from: k.fromKind as "advice" | "report",
      to: k.toKind as "advice" | "report",
      reason: k.reason,
      at: k.changedAt.toISOString(),
    })),
  };
}

/** The person ids of a report, for the audit entry of a read. */
export async function personIdsOfReport(tx: Db, reportId: string): Promise<string[]> {
  const rows = await tx
    .select({ personId: reportPersons.personId })
    .from(reportPersons)
    .where(inArray(reportPersons.reportId, [reportId]));
  return rows.map((r) => r.personId);
}

const toDate = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);
