import { z } from "zod";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import {
  boardAnswerSchema,
  boardRequestSchema,
  caseCentreWorkSchema,
  centreWorklistSchema,
  completeTaskSchema,
  newBoardRequestSchema,
  reporterProtectionInputSchema,
  reporterProtectionSchema,
  startTrajectorySchema,
  taskSchema,
  trajectoryOutcomeSchema,
  trajectorySchema,
} from "../../shared/centre-work.ts";
import { authorizeReport } from "../access/policy.ts";
import { accessOf } from "../access/route-guard.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import { householdIds, onCase } from "../cases/case-work.ts";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { App, RouteDeps } from "../http/types.ts";
import {
  answerBoardRequest,
  boardRequestById,
  boardRequestsOf,
  requestBoardInvestigation,
} from "./board-requests.ts";
import { crisesOf } from "./crisis.ts";
import { decideReporterProtection, reporterProtectionOf } from "./reporter-protection.ts";
import { completeTask, presentTasks, sortTasks, taskById, tasksOf } from "./tasks.ts";
import {
  completeTrajectory,
  presentTrajectories,
  sortTrajectories,
  startTrajectory,
  trajectoriesOf,
  trajectoryById,
} from "./trajectories.ts";

const idParams = z.strictObject({ id: z.uuid() });
const worklistLimit = 200;

/** The case a record belongs to, looked up before the audited frame: an id only, no personal data. */
async function caseOf(db: Db, lookup: (tx: Db) => Promise<{ caseId: string } | undefined>): Promise<string> {
  const found = await lookup(db);
  if (!found) {
    throw notFound();
  }
  return found.caseId;
}

/** The centre's own routes: its work list, trajectories, tasks, crisis, child protection board. */
export function registerCentreWorkRoutes(app: App, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/centre-work",
    {
      config: { access: { action: "centre-work.read" } },
      schema: {
        tags: ["centre-work"],
        summary:
          "The work list of the caller's organisation: its trajectories not done and its tasks not done, overdue first",
        response: { 200: centreWorklistSchema },
      },
    },
    async (request) => {
      const { principal, actor, role } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const today = dateInAmsterdam(new Date());
        const trajectories = await presentTrajectories(
          tx,
          await trajectoriesOf(tx, {
            organisationId: principal.organisationId,
            open: true,
            limit: worklistLimit,
          }),
          today,
        );
        const tasks = await presentTasks(
          tx,
          await tasksOf(tx, principal.organisationId, { open: true, limit: worklistLimit }),
          today,
        );
        audit({
          action: "centre-work.list",
          subjectType: "centre-work-list",
          ground: `role: ${role}, own organisation`,
        });
        return { trajectories: sortTrajectories(trajectories), tasks: sortTasks(tasks) };
      });
    },
  );

  app.get(
    "/cases/:id/centre-work",
    {
      config: { access: { action: "centre-work.read" } },
      schema: {
        tags: ["centre-work"],
        summary:
          "The centre's routes on a case: trajectories, the caller's organisation's tasks, crisis, child protection board requests",
        params: idParams,
        response: { 200: caseCentreWorkSchema },
      },
    },
    async (request) =>
      onCase(db, request, request.params.id, "case.centre-work.read", "read", async (tx, principal) => {
        const today = dateInAmsterdam(new Date());
        const caseId = request.params.id;
        return {
          trajectories: await presentTrajectories(tx, await trajectoriesOf(tx, { caseId }), today),
          tasks: sortTasks(
            await presentTasks(tx, await tasksOf(tx, principal.organisationId, { caseId }), today),
          ),
          crises: await crisesOf(tx, caseId),
          boardRequests: await boardRequestsOf(tx, caseId),
        };
      }),
  );

  app.post(
    "/trajectories/:id/start",
    {
      config: { access: { action: "centre-work.do" } },
      schema: {
        tags: ["centre-work"],
        summary:
          "Record the start of an investigation or conditions-and-follow-up; its period counts from here",
        params: idParams,
        body: startTrajectorySchema,
        response: { 200: trajectorySchema },
      },
    },
    async (request) => {
      const caseId = await caseOf(db, (tx) => trajectoryById(tx, request.params.id));
      return onCase(db, request, caseId, "case.trajectory.start", "work", (tx, principal) =>
        startTrajectory(tx, principal, request.params.id, request.body.startedOn),
      );
    },
  );

  app.post(
    "/trajectories/:id/outcome",
    {
      config: { access: { action: "centre-work.do" } },
      schema: {
        tags: ["centre-work"],
        summary:
          "Record the outcome: per violence type for an investigation, the plan's conditions for conditions-and-follow-up",
        params: idParams,
        body: trajectoryOutcomeSchema,
        response: { 200: trajectorySchema },
      },
    },
    async (request) => {
      const caseId = await caseOf(db, (tx) => trajectoryById(tx, request.params.id));
      return onCase(db, request, caseId, "case.trajectory.outcome", "work", (tx, principal) =>
        completeTrajectory(tx, principal, request.params.id, request.body),
      );
    },
  );

  app.post(
    "/centre-tasks/:id/done",
    {
      config: { access: { action: "centre-work.do" } },
      schema: {
        tags: ["centre-work"],
        summary: "Mark feedback to the reporter or informing the family done: the date and what was said",
        params: idParams,
        body: completeTaskSchema,
        response: { 200: taskSchema },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      const found = await taskById(db, request.params.id);
      if (!found) {
        throw notFound();
      }
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const { ground } = await authorizeReport(tx, principal, found.reportId, "work");
        const task = await completeTask(tx, principal, request.params.id, request.body);
        audit({
          action: "centre-task.done",
          subjectType: "report",
          subjectId: found.reportId,
          caseId: found.caseId,
          personIds: found.caseId ? await householdIds(tx, found.caseId) : [],
          ground,
        });
        return task;
      });
    },
  );

  app.post(
    "/cases/:id/board-requests",
    {
      config: { access: { action: "centre-work.do" } },
      schema: {
        tags: ["centre-work"],
        summary: "Request an investigation by the child protection board (Raad voor de Kinderbescherming)",
        params: idParams,
        body: newBoardRequestSchema,
        response: { 201: boardRequestSchema },
      },
    },
    async (request, reply) => {
      const result = await onCase(
        db,
        request,
        request.params.id,
        "case.board-request",
        "work",
        (tx, principal) => requestBoardInvestigation(tx, principal, request.params.id, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    "/board-requests/:id/answer",
    {
      config: { access: { action: "centre-work.do" } },
      schema: {
        tags: ["centre-work"],
        summary: "Record the child protection board's answer: date, outcome and text",
        params: idParams,
        body: boardAnswerSchema,
        response: { 200: boardRequestSchema },
      },
    },
    async (request) => {
      const caseId = await caseOf(db, (tx) => boardRequestById(tx, request.params.id));
      return onCase(db, request, caseId, "case.board-request.answer", "work", (tx, principal) =>
        answerBoardRequest(tx, principal, request.params.id, request.body),
      );
    },
  );

  app.get(
    "/reports/:id/reporter-protection",
    {
      config: { access: { action: "centre-work.read" } },
      schema: {
        tags: ["centre-work"],
        summary: "Whether the centre keeps this report's reporter from the family, and why (the centre only)",
        params: idParams,
        response: { 200: reporterProtectionSchema },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const { ground, isCentre } = await authorizeReport(tx, principal, request.params.id, "read");
        if (!isCentre) {
          // The reporter is the centre's to protect; others learn nothing about them.
          throw notFound();
        }
        const protection = await reporterProtectionOf(tx, request.params.id);
        audit({
          action: "report.reporter-protection.read",
          subjectType: "report",
          subjectId: request.params.id,
          ground,
        });
        return protection;
      });
    },
  );

  app.post(
    "/reports/:id/reporter-protection",
    {
      config: { access: { action: "report.work" } },
      schema: {
        tags: ["centre-work"],
        summary: "Keep (or stop keeping) the reporter's identity from the family, with the reason",
        params: idParams,
        body: reporterProtectionInputSchema,
        response: { 200: reporterProtectionSchema },
      },
    },
    async (request) => {
      const { principal, actor } = accessOf(request);
      return auditedTransaction(db, actor, async ({ tx, audit }) => {
        const { ground } = await authorizeReport(tx, principal, request.params.id, "work");
        const { caseId, ...protection } = await decideReporterProtection(
          tx,
          principal,
          request.params.id,
          request.body,
        );
        audit({
          action: "report.reporter-protection",
          subjectType: "report",
          subjectId: request.params.id,
          caseId,
          personIds: caseId ? await householdIds(tx, caseId) : [],
          ground,
        });
        return protection;
      });
    },
  );
}
