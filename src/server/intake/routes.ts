import { z } from "zod";
import { text } from "../../shared/bounds.ts";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import {
  assessmentSchema,
  createdReportSchema,
  createReportSchema,
  type earlierInvolvementDetails,
  earlierInvolvements,
  reportDetailSchema,
  reportQueueItemSchema,
  reportStatuses,
  riskChecklistSchema,
  safetyAssessmentInputSchema,
  triageInputSchema,
} from "../../shared/intake.ts";
import { authorizeReport, isCentreOf } from "../access/policy.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import { notFound } from "../errors.ts";
import { decodeCursor, encodeCursor, pageSchema, paginationQuery } from "../http/pagination.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { loadCalendar } from "../settings/settings.ts";
import { getReportDetail, listReports, personIdsOfReport } from "./queries.ts";
import { activeChecklist, assessSafety } from "./service/assess-safety.ts";
import { changeReportKind } from "./service/change-kind.ts";
import { createReport } from "./service/create-report.ts";
import { decideMatch } from "./service/decide-match.ts";
import { linkReportToCase } from "./service/link-report.ts";
import { triageReport } from "./service/triage-report.ts";

const idParams = z.strictObject({ id: z.uuid() });
const offsetCursor = z.object({ offset: z.number().int().min(0) });

export function registerIntakeRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.post(
    "/reports",
    {
      config: {
        access: { action: "report.create" },
        references: { municipalityCode: "municipality", "violenceTypes.*": "violenceType" },
      },
      schema: {
        tags: ["intake"],
        summary: "Record a report (melding) or advice request (adviesvraag); answers deadlines and matches",
        body: createReportSchema,
        response: { 201: createdReportSchema },
      },
    },
    async (request, reply) => {
      const { principal, actor } = accessOf(request);
      const created = await auditedTransaction(db, actor, async ({ tx, audit }) => {
        const result = await createReport(tx, request.body, {
          userId: principal.userId,
          regionId: principal.regionId,
        });
        audit({
          action: "report.create",
          subjectType: "report",
          subjectId: result.id,
          personIds: [...result.personIds, ...result.matches.map((m) => m.personId)],
          ground: "intake queue of the centre",
        });
        return result;
      });
      const { personIds: _omit, ...body } = created;
      return reply.code(201).send(body);
    },
  );

  app.get(
    "/reports",
    {
      config: { access: { action: "report.read" } },
      schema: {
        tags: ["intake"],
        summary: "The intake queue, overdue first",
        querystring: z.strictObject({
          status: z.enum(reportStatuses).optional(),
          municipalityCode: z
            .string()
            .regex(/^GM\d{4}$/)
            .optional(),
          overdue: z.enum(["true", "false"]).optional(),
          ...paginationQuery,
        }),
        response: { 200: pageSchema(reportQueueItemSchema) },
      },
    },
    async (request) => {
      const { principal, actor, role } = accessOf(request);
      const q = request.query;
      const offset = decodeCursor(q.cursor, offsetCursor)?.offset ?? 0;
      const isCentre = isCentreOf(principal, principal.regionId);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const items = await listReports(
          tx,
          principal,
          isCentre,
          { status: q.status, municipalityCode: q.municipalityCode, overdue: q.overdue === "true" },
          dateInAmsterdam(new Date()),
          q.limit + 1,
          offset,
          await loadCalendar(tx),
        );
        audit({
          action: "report.list",
          subjectType: "report-queue",
          ground: isCentre ? "intake queue of the centre" : `role: ${role}, cases of own organisation`,
        });
        const page = items.slice(0, q.limit);
        return {
          items: page,
          nextCursor: items.length > q.limit ? encodeCursor({ offset: offset + q.limit }) : null,
        };
      });
    },
  );

  app.get(
    "/reports/:id",
    {
      config: { access: { action: "report.read" } },
      schema: {
        tags: ["intake"],
        summary: "A report with its persons, assessment, triage, deadlines and matches",
        params: idParams,
        response: { 200: reportDetailSchema },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const { ground, isCentre } = await authorizeReport(tx, principal, request.params.id, "read");
        const detail = await getReportDetail(
          tx,
          request.params.id,
          isCentre,
          dateInAmsterdam(new Date()),
          await loadCalendar(tx),
        );
        if (!detail) {
          throw notFound();
        }
        audit({
          action: "report.read",
          subjectType: "report",
          subjectId: detail.id,
          caseId: detail.caseId ?? null,
          personIds: [...detail.persons.map((p) => p.personId), ...detail.matches.map((m) => m.personId)],
          ground,
        });
        return detail;
      });
    },
  );

  app.post(
    "/reports/:id/safety-assessment",
    {
      config: { access: { action: "report.work" } },
      schema: {
        tags: ["intake"],
        summary: "Record the safety assessment (veiligheidsbeoordeling) with the risk checklist",
        params: idParams,
        body: safetyAssessmentInputSchema,
        response: {
          200: assessmentSchema.extend({
            checklistResult: z
              .object({
                score: z.number().int(),
                computedLevel: z.enum(["standard", "medium", "high"]),
                level: z.enum(["standard", "medium", "high"]),
                raisedByProfessional: z.boolean(),
                professionalLevelIgnored: z.boolean(),
                note: z.string(),
              })
              .optional(),
          }),
        },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      const reportId = request.params.id;
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const { ground } = await authorizeReport(tx, principal, reportId, "work");
        const result = await assessSafety(tx, principal, reportId, request.body);
        audit({
          action: "report.safety-assessment",
          subjectType: "report",
          subjectId: reportId,
          personIds: await personIdsOfReport(tx, reportId),
          ground,
        });
        const body = request.body;
        return {
          id: result.id,
          acuteUnsafety: body.acuteUnsafety,
          structuralUnsafety: body.structuralUnsafety,
          immediateMeasures: body.immediateMeasures,
          ...(body.notes ? { notes: body.notes } : {}),
          assessedAt: result.assessedAt.toISOString(),
          assessedBy: principal.userId,
          ...(result.earlierInvolvement
            ? { earlierInvolvement: result.earlierInvolvement as (typeof earlierInvolvements)[number] }
            : {}),
          ...(result.earlierInvolvementDetail
            ? {
                earlierInvolvementDetail:
                  result.earlierInvolvementDetail as (typeof earlierInvolvementDetails)[number],
              }
            : {}),
          ...(result.checklist
            ? {
                checklistResult: {
                  score: result.checklist.score,
                  computedLevel: result.checklist.computedLevel,
                  level: result.checklist.level,
                  raisedByProfessional: result.checklist.raisedByProfessional,
                  professionalLevelIgnored: result.checklist.professionalLevelIgnored ?? false,
                  note: "An aid to the professional's judgement, never a verdict.",
                },
              }
            : {}),
        };
      });
    },
  );

  app.post(
    "/reports/:id/triage",
    {
      config: { access: { action: "report.work" }, references: { toOrganisationId: "organisation" } },
      schema: {
        tags: ["intake"],
        summary: "Decide the route (triage); every route but close-with-advice opens or continues a case",
        params: idParams,
        body: triageInputSchema,
        response: { 200: z.object({ caseId: z.uuid().optional(), handoverId: z.uuid().optional() }) },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      const reportId = request.params.id;
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const { ground } = await authorizeReport(tx, principal, reportId, "work");
        const result = await triageReport(tx, principal, reportId, request.body);
        audit({
          action: "report.triage",
          subjectType: "report",
          subjectId: reportId,
          caseId: result.caseId ?? null,
          personIds: result.personIds,
          ground,
        });
        return {
          ...(result.caseId ? { caseId: result.caseId } : {}),
          ...(result.handoverId ? { handoverId: result.handoverId } : {}),
        };
      });
    },
  );

  app.post(
    "/reports/:id/link",
    {
      config: { access: { action: "report.work" } },
      schema: {
        tags: ["intake"],
        summary: "Link a report to an existing case (recurrence when closed less than 12 months ago)",
        params: idParams,
        body: z.strictObject({ caseId: z.uuid() }),
        response: {
          200: z.object({
            caseId: z.uuid(),
            recurrence: z.boolean(),
            caseStatus: z.enum(["open", "closed"]),
          }),
        },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      const reportId = request.params.id;
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const { ground } = await authorizeReport(tx, principal, reportId, "work");
        const result = await linkReportToCase(tx, reportId, request.body.caseId);
        audit({
          action: "report.link",
          subjectType: "report",
          subjectId: reportId,
          caseId: result.caseId,
          personIds: result.personIds,
          ground,
        });
        return { caseId: result.caseId, recurrence: result.recurrence, caseStatus: result.caseStatus };
      });
    },
  );

  for (const decision of ["confirm", "dismiss"] as const) {
    app.post(
      `/reports/:id/matches/:matchId/${decision}`,
      {
        config: { access: { action: "report.work" } },
        schema: {
          tags: ["intake"],
          summary:
            decision === "confirm"
              ? "Confirm that a candidate is the same person (a human decides)"
              : "Dismiss a candidate: not the same person",
          params: z.strictObject({ id: z.uuid(), matchId: z.uuid() }),
          response: {
            200: z.object({
              status: z.enum(["confirmed", "dismissed"]),
              earlierInvolvement: z.enum(earlierInvolvements),
            }),
          },
        },
      },
      async (request) => {
        const { principal, actor } = accessOf(request);
        const { id: reportId, matchId } = request.params;
        const status = decision === "confirm" ? ("confirmed" as const) : ("dismissed" as const);
        return auditedTransaction(db, actor, async ({ tx, audit }) => {
          const { ground } = await authorizeReport(tx, principal, reportId, "work");
          const result = await decideMatch(tx, reportId, matchId, status, principal.userId);
          audit({
            action: `report.match-${decision}`,
            subjectType: "report",
            subjectId: reportId,
            caseId: result.caseId,
            personIds: result.personIds,
            ground,
          });
          return { status, earlierInvolvement: result.earlierInvolvement };
        });
      },
    );
  }

  app.post(
    "/reports/:id/kind",
    {
      config: { access: { action: "report.work" } },
      schema: {
        tags: ["intake"],
        summary: "Turn an advice request into a report or back, with the reason",
        params: idParams,
        body: z.strictObject({
          kind: z.enum(["advice", "report"]),
          reason: text(2000).min(1),
        }),
        response: { 200: z.object({ kind: z.enum(["advice", "report"]) }) },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      const reportId = request.params.id;
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const { ground } = await authorizeReport(tx, principal, reportId, "work");
        const result = await changeReportKind(
          tx,
          reportId,
          request.body.kind,
          request.body.reason,
          principal.userId,
        );
        audit({
          action: "report.change-kind",
          subjectType: "report",
          subjectId: reportId,
          personIds: await personIdsOfReport(tx, reportId),
          ground,
        });
        return result;
      });
    },
  );

  app.get(
    "/risk-checklist",
    {
      config: { access: { action: "checklist.read" } },
      schema: {
        tags: ["intake"],
        summary: "The active risk checklist: items, weights and thresholds",
        response: { 200: riskChecklistSchema },
      },
    },
    async () => {
      const checklist = await activeChecklist(db);
      if (!checklist) {
        throw notFound();
      }
      return checklist;
    },
  );
}
