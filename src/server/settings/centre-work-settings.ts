import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { settings } from "../db/schema.ts";

/**
 * The periods of the centre's own routes (DOMAIN.md 1), kept in the settings table under
 * `centre-work`: the trajectory period in calendar weeks, counted from the start, and the working
 * days in which the reporter gets feedback and the family is informed.
 */
export const centreWorkSettingsSchema = z.object({
  trajectoryWeeks: z.number().int().min(1).max(104).default(10),
  reporterFeedbackWorkingDays: z.number().int().min(0).max(60).default(5),
  informFamilyWorkingDays: z.number().int().min(0).max(60).default(5),
});
export type CentreWorkSettings = z.infer<typeof centreWorkSettingsSchema>;

export const centreWorkSettingsKey = "centre-work";

export async function loadCentreWorkSettings(db: Db): Promise<CentreWorkSettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, centreWorkSettingsKey));
  return centreWorkSettingsSchema.parse(row?.value ?? {});
}
