import { z } from "zod";
import {
  endShelterStaySchema,
  extendRestrainingOrderSchema,
  liftRestrainingOrderSchema,
  newRestrainingOrderSchema,
  newShelterStaySchema,
  restrainingOrderSchema,
  shelterStaySchema,
} from "../../../shared/cases.ts";
import { requireVisibleMeasure } from "../../access/policy.ts";
import type { Db } from "../../db/client.ts";
import { notFound } from "../../errors.ts";
import type { App, RouteDeps } from "../../http/types.ts";
import { onCase } from "../case-work.ts";
import {
  endShelterStay,
  extendRestrainingOrder,
  liftRestrainingOrder,
  recordRestrainingOrder,
  restrainingOrderById,
  shelterStayById,
  startShelterStay,
} from "./measures.ts";

const idParams = z.strictObject({ id: z.uuid() });

/** The case a measure belongs to, outside the audited transaction: only its id, no personal data. */
async function caseOf(db: Db, lookup: (tx: Db) => Promise<{ caseId: string } | undefined>): Promise<string> {
  const found = await lookup(db);
  if (!found) {
    throw notFound();
  }
  return found.caseId;
}

export function registerMeasureRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.post(
    "/cases/:id/restraining-orders",
    {
      config: { access: { action: "measure.record" } },
      schema: {
        tags: ["cases"],
        summary: "Record a temporary restraining order on an adult of the household (10 days)",
        params: idParams,
        body: newRestrainingOrderSchema,
        response: { 201: restrainingOrderSchema },
      },
    },
    async (request, reply) => {
      const result = await onCase(
        db,
        request,
        request.params.id,
        "case.restraining-order",
        "contribute",
        (tx, principal) => recordRestrainingOrder(tx, principal, request.params.id, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    "/restraining-orders/:id/lift",
    {
      config: { access: { action: "measure.record" } },
      schema: {
        tags: ["cases"],
        summary: "Record that the mayor lifted a restraining order before its end, with the reason",
        params: idParams,
        body: liftRestrainingOrderSchema,
        response: { 200: restrainingOrderSchema },
      },
    },
    async (request) => {
      const caseId = await caseOf(db, (tx) => restrainingOrderById(tx, request.params.id));
      return onCase(db, request, caseId, "case.restraining-order.lift", "work", (tx, principal) =>
        liftRestrainingOrder(tx, principal, request.params.id, request.body.reason),
      );
    },
  );

  app.post(
    "/restraining-orders/:id/extend",
    {
      config: { access: { action: "measure.record" } },
      schema: {
        tags: ["cases"],
        summary: "Extend a running restraining order, to at most 28 days after imposition",
        params: idParams,
        body: extendRestrainingOrderSchema.nullish(),
        response: { 200: restrainingOrderSchema },
      },
    },
    async (request) => {
      const caseId = await caseOf(db, (tx) => restrainingOrderById(tx, request.params.id));
      return onCase(
        db,
        request,
        caseId,
        "case.restraining-order.extend",
        "contribute",
        async (tx, principal, access) => {
          requireVisibleMeasure(access, principal, (await restrainingOrderById(tx, request.params.id)) ?? {});
          return extendRestrainingOrder(tx, principal, request.params.id, request.body?.endsOn);
        },
      );
    },
  );

  app.post(
    "/cases/:id/shelter-stays",
    {
      config: { access: { action: "measure.record" }, references: { shelterOrganisationId: "organisation" } },
      schema: {
        tags: ["cases"],
        summary: "Record a stay in the shelter for persons of the household",
        params: idParams,
        body: newShelterStaySchema,
        response: { 201: shelterStaySchema },
      },
    },
    async (request, reply) => {
      const result = await onCase(
        db,
        request,
        request.params.id,
        "case.shelter-stay",
        "contribute",
        (tx, principal) => startShelterStay(tx, principal, request.params.id, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    "/shelter-stays/:id/end",
    {
      config: { access: { action: "measure.record" } },
      schema: {
        tags: ["cases"],
        summary: "End a stay in the shelter (today unless a date is given)",
        params: idParams,
        body: endShelterStaySchema.nullish(),
        response: { 200: shelterStaySchema },
      },
    },
    async (request) => {
      const caseId = await caseOf(db, (tx) => shelterStayById(tx, request.params.id));
      return onCase(
        db,
        request,
        caseId,
        "case.shelter-stay.end",
        "contribute",
        async (tx, principal, access) => {
          requireVisibleMeasure(access, principal, (await shelterStayById(tx, request.params.id)) ?? {});
          return endShelterStay(tx, principal, request.params.id, request.body?.endedOn);
        },
      );
    },
  );
}
