import { addCalendarDays } from "../../../shared/calendar/working-days.ts";

/** A restraining order applies for 10 days, the day of imposition included (DOMAIN.md 5). */
export const initialDays = 10;
/** Extended, it ends at the latest four weeks after imposition. */
export const maximumDays = 28;

export const initialEndOn = (startsOn: string): string => addCalendarDays(startsOn, initialDays - 1);
export const latestEndOn = (startsOn: string): string => addCalendarDays(startsOn, maximumDays - 1);

export const isActiveOn = (order: { startsOn: string; endsOn: string }, today: string): boolean =>
  order.startsOn <= today && today <= order.endsOn;
