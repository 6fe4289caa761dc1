import { z } from "zod";
import { declineSchema, newHandoverSchema } from "../../shared/cases.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { householdIds, onCase } from "./case-work.ts";
import { acceptHandover, declineHandover, proposeHandover } from "./service/handovers.ts";

const decisionAnswer = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  status: z.enum(["accepted", "declined"]),
});

export function registerHandoverRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.post(
    "/cases/:id/handovers",
    {
      config: { access: { action: "case.work" }, references: { toOrganisationId: "organisation" } },
      schema: {
        tags: ["cases"],
        summary: "Propose to hand the case to another organisation (it may read the case while deciding)",
        params: z.strictObject({ id: z.uuid() }),
        body: newHandoverSchema,
        response: { 201: z.object({ id: z.uuid(), status: z.literal("pending"), dueOn: z.iso.date() }) },
      },
    },
    async (request, reply) => {
      const result = await onCase(
        db,
        request,
        request.params.id,
        "case.handover.propose",
        "work",
        (tx, principal) => proposeHandover(tx, principal, request.params.id, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  for (const decision of ["accept", "decline"] as const) {
    app.post(
      `/handovers/:id/${decision}`,
      {
        config: { access: { action: "handover.decide" } },
        schema: {
          tags: ["cases"],
          summary:
            decision === "accept"
              ? "Accept a handover: the receiving organisation becomes involved"
              : "Decline a handover with the reason: the receiver's access ends, the sender keeps the case",
          params: z.strictObject({ id: z.uuid() }),
          ...(decision === "decline" ? { body: declineSchema } : {}),
          response: { 200: decisionAnswer },
        },
      },
      async (request) => {
        const { principal, actor } = accessOf(request);
        return auditedTransaction(db, actor, async ({ tx, audit }) => {
          const { readNotificationIds, ...result } =
            decision === "accept"
              ? await acceptHandover(tx, principal, request.params.id)
              : await declineHandover(
                  tx,
                  principal,
                  request.params.id,
                  (request.body as { reason: string }).reason,
                );
          audit({
            action: `handover.${decision}`,
            subjectType: "handover",
            subjectId: request.params.id,
            caseId: result.caseId,
            personIds: await householdIds(tx, result.caseId),
            ground: "receiving organisation of the handover",
          });
          for (const id of readNotificationIds) {
            audit({ action: "notification.read", subjectType: "notification", subjectId: id });
          }
          return result;
        });
      },
    );
  }
}
