import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { addCalendarDays, dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import type { Trajectory, TrajectoryKind } from "../../shared/centre-work.ts";
import type { Principal } from "../access/principal.ts";
import { recordCaseEvent } from "../cases/events.ts";
import { involvedNowIn } from "../cases/involvement.ts";
import { currentPlan } from "../cases/safety-plan/plan-store.ts";
import type { Db } from "../db/client.ts";
import {
  cases,
  centreTrajectories,
  investigationFindings,
  reports,
  trajectoryConditions,
  triages,
} from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";
import { loadCentreWorkSettings } from "../settings/centre-work-settings.ts";
import { calendarDaysBetween, latenessOf } from "./lateness.ts";
import { createTask, feedbackReportsOfCase } from "./tasks.ts";

type TrajectoryRow = typeof centreTrajectories.$inferSelect;

/** The due date of a trajectory: its period in calendar weeks, counted from its start. */
export const trajectoryDueOn = (startedOn: string, weeks: number): string =>
  addCalendarDays(startedOn, weeks * 7);

/**
 * Opens the trajectory of a triage route the centre runs itself, not yet started. When the case
 * already runs one of this kind, the new report joins that one instead of opening a second.
 */
export async function openTrajectory(
  tx: Db,
  principal: Principal,
  input: { caseId: string; reportId: string; kind: TrajectoryKind; at: Date },
): Promise<void> {
  await tx
    .insert(centreTrajectories)
    .values({
      id: randomUUID(),
      caseId: input.caseId,
      reportId: input.reportId,
      kind: input.kind,
      organisationId: principal.organisationId,
      triagedOn: dateInAmsterdam(input.at),
      createdAt: input.at,
    })
    .onConflictDoNothing();
}

export async function trajectoryById(tx: Db, id: string) {
  const [row] = await tx.select().from(centreTrajectories).where(eq(centreTrajectories.id, id));
  return row;
}

/**
 * Only the organisation running the trajectory changes it (others who may work the case get
 * 403), and only while the case is open.
 */
async function requireOwnerOnOpenCase(tx: Db, row: TrajectoryRow, principal: Principal): Promise<void> {
  if (row.organisationId !== principal.organisationId) {
    throw new AppError("FORBIDDEN", "Only the organisation that runs this trajectory records its steps.");
  }
  const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, row.caseId));
  if (c?.status !== "open") {
    throw new AppError("CONFLICT", "The case is closed; reopen it first.");
  }
}

/** Records the start; the period in force now fixes the due date. Lateness never blocks. */
export async function startTrajectory(tx: Db, principal: Principal, id: string, startedOn: string) {
  const row = await trajectoryById(tx, id);
  if (!row) {
    throw notFound();
  }
  await requireOwnerOnOpenCase(tx, row, principal);
  if (startedOn < row.triagedOn) {
    throw new AppError("INVALID_INPUT", "A trajectory starts on or after its triage.", {
      errors: [{ path: "startedOn", message: `on or after ${row.triagedOn}` }],
    });
  }
  const { trajectoryWeeks } = await loadCentreWorkSettings(tx);
  const now = new Date();
  const dueOn = trajectoryDueOn(startedOn, trajectoryWeeks);
  const [started] = await tx
    .update(centreTrajectories)
    .set({ startedOn, weeks: trajectoryWeeks, dueOn, startedBy: principal.userId, startedAt: now })
    .where(and(eq(centreTrajectories.id, id), isNull(centreTrajectories.startedOn)))
    .returning();
  if (!started) {
    throw new AppError("CONFLICT", "This trajectory has already started.");
  }
  await recordCaseEvent(tx, row.caseId, principal, "trajectory-started", {
    at: now,
    details: {
      trajectoryId: id,
      kind: row.kind,
      startedOn,
      dueOn,
      waitDays: calendarDaysBetween(row.triagedOn, startedOn),
    },
  });
  return (await presentTrajectories(tx, [started], dateInAmsterdam(now)))[0] as Trajectory;
}

/** The violence types of the case's reports, in the order first named: one finding each. */
export async function violenceTypesOfCase(tx: Db, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ types: reports.violenceTypes })
    .from(reports)
    .where(eq(reports.caseId, caseId))
    .orderBy(asc(reports.receivedAt));
  return [...new Set(rows.flatMap((r) => r.types))];
}

/**
 * Records the outcome. An investigation names a finding for every violence type of the case's
 * reports (and no other); its end creates the feedback to each reporter. A conditions-and-follow-up
 * trajectory keeps a snapshot of the safety plan's conditions as they stand: the plan stays the
 * one place where conditions are set and marked met.
 */
export async function completeTrajectory(
  tx: Db,
  principal: Principal,
  id: string,
  input: {
    completedOn: string;
    findings?: { violenceType: string; finding: string }[] | undefined;
    notes?: string | undefined;
  },
) {
  const row = await trajectoryById(tx, id);
  if (!row) {
    throw notFound();
  }
  await requireOwnerOnOpenCase(tx, row, principal);
  if (row.completedOn !== null) {
    throw new AppError("CONFLICT", "This trajectory already has its outcome.");
  }
  if (row.startedOn === null) {
    throw new AppError("CONFLICT", "Record the start of the trajectory before its outcome.", {
      type: "trajectory-not-started",
    });
  }
  const problems: { path: string; message: string }[] = [];
  if (input.completedOn < row.startedOn) {
    problems.push({ path: "completedOn", message: `on or after ${row.startedOn}` });
  }
  const findings = input.findings ?? [];
  let conditions: { id: string; text: string; met: boolean }[] = [];
  let planVersion: number | null = null;
  if (row.kind === "investigation") {
    const expected = await violenceTypesOfCase(tx, row.caseId);
    const given = findings.map((f) => f.violenceType);
    findings.forEach((f, i) => {
      if (given.indexOf(f.violenceType) !== i) {
        problems.push({ path: `findings.${i}.violenceType`, message: "named twice" });
      } else if (expected.length > 0 && !expected.includes(f.violenceType)) {
        problems.push({
          path: `findings.${i}.violenceType`,
          message: "not a violence type of the case's reports",
        });
      }
    });
    for (const type of expected.filter((t) => !given.includes(t))) {
      problems.push({ path: "findings", message: `no finding for ${type}` });
    }
    if (expected.length === 0 && findings.length === 0) {
      problems.push({ path: "findings", message: "at least one finding" });
    }
  } else {
    if (input.findings !== undefined) {
      problems.push({ path: "findings", message: "only an investigation has findings" });
    }
  }
  if (problems.length > 0) {
    throw new AppError("INVALID_INPUT", "The outcome is not complete.", { errors: problems });
  }
  if (row.kind === "conditions-and-follow-up") {
    const plan = await currentPlan(tx, row.caseId);
    conditions = plan.plan.safetyConditions.map((c) => ({ id: c.id ?? "", text: c.text, met: c.met }));
    planVersion = plan.version;
    if (conditions.length === 0) {
      throw new AppError("CONFLICT", "Set the safety conditions in the safety plan before the outcome.", {
        type: "no-safety-condition",
      });
    }
  }
  const now = new Date();
  const [done] = await tx
    .update(centreTrajectories)
    .set({
      completedOn: input.completedOn,
      completedBy: principal.userId,
      completedAt: now,
      outcomeNotes: input.notes ?? null,
      planVersion,
    })
    .where(and(eq(centreTrajectories.id, id), isNull(centreTrajectories.completedOn)))
    .returning();
  if (!done) {
    throw new AppError("CONFLICT", "This trajectory already has its outcome.");
  }
  if (findings.length > 0) {
    await tx
      .insert(investigationFindings)
      .values(findings.map((f) => ({ trajectoryId: id, violenceType: f.violenceType, finding: f.finding })));
  }
  if (conditions.length > 0) {
    await tx.insert(trajectoryConditions).values(
      conditions.map((c, position) => ({
        trajectoryId: id,
        position,
        conditionId: c.id,
        text: c.text,
        met: c.met,
      })),
    );
  }
  await recordCaseEvent(tx, row.caseId, principal, "trajectory-completed", {
    at: now,
    details: {
      trajectoryId: id,
      kind: row.kind,
      completedOn: input.completedOn,
      dueOn: row.dueOn,
      daysLate: latenessOf(row.dueOn, input.completedOn, input.completedOn).daysLate,
      ...(row.kind === "investigation"
        ? { findings: findings.map((f) => ({ violenceType: f.violenceType, finding: f.finding })) }
        : { conditions: conditions.length, conditionsMet: conditions.filter((c) => c.met).length }),
    },
  });
  if (row.kind === "investigation") {
    const { reporterFeedbackWorkingDays } = await loadCentreWorkSettings(tx);
    for (const report of await feedbackReportsOfCase(tx, row.caseId)) {
      await createTask(tx, {
        kind: "reporter-feedback-investigation",
        reportId: report.id,
        caseId: row.caseId,
        trajectoryId: id,
        organisationId: row.organisationId,
        from: input.completedOn,
        workingDays: reporterFeedbackWorkingDays,
        at: now,
      });
    }
  }
  return (await presentTrajectories(tx, [done], dateInAmsterdam(now)))[0] as Trajectory;
}

/** Trajectories as the API presents them: status, the wait from triage, lateness, outcome. */
export async function presentTrajectories(
  tx: Db,
  rows: TrajectoryRow[],
  today: string,
): Promise<Trajectory[]> {
  if (rows.length === 0) {
    return [];
  }
  const ids = rows.map((r) => r.id);
  const caseIds = [...new Set(rows.map((r) => r.caseId))];
  const [findingRows, conditionRows, caseRows, keepRows] = await Promise.all([
    tx.select().from(investigationFindings).where(inArray(investigationFindings.trajectoryId, ids)),
    tx
      .select()
      .from(trajectoryConditions)
      .where(inArray(trajectoryConditions.trajectoryId, ids))
      .orderBy(asc(trajectoryConditions.position)),
    tx.select({ id: cases.id, reference: cases.reference }).from(cases).where(inArray(cases.id, caseIds)),
    tx
      .select({ reportId: triages.reportId, keepReason: triages.keepReason })
      .from(triages)
      .where(
        inArray(
          triages.reportId,
          rows.map((r) => r.reportId),
        ),
      ),
  ]);
  const typesByCase = new Map<string, string[]>();
  for (const caseId of caseIds) {
    typesByCase.set(caseId, await violenceTypesOfCase(tx, caseId));
  }
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    caseReference: caseRows.find((c) => c.id === r.caseId)?.reference ?? "",
    reportId: r.reportId,
    kind: r.kind as TrajectoryKind,
    organisationId: r.organisationId,
    keepReason: (keepRows.find((k) => k.reportId === r.reportId)?.keepReason ??
      null) as Trajectory["keepReason"],
    triagedOn: r.triagedOn,
    startedOn: r.startedOn,
    weeks: r.weeks,
    waitDays: calendarDaysBetween(r.triagedOn, r.startedOn ?? today),
    status: r.completedOn !== null ? "done" : r.startedOn !== null ? "running" : "not-started",
    completedOn: r.completedOn,
    lateness: latenessOf(r.dueOn, r.completedOn, today),
    outcome:
      r.completedOn === null
        ? null
        : {
            ...(r.outcomeNotes ? { notes: r.outcomeNotes } : {}),
            findings: findingRows
              .filter((f) => f.trajectoryId === r.id)
              .map((f) => ({ violenceType: f.violenceType, finding: f.finding as "confirmed" })),
            conditions: conditionRows
              .filter((c) => c.trajectoryId === r.id)
              .map((c) => ({ id: c.conditionId, text: c.text, met: c.met })),
            planVersion: r.planVersion,
          },
    violenceTypes: typesByCase.get(r.caseId) ?? [],
  }));
}

/** Work list order: overdue first, then not started (longest waiting first), then by due date. */
export function sortTrajectories(items: Trajectory[]): Trajectory[] {
  const rank = (t: Trajectory) => (t.lateness.overdue ? 0 : t.status === "not-started" ? 1 : 2);
  return [...items].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) {
      return byRank;
    }
    const key = (t: Trajectory) => (t.status === "not-started" ? t.triagedOn : (t.lateness.dueOn ?? ""));
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  });
}

export async function trajectoriesOf(
  tx: Db,
  filter: { caseId: string } | { organisationId: string; open: true; limit: number },
): Promise<TrajectoryRow[]> {
  if ("caseId" in filter) {
    return tx
      .select()
      .from(centreTrajectories)
      .where(eq(centreTrajectories.caseId, filter.caseId))
      .orderBy(asc(centreTrajectories.createdAt));
  }
  return tx
    .select()
    .from(centreTrajectories)
    .innerJoin(cases, eq(cases.id, centreTrajectories.caseId))
    .where(
      and(
        eq(centreTrajectories.organisationId, filter.organisationId),
        isNull(centreTrajectories.completedOn),
        eq(cases.status, "open"),
        involvedNowIn(centreTrajectories.caseId, filter.organisationId),
      ),
    )
    .limit(filter.limit)
    .then((rows) => rows.map((r) => r.centre_trajectories));
}
