import { z } from "zod";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import { followUpOutcomeSchema, followUpSchema, reasonSchema } from "../../shared/cases.ts";
import { closeCaseSchema } from "../../shared/closure.ts";
import { authorizeCase } from "../access/policy.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import { notFound } from "../errors.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { householdIds, onCase } from "./case-work.ts";
import { closeCase, followUpById, listFollowUps, recordFollowUp, reopenCase } from "./service/closure.ts";

const caseParams = z.strictObject({ id: z.uuid() });

export function registerClosureRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.post(
    "/cases/:id/close",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Close the case with a reason; schedules follow-ups at +3, +6 and +12 months",
        description:
          "409 (type closure-blocked) lists every reason in `reasons` (code, message, itemId, overridable): acute unsafety, a running restraining order and an open shelter stay always refuse; a minor without help, an open agreement and a pending handover the case director may close past with `overrides` (a reason per item), which land in the history.",
        params: caseParams,
        body: closeCaseSchema,
        response: {
          200: z.object({
            status: z.literal("closed"),
            followUps: z.array(
              z.object({ id: z.uuid(), monthsAfterClosure: z.number().int(), dueOn: z.iso.date() }),
            ),
          }),
        },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.close", "work", (tx, principal) =>
        closeCase(tx, principal, request.params.id, request.body),
      ),
  );

  app.post(
    "/cases/:id/reopen",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Reopen a closed case with a reason; follow-ups without an outcome are cancelled",
        params: caseParams,
        body: reasonSchema,
        response: { 200: z.object({ status: z.literal("open") }) },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.reopen", "work", (tx, principal) =>
        reopenCase(tx, principal, request.params.id, request.body.reason),
      ),
  );

  app.get(
    "/cases/:id/follow-ups",
    {
      config: { access: { action: "case.read" } },
      schema: {
        tags: ["cases"],
        summary: "The follow-up moments after closure",
        params: caseParams,
        response: { 200: z.object({ items: z.array(followUpSchema) }) },
      },
    },
    async (request) => ({
      items: await onCase(
        db,
        request,
        request.params.id,
        "case.follow-ups",
        "read",
        async (tx, _p, access) =>
          // A network partner does not see the follow-ups of whoever closes the case (policy's partnerView).
          access.view === "full" ? listFollowUps(tx, request.params.id, dateInAmsterdam(new Date())) : [],
      ),
    }),
  );

  app.post(
    "/follow-ups/:id",
    {
      config: { access: { action: "follow-up.work" } },
      schema: {
        tags: ["cases"],
        summary: "Record the outcome of a follow-up (the organisation that closed the case)",
        params: z.strictObject({ id: z.uuid() }),
        body: followUpOutcomeSchema,
        response: { 200: followUpSchema },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const followUp = await followUpById(tx, request.params.id);
        if (!followUp) {
          throw notFound();
        }
        const ground = await authorizeCase(tx, principal, followUp.caseId);
        const result = await recordFollowUp(tx, principal, request.params.id, request.body);
        audit({
          action: "case.follow-up.record",
          subjectType: "follow-up",
          subjectId: request.params.id,
          caseId: followUp.caseId,
          personIds: await householdIds(tx, followUp.caseId),
          ground,
        });
        return result;
      });
    },
  );
}
