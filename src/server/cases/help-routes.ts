import { z } from "zod";
import { minorAnswers } from "../../shared/minors.ts";
import {
  helpEndSchema,
  helpRecordSchema,
  helpStartSchema,
  helpWithdrawSchema,
  minorStatusChangeSchema,
  newHelpSchema,
} from "../../shared/person-help.ts";
import { helpAsSeen } from "../access/policy.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { onCase } from "./case-work.ts";
import {
  endHelp,
  helpOfCase,
  recordHelp,
  setMinorStatus,
  startHelp,
  withdrawHelp,
} from "./service/person-help.ts";

const caseParams = z.strictObject({ id: z.uuid() });
const personParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });
const helpParams = z.strictObject({ id: z.uuid(), helpId: z.uuid() });

/** Every person's help (offered, started, ended, withdrawn) and a person's minor status. */
export function registerHelpRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/cases/:id/help",
    {
      config: { access: { action: "case.read" } },
      schema: {
        tags: ["cases"],
        summary: "Every help record of the case's persons, withdrawn ones included",
        params: caseParams,
        response: { 200: z.object({ items: z.array(helpRecordSchema) }) },
      },
    },
    async (request) => ({
      items: await onCase(
        db,
        request,
        request.params.id,
        "case.help.list",
        "read",
        async (tx, principal, access) =>
          helpAsSeen(await helpOfCase(tx, request.params.id), access, principal),
      ),
    }),
  );

  app.post(
    "/cases/:id/persons/:personId/help",
    {
      config: { access: { action: "case.work" }, references: { providerOrganisationId: "organisation" } },
      schema: {
        tags: ["cases"],
        summary: "Record help offered to a person (and perhaps started): kind, by whom, when",
        params: personParams,
        body: newHelpSchema,
        response: { 201: helpRecordSchema },
      },
    },
    async (request, reply) => {
      const result = await onCase(
        db,
        request,
        request.params.id,
        "case.help.record",
        "work",
        (tx, principal) =>
          recordHelp(tx, principal, request.params.id, request.params.personId, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    "/cases/:id/help/:helpId/start",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Record once that the help started (the wait from offer to start is kept)",
        params: helpParams,
        body: helpStartSchema,
        response: { 200: helpRecordSchema },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.help.start", "work", (tx, principal) =>
        startHelp(tx, principal, request.params.id, request.params.helpId, request.body.startedOn),
      ),
  );

  app.post(
    "/cases/:id/help/:helpId/end",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Record once that the help ended",
        params: helpParams,
        body: helpEndSchema,
        response: { 200: helpRecordSchema },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.help.end", "work", (tx, principal) =>
        endHelp(tx, principal, request.params.id, request.params.helpId, request.body.endedOn),
      ),
  );

  app.post(
    "/cases/:id/help/:helpId/withdraw",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Withdraw a help record made in error, with the reason (the record stays)",
        params: helpParams,
        body: helpWithdrawSchema,
        response: { 200: helpRecordSchema },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.help.withdraw", "work", (tx, principal) =>
        withdrawHelp(tx, principal, request.params.id, request.params.helpId, request.body.reason),
      ),
  );

  app.post(
    "/cases/:id/persons/:personId/minor",
    {
      config: { access: { action: "case.work" } },
      schema: {
        tags: ["cases"],
        summary: "Set whether a person without a birth date is a minor (409 when a birth date decides)",
        params: personParams,
        body: minorStatusChangeSchema,
        response: { 200: z.object({ personId: z.uuid(), minor: z.enum(minorAnswers) }) },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.person.minor", "work", (tx, principal) =>
        setMinorStatus(
          tx,
          principal,
          request.params.id,
          request.params.personId,
          request.body.minor,
          request.body.reason,
        ),
      ),
  );
}
