import { z } from "zod";
import {
  newPartnershipSchema,
  partnershipReasonSchema,
  partnershipSchema,
  shelterStayWorkItemSchema,
} from "../../../shared/network.ts";
import { planDocumentSchema, planItemId } from "../../../shared/safety-plan.ts";
import { accessOf } from "../../access/route-guard.ts";
import { auditedTransaction } from "../../audit/audited-transaction.ts";
import type { App, RouteDeps } from "../../http/types.ts";
import { householdIds, onCase } from "../case-work.ts";
import { planEtag } from "../safety-plan/plan-store.ts";
import { completeAgreement, isPlanRace } from "./complete-agreement.ts";
import {
  partnershipsOfCase,
  partnershipsOfOrganisation,
  presentPartnership,
  runningStaysAt,
} from "./partnership-queries.ts";
import { acceptPartnership, declinePartnership, endPartnership, invitePartner } from "./partnerships.ts";

const idParams = z.strictObject({ id: z.uuid() });
const limitQuery = { limit: z.coerce.number().int().min(1).max(200).default(50) };
/** Tries of a one-click plan change against saves from the plan editor at the same moment. */
const planRaceTries = 3;

/** The case's network partners, invitations and their decisions; agreements marked done. */
export function registerNetworkRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.post(
    "/cases/:id/network-partners",
    {
      config: { access: { action: "network.invite" }, references: { organisationId: "organisation" } },
      schema: {
        tags: ["cases"],
        summary: "Invite an organisation into the case's network (netwerkpartner) with a purpose",
        description:
          "Joining the network is not a handover: the partner contributes its part and sees what its purpose needs. Only the case director or the centre invites.",
        params: idParams,
        body: newPartnershipSchema,
        response: { 201: partnershipSchema },
      },
    },
    async (request, reply) => {
      const result = await onCase(
        db,
        request,
        request.params.id,
        "case.network.invite",
        "work",
        (tx, principal) => invitePartner(tx, principal, request.params.id, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    "/cases/:id/network-partners",
    {
      config: { access: { action: "network.read" } },
      schema: {
        tags: ["cases"],
        summary: "The case's network partnerships: open ones first, then the ended and declined",
        params: idParams,
        response: { 200: z.object({ items: z.array(partnershipSchema) }) },
      },
    },
    async (request) => {
      const items = await onCase(
        db,
        request,
        request.params.id,
        "case.network.list",
        "read",
        async (tx, principal, access) => {
          const rows = await partnershipsOfCase(tx, request.params.id);
          if (access.view === "full") {
            return rows.map(({ p, caseReference }) => presentPartnership(p, caseReference));
          }
          // A partner sees who else is in the network, and its own history; not others' reasons.
          return rows
            .filter(({ p }) => p.status === "active" || p.organisationId === principal.organisationId)
            .map(({ p, caseReference }) =>
              presentPartnership(p, caseReference, p.organisationId === principal.organisationId),
            );
        },
      );
      return { items };
    },
  );

  app.get(
    "/network-partnerships",
    {
      config: { access: { action: "network.read" } },
      schema: {
        tags: ["cases"],
        summary: "The caller's organisation's invitations (status=invited) or partnerships (active)",
        querystring: z.strictObject({
          status: z.enum(["invited", "active"]).default("invited"),
          ...limitQuery,
        }),
        response: { 200: z.object({ items: z.array(partnershipSchema) }) },
      },
    },
    async (request) => {
      const { principal, actor, role } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const rows = await partnershipsOfOrganisation(
          tx,
          principal.organisationId,
          request.query.status,
          request.query.limit,
        );
        audit({
          action: "network.list",
          subjectType: "partnership-list",
          ground: `role: ${role}, partnerships of own organisation`,
        });
        return { items: rows.map(({ p, caseReference }) => presentPartnership(p, caseReference)) };
      });
    },
  );

  const decisions = [
    { path: "accept", summary: "Accept an invitation: the organisation becomes a network partner" },
    { path: "decline", summary: "Decline an invitation with the reason; it gives no access" },
    { path: "end", summary: "End a partnership (partner or director) or withdraw an invitation (director)" },
  ] as const;
  for (const decision of decisions) {
    app.post(
      `/network-partnerships/:id/${decision.path}`,
      {
        config: { access: { action: "network.decide" } },
        schema: {
          tags: ["cases"],
          summary: decision.summary,
          params: idParams,
          ...(decision.path === "accept" ? {} : { body: partnershipReasonSchema }),
          response: { 200: partnershipSchema },
        },
      },
      async (request) => {
        const { principal, actor } = accessOf(request);
        const reason = (request.body as { reason?: string } | undefined)?.reason ?? "";
        return auditedTransaction(db, actor, async ({ tx, audit }) => {
          const result =
            decision.path === "accept"
              ? await acceptPartnership(tx, principal, request.params.id)
              : decision.path === "decline"
                ? await declinePartnership(tx, principal, request.params.id, reason)
                : await endPartnership(tx, principal, request.params.id, reason);
          audit({
            action: `network.${decision.path}`,
            subjectType: "partnership",
            subjectId: request.params.id,
            caseId: result.caseId,
            personIds: await householdIds(tx, result.caseId),
            ground:
              result.organisationId === principal.organisationId
                ? "invited organisation of the partnership"
                : "director of the case",
          });
          return result;
        });
      },
    );
  }

  app.post(
    "/cases/:id/safety-plan/agreements/:agreementId/done",
    {
      config: { access: { action: "agreement.complete" } },
      schema: {
        tags: ["cases"],
        summary: "Mark one agreement done (owning organisation or director): a new version of the plan",
        description:
          "No If-Match: the server changes only this agreement's status on the newest version, so two clicks at once on one plan both land; 409 when the agreement is no longer open.",
        params: z.strictObject({ id: z.uuid(), agreementId: planItemId }),
        response: { 200: planDocumentSchema },
      },
    },
    async (request, reply) => {
      const { id, agreementId } = request.params;
      for (let attempt = 1; ; attempt++) {
        try {
          const doc = await onCase(db, request, id, "case.agreement.done", "contribute", (tx, principal) =>
            completeAgreement(tx, principal, id, agreementId),
          );
          return reply.header("ETag", planEtag(doc.version)).send(doc);
        } catch (error) {
          if (!isPlanRace(error) || attempt >= planRaceTries) {
            throw error;
          }
        }
      }
    },
  );

  app.get(
    "/shelter-stays",
    {
      config: { access: { action: "network.read" } },
      schema: {
        tags: ["cases"],
        summary: "Stays hosted by the caller's shelter that have not ended, the earliest first",
        querystring: z.strictObject(limitQuery),
        response: { 200: z.object({ items: z.array(shelterStayWorkItemSchema) }) },
      },
    },
    async (request) => {
      const { principal, actor, role } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const items = await runningStaysAt(tx, principal.organisationId, request.query.limit);
        audit({
          action: "shelter-stay.list",
          subjectType: "shelter-stay-list",
          ground: `role: ${role}, stays hosted by own organisation`,
        });
        return { items };
      });
    },
  );
}
