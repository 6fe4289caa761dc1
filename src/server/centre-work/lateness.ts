import type { IsoDate } from "../../shared/calendar/working-days.ts";

const dayMs = 86_400_000;

/** Calendar days from one date to another (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

export interface Lateness {
  dueOn: IsoDate | null;
  overdue: boolean;
  daysLate: number;
  daysLeft: number | null;
}

/**
 * How late a step is, in calendar days. While open it is measured against today; once done
 * against the day it was done, so "done 3 days late" stays visible. Lateness never blocks.
 */
export function latenessOf(dueOn: IsoDate | null, doneOn: IsoDate | null, today: IsoDate): Lateness {
  if (dueOn === null) {
    return { dueOn: null, overdue: false, daysLate: 0, daysLeft: null };
  }
  const measuredOn = doneOn ?? today;
  return {
    dueOn,
    overdue: doneOn === null && today > dueOn,
    daysLate: Math.max(0, calendarDaysBetween(dueOn, measuredOn)),
    daysLeft: doneOn === null ? Math.max(0, calendarDaysBetween(today, dueOn)) : null,
  };
}
