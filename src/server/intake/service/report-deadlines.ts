import { eq } from "drizzle-orm";
import { z } from "zod";
import { addWorkingDays } from "../../../shared/calendar/working-days.ts";
import type { Db } from "../../db/client.ts";
import { settings } from "../../db/schema.ts";
import { loadCalendar, loadDeadlineSettings } from "../../settings/settings.ts";

/** Whether advice requests get the report's deadlines: off by default (a setting, migrations/0009). */
const adviceDeadlinesSchema = z.object({ enabled: z.boolean().default(false) });

export async function adviceRequestsHaveDeadlines(tx: Db): Promise<boolean> {
  const [row] = await tx
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, "advice-deadlines"));
  return adviceDeadlinesSchema.parse(row?.value ?? {}).enabled;
}

export interface ReportDeadlines {
  safetyAssessment: string | null;
  triage: string | null;
}

/**
 * The due dates of a report's steps in working days from the day of receipt (DOMAIN.md 1); an
 * acute concern is due the same day. An advice request leaves responsibility with the person who
 * asked: no deadline unless the region switched advice deadlines on.
 */
export async function deadlinesFor(
  tx: Db,
  report: { kind: "advice" | "report"; receivedOn: string; acuteConcern: boolean },
): Promise<ReportDeadlines> {
  if (report.kind === "advice" && !(await adviceRequestsHaveDeadlines(tx))) {
    return { safetyAssessment: null, triage: null };
  }
  const limits = await loadDeadlineSettings(tx);
  const calendar = await loadCalendar(tx);
  return {
    safetyAssessment: addWorkingDays(
      report.receivedOn,
      report.acuteConcern ? limits.acuteWorkingDays : limits.safetyAssessmentWorkingDays,
      calendar,
    ),
    triage: addWorkingDays(
      report.receivedOn,
      report.acuteConcern ? limits.acuteWorkingDays : limits.triageWorkingDays,
      calendar,
    ),
  };
}
