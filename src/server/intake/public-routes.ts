import { z } from "zod";
import { publicReportSchema } from "../../shared/intake.ts";
import { anonymousActor } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { createReport } from "./service/create-report.ts";

/**
 * The public form: anyone worried about someone can send an advice request or report without an
 * account. It enters the centre's intake queue on channel "web" and answers only a reference, so
 * the sender learns nothing about who is known.
 */
export function registerPublicIntakeRoutes(app: App, { database, config }: RouteDeps): void {
  app.post(
    "/public/reports",
    {
      config: {
        access: "public",
        rateLimit: { max: config.publicFormMaxPerHour, timeWindow: "1 hour" },
        references: { municipalityCode: "municipality", "violenceTypes.*": "violenceType" },
      },
      bodyLimit: 64 * 1024,
      schema: {
        tags: ["public"],
        summary: "Send an advice request or report without an account (the public web form)",
        body: publicReportSchema,
        response: { 201: z.object({ reference: z.string() }) },
      },
    },
    async (request, reply) => {
      const created = await auditedTransaction(
        database.db,
        anonymousActor(request),
        async ({ tx, audit }) => {
          const result = await createReport(
            tx,
            { ...request.body, channel: "web", receivedAt: new Date().toISOString() },
            { userId: null },
          );
          audit({
            action: "report.create",
            subjectType: "report",
            subjectId: result.id,
            personIds: [...result.personIds, ...result.matches.map((m) => m.personId)],
            ground: "public web form",
          });
          return result;
        },
      );
      return reply.code(201).send({ reference: created.reference });
    },
  );
}
