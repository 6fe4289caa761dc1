/**
 * Deadline badges in the browser ("nog 3 werkdagen"), counted with the same calendar the server
 * uses (src/shared/calendar). Days designated by decree are kept per region on the server and are
 * not known here, so around such a day the count can be one too high; the date shown is always
 * the server's.
 */
import { type IsoDate, workingDaysBetween } from "../../shared/calendar/working-days.ts";

export { dateInAmsterdam } from "../../shared/calendar/working-days.ts";

const browserCalendar = { extraNonWorkingDays: new Set<IsoDate>() };

/** Where a deadline stands today: passed, today, or the working days still left. */
export type DeadlineState =
  | { kind: "overdue" }
  | { kind: "today" }
  | { kind: "upcoming"; workingDaysLeft: number };

/** Classifies a due date against today (both `YYYY-MM-DD`). */
export function deadlineState(dueOn: IsoDate, today: IsoDate): DeadlineState {
  if (dueOn < today) {
    return { kind: "overdue" };
  }
  if (dueOn === today) {
    return { kind: "today" };
  }
  return { kind: "upcoming", workingDaysLeft: workingDaysBetween(today, dueOn, browserCalendar) };
}

/**
 * Calendar days from today to the last day a period applies, both counted: a restraining order
 * imposed today for 10 days has 10 days left today and 1 on its last day.
 */
export function calendarDaysLeft(today: IsoDate, lastDay: IsoDate): number {
  return Math.round((Date.parse(lastDay) - Date.parse(today)) / 86_400_000) + 1;
}
