import {
  dateInAmsterdam,
  type WorkingDayCalendar,
  workingDaysBetween,
} from "../../shared/calendar/working-days.ts";

interface Steps<T> {
  safetyAssessment: T;
  triage: T;
}

/**
 * The steps of a report done after their due date, with how many working days late: lateness
 * stays visible after a step is done. A step without a deadline (an advice request) is never late.
 */
export function latenessOf(
  due: Steps<string | null>,
  done: Steps<Date | null>,
  calendar: WorkingDayCalendar,
): Partial<Steps<{ dueOn: string; doneOn: string; workingDaysLate: number }>> {
  const result: Partial<Steps<{ dueOn: string; doneOn: string; workingDaysLate: number }>> = {};
  for (const step of ["safetyAssessment", "triage"] as const) {
    const dueOn = due[step];
    const doneAt = done[step];
    if (dueOn === null || doneAt === null) {
      continue;
    }
    const doneOn = dateInAmsterdam(doneAt);
    if (doneOn > dueOn) {
      // Done on a day after the deadline: at least one day late, even when that day is a Saturday.
      result[step] = {
        dueOn,
        doneOn,
        workingDaysLate: Math.max(1, workingDaysBetween(dueOn, doneOn, calendar)),
      };
    }
  }
  return result;
}
