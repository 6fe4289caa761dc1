import { z } from "zod";
import {
  caseAssessmentSchema,
  directionChangeSchema,
  directions,
  directorChangeSchema,
  helpOfferedSchema,
  historyEntrySchema,
  phaseChangeSchema,
  phases,
} from "../../shared/cases.ts";
import { historyAsSeen } from "../access/policy.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { onCase } from "./case-work.ts";
import {
  changeDirection,
  changeDirector,
  changePhase,
  reassessSafety,
  recordHelpOffered,
} from "./service/case-state.ts";
import { caseHistory } from "./work-queries.ts";

const caseParams = z.strictObject({ id: z.uuid() });

/** Phase, direction, director, help offered to children, re-assessment and the history. */
export function registerCaseWorkRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.post(
    "/cases/:id/phase",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Move the case to another phase; 409 when leaving safety is not yet safe",
        params: caseParams,
        body: phaseChangeSchema,
        response: { 200: z.object({ phase: z.enum(phases) }) },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.phase", "work", (tx, principal) =>
        changePhase(tx, principal, request.params.id, request.body.phase, request.body.reason),
      ),
  );

  app.post(
    "/cases/:id/direction",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Escalate to regional or de-escalate to local direction, with the reason",
        params: caseParams,
        body: directionChangeSchema,
        response: { 200: z.object({ direction: z.enum(directions) }) },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.direction", "work", (tx, principal) =>
        changeDirection(tx, principal, request.params.id, request.body.direction, request.body.reason),
      ),
  );

  app.post(
    "/cases/:id/director",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Make a user of an involved organisation the case's one director",
        params: caseParams,
        body: directorChangeSchema,
        response: { 200: z.object({ director: z.object({ userId: z.uuid(), organisationId: z.uuid() }) }) },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.director", "work", (tx, principal) =>
        changeDirector(tx, principal, request.params.id, request.body.userId),
      ),
  );

  app.post(
    "/cases/:id/persons/:personId/help-offered",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Record help offered to a person of the household (children central)",
        params: z.strictObject({ id: z.uuid(), personId: z.uuid() }),
        body: helpOfferedSchema,
        response: { 201: z.object({ id: z.uuid(), personId: z.uuid(), date: z.iso.date() }) },
      },
    },
    async (request, reply) => {
      const result = await onCase(
        db,
        request,
        request.params.id,
        "case.help-offered",
        "work",
        (tx, principal) =>
          recordHelpOffered(tx, principal, request.params.id, request.params.personId, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    "/cases/:id/safety-assessments",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Re-assess safety within the case; the latest sets flags.acuteUnsafety",
        params: caseParams,
        body: caseAssessmentSchema,
        response: {
          201: z.object({
            id: z.uuid(),
            assessedAt: z.iso.datetime(),
            acuteUnsafety: z.boolean(),
            structuralUnsafety: z.boolean(),
            notes: z.string().optional(),
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await onCase(
        db,
        request,
        request.params.id,
        "case.safety-assessment",
        "work",
        (tx, principal) => reassessSafety(tx, principal, request.params.id, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    "/cases/:id/history",
    {
      config: { access: { action: "case.read" } },
      schema: {
        tags: ["cases"],
        summary: "Every change to the case: who, which organisation, when, what",
        params: caseParams,
        response: { 200: z.object({ items: z.array(historyEntrySchema) }) },
      },
    },
    async (request) => ({
      items: await onCase(
        db,
        request,
        request.params.id,
        "case.history",
        "read",
        async (tx, principal, access) =>
          historyAsSeen(await caseHistory(tx, request.params.id), access, principal),
      ),
    }),
  );
}
