import {
  dayOfWeek,
  fromDayNumber,
  type IsoDate,
  isoDateOf,
  isPublicHoliday,
  publicHolidays,
  toDayNumber,
} from "./dutch-holidays.ts";

export type { IsoDate } from "./dutch-holidays.ts";

/** The days the government designates as non-working by decree (in practice the Friday after Ascension), per region's table. */
export interface WorkingDayCalendar {
  extraNonWorkingDays: ReadonlySet<IsoDate>;
}

/** Whether a date is a working day: Monday to Friday, not a public holiday, not a designated day. */
export function isWorkingDay(date: IsoDate, calendar: WorkingDayCalendar): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) {
    return false;
  }
  return !isPublicHoliday(date) && !calendar.extraNonWorkingDays.has(date);
}

/**
 * The date n working days after `start`, counting from the day after (so "within 5 working days" of a
 * Monday receipt is the next Monday); n = 0 gives `start` itself, the same-day limit for acute reports.
 */
export function addWorkingDays(start: IsoDate, n: number, calendar: WorkingDayCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`The number of working days must be a whole number ≥ 0, not ${n}`);
  }
  let day = toDayNumber(start);
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDay(fromDayNumber(day), calendar)) {
      remaining -= 1;
    }
  }
  return fromDayNumber(day);
}

/**
 * The number of working days after `from` up to and including `to` (negative when `to` lies before
 * `from`), e.g. how many working days a report is overdue when `from` is its deadline and `to` today.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingDayCalendar): number {
  const fromDay = toDayNumber(from);
  const toDay = toDayNumber(to);
  const [low, high, sign] = fromDay <= toDay ? [fromDay, toDay, 1] : [toDay, fromDay, -1];
  // Arithmetic rather than a day-by-day walk: queues compute this for every row, over spans of years.
  let count = weekdaysUpTo(high) - weekdaysUpTo(low);
  const inRangeOnWeekday = (date: IsoDate): boolean => {
    const day = toDayNumber(date);
    const weekday = dayOfWeek(date);
    return day > low && day <= high && weekday !== 0 && weekday !== 6;
  };
  const firstYear = Number(fromDayNumber(low + 1).slice(0, 4));
  const lastYear = Number(fromDayNumber(high).slice(0, 4));
  const holidays = new Set<IsoDate>();
  for (let year = firstYear; year <= lastYear && low < high; year++) {
    for (const holiday of publicHolidays(year)) {
      if (inRangeOnWeekday(holiday.date)) {
        holidays.add(holiday.date);
      }
    }
  }
  count -= holidays.size;
  const lowDate = fromDayNumber(low);
  const highDate = fromDayNumber(high);
  for (const date of calendar.extraNonWorkingDays) {
    // The string comparison first also passes over malformed entries, which isWorkingDay never matches.
    if (
      date > lowDate &&
      date <= highDate &&
      isRealDate(date) &&
      !holidays.has(date) &&
      inRangeOnWeekday(date)
    ) {
      count -= 1;
    }
  }
  // `|| 0` turns -0 into 0, so callers comparing with Object.is or printing never see "-0".
  return sign * count || 0;
}

function isRealDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** Mondays to Fridays from an arbitrary Monday (1970-01-05, day 4) up to and including a day number. */
function weekdaysUpTo(dayNumber: number): number {
  const sinceMonday = dayNumber - 4;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7 + 1, 5);
}

/** The date n calendar days after (or, for negative n, before) a date. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) {
    throw new RangeError(`The number of days must be a whole number, not ${n}`);
  }
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * The date n calendar months after (or before) a date, clamped to the last day of the target month
 * (2026-01-31 plus one month is 2026-02-28), as periods like "12 months after closure" are meant.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) {
    throw new RangeError(`The number of months must be a whole number, not ${n}`);
  }
  toDayNumber(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return isoDateOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

function daysInMonth(year: number, month: number): number {
  const firstOfNext = month === 12 ? isoDateOf(year + 1, 1, 1) : isoDateOf(year, month + 1, 1);
  return toDayNumber(firstOfNext) - toDayNumber(isoDateOf(year, month, 1));
}

const amsterdamDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date of an instant in Europe/Amsterdam: the date of receipt from which time limits run. */
export function dateInAmsterdam(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError("Invalid Date");
  }
  // formatToParts rather than format(): the en-CA pattern is an ICU locale detail, the parts are not.
  const parts = amsterdamDate.formatToParts(instant);
  const part = (type: "year" | "month" | "day"): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return isoDateOf(part("year"), part("month"), part("day"));
}
