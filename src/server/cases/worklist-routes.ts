import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import { agreementWorkItemSchema, followUpSchema, notificationSchema } from "../../shared/cases.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import { notifications } from "../db/schema.ts";
import { notFound } from "../errors.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { dueFollowUpsOf, notificationsOf, openAgreementsOf } from "./work-queries.ts";

const limitQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** What a worker's start page lists across cases: agreements, follow-ups, notifications. */
export function registerWorklistRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/agreements",
    {
      config: { access: { action: "agreement.read" } },
      schema: {
        tags: ["cases"],
        summary: "Open agreements owned by the caller's organisation across its cases, earliest due first",
        querystring: limitQuery,
        response: { 200: z.object({ items: z.array(agreementWorkItemSchema) }) },
      },
    },
    async (request) => {
      const { principal, actor, role } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const items = await openAgreementsOf(tx, principal, request.query.limit);
        audit({
          action: "agreement.list",
          subjectType: "agreement-list",
          ground: `role: ${role}, agreements of own organisation`,
        });
        return { items };
      });
    },
  );

  app.get(
    "/follow-ups",
    {
      config: { access: { action: "follow-up.work" } },
      schema: {
        tags: ["cases"],
        summary: "Follow-ups of the caller's organisation without an outcome, earliest first",
        querystring: limitQuery,
        response: { 200: z.object({ items: z.array(followUpSchema) }) },
      },
    },
    async (request) => {
      const { principal, actor, role } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const items = await dueFollowUpsOf(tx, principal, dateInAmsterdam(new Date()), request.query.limit);
        audit({
          action: "follow-up.list",
          subjectType: "follow-up-list",
          ground: `role: ${role}, own organisation`,
        });
        return {
          items: items.map((i) => ({
            ...i,
            outcome: i.outcome as "safe" | "concerns" | "new-violence" | undefined,
          })),
        };
      });
    },
  );

  app.get(
    "/notifications",
    {
      config: { access: { action: "notification.read" } },
      schema: {
        tags: ["cases"],
        summary: "The organisation's in-app notifications, unread first",
        querystring: limitQuery,
        response: { 200: z.object({ items: z.array(notificationSchema) }) },
      },
    },
    async (request) => {
      const { principal, actor, role } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const items = await notificationsOf(tx, principal, request.query.limit);
        audit({
          action: "notification.list",
          subjectType: "notification-list",
          ground: `role: ${role}, own organisation`,
        });
        return {
          items: items.map((n) => ({ ...n, kind: n.kind as z.infer<typeof notificationSchema>["kind"] })),
        };
      });
    },
  );

  app.post(
    "/notifications/:id/read",
    {
      config: { access: { action: "notification.read" } },
      schema: {
        tags: ["cases"],
        summary: "Mark a notification as read",
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { principal, actor } = accessOf(request);
      await auditedTransaction(db, actor, async ({ tx, audit }) => {
        const updated = await tx
          .update(notifications)
          .set({ readAt: new Date(), readBy: principal.userId })
          .where(
            and(
              eq(notifications.id, request.params.id),
              eq(notifications.organisationId, principal.organisationId),
              isNull(notifications.readAt),
            ),
          )
          .returning({ id: notifications.id });
        const [exists] = updated.length
          ? updated
          : await tx
              .select({ id: notifications.id })
              .from(notifications)
              .where(
                and(
                  eq(notifications.id, request.params.id),
                  eq(notifications.organisationId, principal.organisationId),
                ),
              );
        if (!exists) {
          throw notFound();
        }
        audit({ action: "notification.read", subjectType: "notification", subjectId: request.params.id });
      });
      return reply.code(204).send();
    },
  );
}
