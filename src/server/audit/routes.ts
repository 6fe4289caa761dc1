import { z } from "zod";
import { accessReportItemSchema, auditEntrySchema, auditVerifySchema } from "../../shared/audit.ts";
import { queryInstant } from "../../shared/bounds.ts";
import { authorizePersonForPrivacyOfficer } from "../access/policy.ts";
import { accessOf } from "../access/route-guard.ts";
import { decodeCursor, encodeCursor, pageSchema, paginationQuery } from "../http/pagination.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { verifyChain } from "./append.ts";
import { auditedTransaction } from "./audited-transaction.ts";
import { findAuditEntries, findPersonAccess } from "./queries.ts";

const seqCursor = z.object({ seq: z.number().int() });

export function registerAuditRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/audit",
    {
      config: { access: { action: "audit.read" } },
      schema: {
        tags: ["audit"],
        summary: "The access log (NEN 7513), newest first; reading it is itself logged",
        querystring: z.strictObject({
          personId: z.uuid().optional(),
          caseId: z.uuid().optional(),
          userId: z.uuid().optional(),
          from: queryInstant().optional(),
          to: queryInstant().optional(),
          ...paginationQuery,
        }),
        response: { 200: pageSchema(auditEntrySchema) },
      },
    },
    async (request) => {
      const { actor, role } = accessOf(request);
      const q = request.query;
      const position = decodeCursor(q.cursor, seqCursor);
      const filter = {
        personId: q.personId,
        caseId: q.caseId,
        userId: q.userId,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      };
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const rows = await findAuditEntries(tx, filter, q.limit, position?.seq);
        const page = rows.slice(0, q.limit);
        audit({
          action: "audit.read",
          subjectType: "audit-log",
          caseId: q.caseId ?? null,
          personIds: q.personId ? [q.personId] : [],
          ground: `role: ${role}`,
        });
        return {
          items: page.map((r) => ({
            seq: r.seq,
            at: r.at.toISOString(),
            userId: r.userId,
            role: r.role,
            organisationId: r.organisationId,
            onBehalfOf: r.onBehalfOf,
            action: r.action,
            subjectType: r.subjectType,
            subjectId: r.subjectId,
            ...(r.caseId ? { caseId: r.caseId } : {}),
            personIds: r.personIds,
            ...(r.ground ? { purpose: r.ground } : {}),
            emergency: r.emergency,
            remoteAddress: r.remoteAddress,
            outcome: r.outcome as "success" | "failure" | "denied",
          })),
          nextCursor:
            rows.length > q.limit && page.length > 0
              ? encodeCursor({ seq: page[page.length - 1]?.seq ?? 0 })
              : null,
        };
      });
    },
  );

  app.get(
    "/audit/verify",
    {
      config: { access: { action: "audit.verify" } },
      schema: {
        tags: ["audit"],
        summary:
          "Checks the hash chain of the access log and reports every range of entries that does not hold",
        response: { 200: auditVerifySchema },
      },
    },
    async (request) => {
      const { actor, role } = accessOf(request);
      const result = await verifyChain(db);
      // Logged after the check so the check covers everything before it.
      await auditedTransaction(db, actor, async ({ audit }) => {
        audit({ action: "audit.verify", subjectType: "audit-log", ground: `role: ${role}` });
      });
      const [first] = result.brokenRanges;
      return {
        ok: result.ok,
        entries: result.entries,
        checked: result.checked,
        ...(first ? { firstBrokenAt: first.fromAt.toISOString(), firstBrokenSeq: first.fromSeq } : {}),
        brokenRanges: result.brokenRanges.map((r) => ({
          fromSeq: r.fromSeq,
          toSeq: r.toSeq,
          fromAt: r.fromAt.toISOString(),
          toAt: r.toAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    "/persons/:id/access-report",
    {
      config: { access: { action: "person.access-report" } },
      schema: {
        tags: ["audit"],
        summary: "Who accessed this person's data, when and on what ground (data subject request)",
        params: z.strictObject({ id: z.uuid() }),
        querystring: z.strictObject(paginationQuery),
        response: { 200: pageSchema(accessReportItemSchema) },
      },
    },
    async (request) => {
      const { actor } = accessOf(request);
      const personId = request.params.id;
      const position = decodeCursor(request.query.cursor, seqCursor);
      const limit = request.query.limit;
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const ground = await authorizePersonForPrivacyOfficer(tx, personId);
        const rows = await findPersonAccess(tx, personId, limit, position?.seq);
        const page = rows.slice(0, limit);
        audit({
          action: "person.access-report",
          subjectType: "person",
          subjectId: personId,
          personIds: [personId],
          ground,
        });
        return {
          items: page.map((r) => ({
            at: r.at.toISOString(),
            userId: r.userId,
            userDisplayName: r.userDisplayName,
            role: r.role,
            organisationId: r.organisationId,
            organisationName: r.organisationName,
            action: r.action,
            ...(r.ground ? { purpose: r.ground } : {}),
            emergency: r.emergency,
          })),
          nextCursor:
            rows.length > limit && page.length > 0
              ? encodeCursor({ seq: page[page.length - 1]?.seq ?? 0 })
              : null,
        };
      });
    },
  );
}
