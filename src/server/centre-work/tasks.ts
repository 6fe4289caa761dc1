import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { addWorkingDays, dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import type { CentreTask, TaskKind } from "../../shared/centre-work.ts";
import type { Principal } from "../access/principal.ts";
import { recordCaseEvent } from "../cases/events.ts";
import { involvedNowIn } from "../cases/involvement.ts";
import type { Db } from "../db/client.ts";
import { cases, centreTasks, reporterProtections, reports } from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";
import { loadCalendar } from "../settings/settings.ts";
import { latenessOf } from "./lateness.ts";

/** A reporter who gave no identity cannot be given feedback. */
export const canGetFeedback = (reporterCategory: string): boolean => reporterCategory !== "anonymous";

/**
 * Creates a task for the organisation, due `workingDays` working days after `from`. Each task
 * exists once per report (and trajectory): a repeated call leaves the first one.
 */
export async function createTask(
  tx: Db,
  input: {
    kind: TaskKind;
    reportId: string;
    caseId: string | null;
    trajectoryId?: string | null;
    organisationId: string;
    from: string;
    workingDays: number;
    at: Date;
  },
): Promise<void> {
  const calendar = await loadCalendar(tx);
  await tx
    .insert(centreTasks)
    .values({
      id: randomUUID(),
      kind: input.kind,
      reportId: input.reportId,
      caseId: input.caseId,
      trajectoryId: input.trajectoryId ?? null,
      organisationId: input.organisationId,
      dueOn: addWorkingDays(input.from, input.workingDays, calendar),
      createdAt: input.at,
    })
    .onConflictDoNothing();
}

type TaskRow = typeof centreTasks.$inferSelect;

/** The newest decision on keeping each report's reporter from the family, for the given reports. */
export async function protectionsOf(tx: Db, reportIds: string[]) {
  const byReport = new Map<string, { protected: boolean; reason: string | null }>();
  if (reportIds.length === 0) {
    return byReport;
  }
  const rows = await tx
    .select()
    .from(reporterProtections)
    .where(inArray(reporterProtections.reportId, reportIds))
    .orderBy(desc(reporterProtections.seq));
  for (const row of rows) {
    if (!byReport.has(row.reportId)) {
      byReport.set(row.reportId, { protected: row.protected, reason: row.reason });
    }
  }
  return byReport;
}

/** Tasks with their references and, for informing the family, the reporter-protection warning. */
export async function presentTasks(tx: Db, rows: TaskRow[], today: string): Promise<CentreTask[]> {
  if (rows.length === 0) {
    return [];
  }
  const reportIds = [...new Set(rows.map((r) => r.reportId))];
  const refs = await tx
    .select({ id: reports.id, reference: reports.reference })
    .from(reports)
    .where(inArray(reports.id, reportIds));
  const caseIds = [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const caseRefs =
    caseIds.length === 0
      ? []
      : await tx
          .select({ id: cases.id, reference: cases.reference })
          .from(cases)
          .where(inArray(cases.id, caseIds));
  const protections = await protectionsOf(tx, reportIds);
  return rows.map((r) => {
    const protection = protections.get(r.reportId);
    return {
      id: r.id,
      kind: r.kind as TaskKind,
      reportId: r.reportId,
      reportReference: refs.find((x) => x.id === r.reportId)?.reference ?? "",
      caseId: r.caseId,
      caseReference: caseRefs.find((x) => x.id === r.caseId)?.reference ?? null,
      trajectoryId: r.trajectoryId,
      createdAt: r.createdAt.toISOString(),
      doneOn: r.doneOn,
      doneNotes: r.doneNotes,
      lateness: latenessOf(r.dueOn, r.doneOn, today),
      reporterProtected:
        r.kind === "inform-family" && protection?.protected ? { reason: protection.reason ?? "" } : null,
    };
  });
}

/** Open tasks first, overdue (earliest due) first; done ones after, newest first. */
export function sortTasks(tasks: CentreTask[]): CentreTask[] {
  return [...tasks].sort((a, b) => {
    if ((a.doneOn === null) !== (b.doneOn === null)) {
      return a.doneOn === null ? -1 : 1;
    }
    if (a.doneOn !== null && b.doneOn !== null) {
      return a.doneOn < b.doneOn ? 1 : a.doneOn > b.doneOn ? -1 : 0;
    }
    return (a.lateness.dueOn ?? "") < (b.lateness.dueOn ?? "") ? -1 : 1;
  });
}

export async function taskById(tx: Db, id: string) {
  const [task] = await tx.select().from(centreTasks).where(eq(centreTasks.id, id));
  return task;
}

/**
 * Marks a task done with the date and what was said. Only the organisation that owns it (404 for
 * anyone else); once only (409), also when two workers do it at the same moment.
 */
export async function completeTask(
  tx: Db,
  principal: Principal,
  id: string,
  input: { doneOn: string; notes: string },
): Promise<CentreTask> {
  const task = await taskById(tx, id);
  if (!task || task.organisationId !== principal.organisationId) {
    throw notFound();
  }
  const createdOn = dateInAmsterdam(task.createdAt);
  if (input.doneOn < createdOn) {
    throw new AppError("INVALID_INPUT", "A task cannot be done before it existed.", {
      errors: [{ path: "doneOn", message: `on or after ${createdOn}` }],
    });
  }
  const now = new Date();
  const [done] = await tx
    .update(centreTasks)
    .set({ doneOn: input.doneOn, doneNotes: input.notes, doneBy: principal.userId, doneAt: now })
    .where(and(eq(centreTasks.id, id), isNull(centreTasks.doneOn)))
    .returning();
  if (!done) {
    throw new AppError("CONFLICT", "This task is already done.");
  }
  if (done.caseId) {
    await recordCaseEvent(tx, done.caseId, principal, "centre-task-done", {
      at: now,
      details: {
        taskId: id,
        kind: done.kind,
        reportId: done.reportId,
        doneOn: input.doneOn,
        dueOn: done.dueOn,
      },
    });
  }
  const [presented] = await presentTasks(tx, [done], dateInAmsterdam(now));
  return presented as CentreTask;
}

/** The organisation's tasks: open ones (for the work list) or all of one case. */
export async function tasksOf(
  tx: Db,
  organisationId: string,
  filter: { open: true; limit: number } | { caseId: string },
): Promise<TaskRow[]> {
  if ("caseId" in filter) {
    return tx
      .select()
      .from(centreTasks)
      .where(and(eq(centreTasks.organisationId, organisationId), eq(centreTasks.caseId, filter.caseId)));
  }
  return tx
    .select()
    .from(centreTasks)
    .where(
      and(
        eq(centreTasks.organisationId, organisationId),
        isNull(centreTasks.doneOn),
        or(isNull(centreTasks.caseId), involvedNowIn(centreTasks.caseId, organisationId)),
      ),
    )
    .orderBy(centreTasks.dueOn)
    .limit(filter.limit);
}

/** Reports of a case whose reporter can be given feedback (not advice requests, not anonymous). */
export async function feedbackReportsOfCase(tx: Db, caseId: string) {
  return tx
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(eq(reports.caseId, caseId), eq(reports.kind, "report"), ne(reports.reporterCategory, "anonymous")),
    );
}
