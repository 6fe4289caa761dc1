import { eq } from "drizzle-orm";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import { type TrajectoryKind, trajectoryKinds } from "../../shared/centre-work.ts";
import type { TriageInput } from "../../shared/intake.ts";
import type { Principal } from "../access/principal.ts";
import type { Db } from "../db/client.ts";
import { triages } from "../db/schema.ts";
import { loadCentreWorkSettings } from "../settings/centre-work-settings.ts";
import { openCrisis } from "./crisis.ts";
import { canGetFeedback, createTask } from "./tasks.ts";
import { openTrajectory } from "./trajectories.ts";

/**
 * The centre's work that a triage starts, called by the triage in the same transaction once the
 * case is opened: the reason it keeps the case, the trajectory of its own routes, the crisis
 * prompt, and the tasks of feeding back to the reporter and informing the family.
 */
export async function startRouteWork(
  tx: Db,
  principal: Principal,
  input: {
    report: { id: string; kind: string; reporterCategory: string };
    caseId: string | undefined;
    triage: TriageInput;
    at: Date;
  },
): Promise<void> {
  const { report, caseId, triage, at } = input;
  if (triage.keepReason !== undefined) {
    await tx.update(triages).set({ keepReason: triage.keepReason }).where(eq(triages.reportId, report.id));
  }
  if (caseId !== undefined && (trajectoryKinds as readonly string[]).includes(triage.route)) {
    await openTrajectory(tx, principal, {
      caseId,
      reportId: report.id,
      kind: triage.route as TrajectoryKind,
      at,
    });
  }
  if (caseId !== undefined && triage.route === "crisis") {
    await openCrisis(tx, principal, { caseId, reportId: report.id, at });
  }
  if (report.kind !== "report") {
    return;
  }
  const settings = await loadCentreWorkSettings(tx);
  const today = dateInAmsterdam(at);
  const common = {
    reportId: report.id,
    caseId: caseId ?? null,
    organisationId: principal.organisationId,
    from: today,
    at,
  };
  if (canGetFeedback(report.reporterCategory)) {
    await createTask(tx, {
      ...common,
      kind: "reporter-feedback-assessment",
      workingDays: settings.reporterFeedbackWorkingDays,
    });
  }
  await createTask(tx, { ...common, kind: "inform-family", workingDays: settings.informFamilyWorkingDays });
}
