import { z } from "zod";
import { line } from "../../shared/bounds.ts";
import { planDocumentSchema, planSchema, planVersionSchema } from "../../shared/safety-plan.ts";
import { isLostRace } from "../db/lost-race.ts";
import { AppError } from "../errors.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { onCase } from "./case-work.ts";
import { currentPlan, listPlanVersions, planEtag, planVersion, savePlan } from "./safety-plan/plan-store.ts";

const caseParams = z.strictObject({ id: z.uuid() });

export function registerSafetyPlanRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/cases/:id/safety-plan",
    {
      config: { access: { action: "case.read" } },
      schema: {
        tags: ["cases"],
        summary: "The newest version of the safety plan, with its ETag",
        params: caseParams,
        response: { 200: planDocumentSchema },
      },
    },
    async (request, reply) => {
      const doc = await onCase(db, request, request.params.id, "case.plan.read", "read", (tx) =>
        currentPlan(tx, request.params.id),
      );
      return reply.header("ETag", planEtag(doc.version)).send(doc);
    },
  );

  app.put(
    "/cases/:id/safety-plan",
    {
      config: {
        access: { action: "case.work" },
        references: { "plan.agreements.*.ownerOrganisationId": "organisation" },
      },
      schema: {
        tags: ["cases"],
        summary: "Save the plan as a new version (If-Match required: 428 without, 412 when stale)",
        params: caseParams,
        headers: z.object({ "if-match": line(200).optional() }),
        body: z.strictObject({ plan: planSchema }),
        response: { 200: planDocumentSchema },
      },
    },
    async (request, reply) => {
      try {
        const doc = await onCase(db, request, request.params.id, "case.plan.save", "work", (tx, principal) =>
          savePlan(tx, principal, request.params.id, request.headers["if-match"], request.body.plan),
        );
        return reply.header("ETag", planEtag(doc.version)).send(doc);
      } catch (error) {
        // Another save of the same version won (at any statement or at commit): the caller's version is stale.
        if (isLostRace(error)) {
          throw new AppError("PRECONDITION_FAILED", "The plan was changed meanwhile.", {
            type: "plan-changed",
          });
        }
        throw error;
      }
    },
  );

  app.get(
    "/cases/:id/safety-plan/versions",
    {
      config: { access: { action: "case.read" } },
      schema: {
        tags: ["cases"],
        summary: "Every version of the plan: number, author, organisation, time (newest first)",
        params: caseParams,
        response: { 200: z.object({ items: z.array(planVersionSchema) }) },
      },
    },
    async (request) => ({
      items: await onCase(db, request, request.params.id, "case.plan.versions", "read", (tx) =>
        listPlanVersions(tx, request.params.id),
      ),
    }),
  );

  app.get(
    "/cases/:id/safety-plan/versions/:version",
    {
      config: { access: { action: "case.read" } },
      schema: {
        tags: ["cases"],
        summary: "One version of the plan, to compare with another",
        params: z.strictObject({ id: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000) }),
        response: { 200: planDocumentSchema },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.plan.read", "read", (tx) =>
        planVersion(tx, request.params.id, request.params.version),
      ),
  );
}
