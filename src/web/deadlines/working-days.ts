/**
 * Working-day arithmetic for the deadline badges ("nog 3 werkdagen"), in the browser. The server
 * computes the deadlines themselves (src/server/calendar); this copy of the public-holiday rules
 * of the general time-limits act only counts the working days left until one. The test beside it
 * checks that both agree. Days designated by decree (kept per region on the server) are not known
 * here, so around such a day the count can be one too high; the date shown is always the server's.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

const msPerDay = 86_400_000;

function toDayNumber(date: IsoDate): number {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = date.split("-").map(Number);
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  return Math.round(instant.getTime() / msPerDay);
}

function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * msPerDay).toISOString().slice(0, 10);
}

function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 0 = Sunday … 6 = Saturday. */
function dayOfWeek(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Easter Sunday (anonymous Gregorian algorithm) as a day number. */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toDayNumber(isoDateOf(year, month, day));
}

const holidaysByYear = new Map<number, ReadonlySet<number>>();

/** The public holidays of a year as day numbers (New Year, Easter, King's Day, 5 May, Ascension, Whitsun, Christmas). */
function publicHolidays(year: number): ReadonlySet<number> {
  let holidays = holidaysByYear.get(year);
  if (holidays === undefined) {
    const easter = easterSunday(year);
    const kingsDay = toDayNumber(isoDateOf(year, 4, 27));
    holidays = new Set([
      toDayNumber(isoDateOf(year, 1, 1)),
      easter - 2,
      easter + 1,
      dayOfWeek(kingsDay) === 0 ? kingsDay - 1 : kingsDay,
      toDayNumber(isoDateOf(year, 5, 5)),
      easter + 39,
      easter + 50,
      toDayNumber(isoDateOf(year, 12, 25)),
      toDayNumber(isoDateOf(year, 12, 26)),
    ]);
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

function isWorkingDay(dayNumber: number): boolean {
  const weekday = dayOfWeek(dayNumber);
  if (weekday === 0 || weekday === 6) {
    return false;
  }
  const year = new Date(dayNumber * msPerDay).getUTCFullYear();
  return !publicHolidays(year).has(dayNumber);
}

/**
 * The working days after `from` up to and including `to`; negative when `to` lies before `from`.
 * With `from` today and `to` a deadline, it is the number of working days left.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day++) {
    if (isWorkingDay(day)) {
      count += 1;
    }
  }
  return sign * count || 0;
}

/** The date `n` working days after `start` (counting from the day after), as the server computes deadlines. */
export function addWorkingDays(start: IsoDate, n: number): IsoDate {
  let day = toDayNumber(start);
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDay(day)) {
      remaining -= 1;
    }
  }
  return fromDayNumber(day);
}

const amsterdamDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date of an instant in Europe/Amsterdam, where the time limits run. */
export function dateInAmsterdam(instant: Date): IsoDate {
  const parts = amsterdamDate.formatToParts(instant);
  const part = (type: "year" | "month" | "day"): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return isoDateOf(part("year"), part("month"), part("day"));
}

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
  return { kind: "upcoming", workingDaysLeft: workingDaysBetween(today, dueOn) };
}
