import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { dateInAmsterdam } from "../../../shared/calendar/working-days.ts";
import type { TriageInput } from "../../../shared/intake.ts";
import type { Principal } from "../../access/principal.ts";
import { recordCaseEvent } from "../../cases/events.ts";
import { involve } from "../../cases/involvement.ts";
import { startPlan } from "../../cases/safety-plan/plan-store.ts";
import { handoverKinds, startHandover } from "../../cases/service/handovers.ts";
import { startRouteWork } from "../../centre-work/start-route-work.ts";
import type { Db } from "../../db/client.ts";
import { nextReference } from "../../db/references.ts";
import {
  casePersons,
  cases,
  organisations,
  reportPersons,
  reports,
  safetyAssessments,
  triages,
} from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { decideHousehold, type HouseholdOutcome, recordCaseLink } from "../household/household-cases.ts";

export interface TriageResult {
  caseId?: string;
  handoverId?: string;
  personIds: string[];
}

/**
 * Decides the route after the safety assessment (409 before one). Every route but
 * close-with-advice opens a case for the household, or adds to its open case, with the
 * triaging organisation involved; a handover (and MDA++ escalation) creates a pending handover
 * that lets the receiver read the case while it decides.
 */
export async function triageReport(
  tx: Db,
  principal: Principal,
  reportId: string,
  input: TriageInput,
): Promise<TriageResult> {
  const now = new Date();
  const [report] = await tx.select().from(reports).where(eq(reports.id, reportId));
  if (!report) {
    throw new AppError("NOT_FOUND", "The resource does not exist.");
  }
  if (report.status === "triaged") {
    throw new AppError("CONFLICT", "This report has already been triaged.");
  }
  const [assessment] = await tx
    .select({ id: safetyAssessments.id })
    .from(safetyAssessments)
    .where(eq(safetyAssessments.reportId, reportId))
    .limit(1);
  if (!assessment) {
    throw new AppError(
      "CONFLICT",
      "Record the safety assessment before the triage: the route is its outcome.",
      {
        type: "assessment-required",
      },
    );
  }
  if (report.kind === "advice" && input.route !== "close-with-advice") {
    throw new AppError(
      "CONFLICT",
      "An advice request leaves responsibility with the person who asked; turn it into a report first.",
      { type: "advice-only-closes" },
    );
  }

  let target: { id: string; kind: string } | undefined;
  if (input.route === "handover" || input.route === "mda") {
    if (input.toOrganisationId) {
      [target] = await tx
        .select({ id: organisations.id, kind: organisations.kind })
        .from(organisations)
        .where(
          and(eq(organisations.id, input.toOrganisationId), eq(organisations.regionId, report.regionId)),
        );
    } else if (input.route === "mda") {
      [target] = await tx
        .select({ id: organisations.id, kind: organisations.kind })
        .from(organisations)
        .where(and(eq(organisations.kind, "mda-team"), eq(organisations.regionId, report.regionId)))
        .limit(1);
    } else {
      throw new AppError("INVALID_INPUT", "A handover needs the organisation that takes over.", {
        errors: [{ path: "toOrganisationId", message: "required for the route handover" }],
      });
    }
    if (!target || !handoverKinds.has(target.kind) || target.id === principal.organisationId) {
      throw new AppError("INVALID_INPUT", "The case cannot be handed to that organisation.", {
        errors: [{ path: "toOrganisationId", message: "not a care or safety organisation of this region" }],
      });
    }
  }

  const householdPersons = await tx
    .select({ personId: reportPersons.personId, role: reportPersons.role })
    .from(reportPersons)
    .where(eq(reportPersons.reportId, reportId));
  const personIds = householdPersons.map((p) => p.personId);

  let caseId: string | undefined;
  let handoverId: string | undefined;
  let household: HouseholdOutcome = {};
  if (input.route !== "close-with-advice") {
    // One household, one case: join its case or open one linked to it, as the intake worker chose.
    household = await decideHousehold(tx, principal, report, input.household, now);
    caseId = household.joinCaseId;
    if (!caseId) {
      caseId = randomUUID();
      await tx.insert(cases).values({
        id: caseId,
        reference: await nextReference(tx, "ZAAK", Number(dateInAmsterdam(now).slice(0, 4))),
        regionId: report.regionId,
        municipalityCode: report.municipalityCode,
        status: "open",
        createdAt: now,
        phase: "safety",
        direction: "regional",
        directorUserId: principal.userId,
        directorOrganisationId: principal.organisationId,
      });
      await startPlan(tx, caseId, principal, now);
      await recordCaseEvent(tx, caseId, principal, "case-opened", {
        at: now,
        details: {
          reportId,
          route: input.route,
          ...(household.linkToCaseId ? { linkedCaseId: household.linkToCaseId } : {}),
        },
      });
      if (household.linkToCaseId) {
        await recordCaseLink(
          tx,
          principal,
          { caseId, linkedCaseId: household.linkToCaseId, reason: household.reason ?? "", reportId },
          now,
        );
      }
    } else {
      await recordCaseEvent(tx, caseId, principal, "report-linked", { at: now, details: { reportId } });
    }
    await tx
      .insert(casePersons)
      .values(
        householdPersons.map((p) => ({
          caseId: caseId as string,
          personId: p.personId,
          role: p.role,
          addedAt: now,
        })),
      )
      .onConflictDoNothing();
    await involve(tx, caseId, principal.organisationId, "triage", now);
    if (target) {
      handoverId = (await startHandover(tx, principal, caseId, target.id, { note: input.rationale }, now)).id;
    }
  }

  await tx.insert(triages).values({
    reportId,
    route: input.route,
    toOrganisationId: target?.id ?? null,
    rationale: input.rationale,
    caseId: caseId ?? null,
    decidedBy: principal.userId,
    decidedByOrganisationId: principal.organisationId,
    decidedAt: now,
    householdDecision: household.decision ?? null,
    householdCaseId: household.decision ? (household.joinCaseId ?? household.linkToCaseId ?? null) : null,
  });
  await tx
    .update(reports)
    .set({ status: "triaged", caseId: caseId ?? report.caseId, updatedAt: now })
    .where(eq(reports.id, reportId));
  await startRouteWork(tx, principal, { report, caseId, triage: input, at: now });
  return { ...(caseId ? { caseId } : {}), ...(handoverId ? { handoverId } : {}), personIds };
}
