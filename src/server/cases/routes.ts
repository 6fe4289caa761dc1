import { z } from "zod";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import { caseListItemSchema, caseSchema, handoverSchema, handoverStatuses } from "../../shared/cases.ts";
import { authorizeCaseAccess, caseAsSeen } from "../access/policy.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import { notFound } from "../errors.ts";
import { decodeCursor, encodeCursor, pageSchema, paginationQuery } from "../http/pagination.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { getCaseDetail, listCases, listHandovers } from "./queries.ts";

const offsetCursor = z.object({ offset: z.number().int().min(0) });

export function registerCaseRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/cases",
    {
      config: { access: { action: "case.read" } },
      schema: {
        tags: ["cases"],
        summary: "The cases the caller's organisation is involved in",
        querystring: z.strictObject({ status: z.enum(["open", "closed"]).optional(), ...paginationQuery }),
        response: { 200: pageSchema(caseListItemSchema) },
      },
    },
    async (request) => {
      const { principal, actor, role } = accessOf(request);
      const q = request.query;
      const offset = decodeCursor(q.cursor, offsetCursor)?.offset ?? 0;
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const items = await listCases(
          tx,
          principal,
          q.status,
          dateInAmsterdam(new Date()),
          q.limit + 1,
          offset,
        );
        audit({
          action: "case.list",
          subjectType: "case-list",
          ground: `role: ${role}, involvement of own organisation`,
        });
        return {
          items: items.slice(0, q.limit),
          nextCursor: items.length > q.limit ? encodeCursor({ offset: offset + q.limit }) : null,
        };
      });
    },
  );

  app.get(
    "/cases/:id",
    {
      config: { access: { action: "case.read" } },
      schema: {
        tags: ["cases"],
        summary: "A case: household, phase, direction, director, involvement, flags, handovers",
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: caseSchema },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const access = await authorizeCaseAccess(tx, principal, request.params.id, "read");
        const ground = access.ground;
        const whole = await getCaseDetail(tx, request.params.id, dateInAmsterdam(new Date()), {
          organisationId: principal.organisationId,
          ground,
        });
        if (!whole) {
          throw notFound();
        }
        const detail = caseAsSeen(whole, access, principal);
        audit({
          action: "case.read",
          subjectType: "case",
          subjectId: detail.id,
          caseId: detail.id,
          personIds: detail.persons.map((p) => p.id),
          ground,
        });
        return detail;
      });
    },
  );

  app.get(
    "/handovers",
    {
      config: { access: { action: "handover.read" } },
      schema: {
        tags: ["cases"],
        summary: "The caller's organisation's handovers (incoming and outgoing), overdue first",
        querystring: z.strictObject({ status: z.enum(handoverStatuses).optional(), ...paginationQuery }),
        response: { 200: pageSchema(handoverSchema) },
      },
    },
    async (request) => {
      const { principal, actor, role } = accessOf(request);
      const q = request.query;
      const offset = decodeCursor(q.cursor, offsetCursor)?.offset ?? 0;
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const items = await listHandovers(
          tx,
          principal,
          q.status,
          dateInAmsterdam(new Date()),
          q.limit + 1,
          offset,
        );
        audit({
          action: "handover.list",
          subjectType: "handover-list",
          ground: `role: ${role}, own organisation`,
        });
        return {
          items: items.slice(0, q.limit),
          nextCursor: items.length > q.limit ? encodeCursor({ offset: offset + q.limit }) : null,
        };
      });
    },
  );
}
