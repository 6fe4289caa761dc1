import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { WorkingDayCalendar } from "../../shared/calendar/working-days.ts";
import type { Db } from "../db/client.ts";
import { extraNonWorkingDays, settings } from "../db/schema.ts";

/** Time limits in working days (DOMAIN.md 1): configuration with the protocol's defaults. */
export const deadlineSettingsSchema = z.object({
  safetyAssessmentWorkingDays: z.number().int().min(0).max(60).default(5),
  triageWorkingDays: z.number().int().min(0).max(60).default(5),
  acuteWorkingDays: z.number().int().min(0).max(5).default(0),
  handoverAcceptanceWorkingDays: z.number().int().min(0).max(60).default(5),
});
export type DeadlineSettings = z.infer<typeof deadlineSettingsSchema>;

export async function loadDeadlineSettings(db: Db): Promise<DeadlineSettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, "deadlines"));
  return deadlineSettingsSchema.parse(row?.value ?? {});
}

/** The working-day calendar: public holidays are computed; designated extra days come from the table. */
export async function loadCalendar(db: Db): Promise<WorkingDayCalendar> {
  const rows = await db
    .select({ day: sql<string>`to_char(${extraNonWorkingDays.day}, 'YYYY-MM-DD')` })
    .from(extraNonWorkingDays);
  return { extraNonWorkingDays: new Set(rows.map((r) => r.day)) };
}
