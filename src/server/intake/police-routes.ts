import { and, desc, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import { policeReportSchema, submittedReportSchema } from "../../shared/intake-household.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import { organisations, reports } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { createReport } from "./service/create-report.ts";

/**
 * Only the police liaison submits police reports: a chain partner of another kind may not (403,
 * before the body is validated, as for a role that may never do it).
 */
async function requirePolice(request: FastifyRequest): Promise<void> {
  if (accessOf(request).principal.organisationKind !== "police") {
    throw new AppError("FORBIDDEN", "Only the police submits police reports.");
  }
}

/**
 * The police submits its own reports (more than half of all reports): they land in the centre's
 * intake queue like any report, on channel police with reporter category police and the
 * police's own fields. The police sees back only what it sent: reference, date and status.
 */
export function registerPoliceIntakeRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.post(
    "/police/reports",
    {
      config: {
        access: { action: "report.submit-police" },
        references: { municipalityCode: "municipality", "violenceTypes.*": "violenceType" },
      },
      preValidation: requirePolice,
      bodyLimit: 128 * 1024,
      schema: {
        tags: ["intake"],
        summary: "Submit a police report (politiemelding) to the centre's intake queue",
        body: policeReportSchema,
        response: { 201: submittedReportSchema },
      },
    },
    async (request, reply) => {
      const { principal, actor } = accessOf(request);
      const body = request.body;
      const created = await auditedTransaction(db, actor, async ({ tx, audit }) => {
        const [own] = await tx
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, principal.organisationId));
        const result = await createReport(
          tx,
          {
            kind: "report",
            receivedAt: new Date().toISOString(),
            channel: "police",
            reporter: {
              category: "police",
              name: principal.displayName,
              ...(own ? { organisation: own.name } : {}),
              ...(body.contact ? { contact: body.contact } : {}),
            },
            municipalityCode: body.municipalityCode,
            persons: body.persons,
            relations: body.relations,
            violenceTypes: body.violenceTypes,
            narrative: body.narrative,
            acuteConcern: body.acuteConcern,
          },
          {
            userId: principal.userId,
            regionId: principal.regionId,
            police: {
              organisationId: principal.organisationId,
              incidentNumber: body.incidentNumber,
              restrainingOrderAdvice: body.restrainingOrderAdvice,
            },
          },
        );
        // The police learns nothing about who is known: only its own persons are in the entry.
        audit({
          action: "report.submit-police",
          subjectType: "report",
          subjectId: result.id,
          personIds: [...result.personIds, ...result.matches.map((m) => m.personId)],
          ground: "police report to the centre",
        });
        return result;
      });
      return reply.code(201).send({
        id: created.id,
        reference: created.reference,
        receivedOn: dateInAmsterdam(new Date()),
        status: created.status,
        incidentNumber: body.incidentNumber,
      });
    },
  );

  app.get(
    "/police/reports",
    {
      config: { access: { action: "report.submit-police" } },
      preValidation: requirePolice,
      schema: {
        tags: ["intake"],
        summary: "The reports the caller's police organisation submitted: reference, date, status",
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(submittedReportSchema) }) },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const rows = await tx
          .select({
            id: reports.id,
            reference: reports.reference,
            receivedOn: reports.receivedOn,
            status: reports.status,
            incidentNumber: reports.policeIncidentNumber,
          })
          .from(reports)
          .where(
            and(
              eq(reports.submittedByOrganisationId, principal.organisationId),
              eq(reports.regionId, principal.regionId),
            ),
          )
          .orderBy(desc(reports.receivedAt), desc(reports.id))
          .limit(request.query.limit);
        audit({
          action: "report.list-submitted",
          subjectType: "report-list",
          ground: "reports submitted by own organisation",
        });
        return {
          items: rows.map((r) => ({
            id: r.id,
            reference: r.reference,
            receivedOn: r.receivedOn,
            status: r.status as "awaiting-assessment" | "awaiting-triage" | "triaged",
            ...(r.incidentNumber ? { incidentNumber: r.incidentNumber } : {}),
          })),
        };
      });
    },
  );
}
