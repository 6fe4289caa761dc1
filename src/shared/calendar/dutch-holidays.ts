/** A calendar date as `YYYY-MM-DD`; no time and no time zone, so arithmetic never shifts a day. */
export type IsoDate = string;

export interface PublicHoliday {
  date: IsoDate;
  name: string;
  nameNl: string;
}

const msPerDay = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The first year the holidays are computed for: King's Day replaced Queen's Day (30 April) in 2014,
 * and the older rules are not needed for deadlines that start today.
 */
export const firstSupportedYear = 2014;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date; throws a RangeError for anything that is not a real date. */
export function toDayNumber(date: IsoDate): number {
  const match = isoDatePattern.exec(date);
  if (!match) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const instant = new Date(0);
  // setUTCFullYear rather than Date.UTC: Date.UTC maps years 0–99 onto 1900–1999.
  instant.setUTCFullYear(year, month - 1, day);
  if (
    instant.getUTCFullYear() !== year ||
    instant.getUTCMonth() !== month - 1 ||
    instant.getUTCDate() !== day
  ) {
    throw new RangeError(`Not a real calendar date: ${date}`);
  }
  return Math.round(instant.getTime() / msPerDay);
}

/** The `YYYY-MM-DD` date of a day number (days since 1970-01-01). */
export function fromDayNumber(dayNumber: number): IsoDate {
  const instant = new Date(dayNumber * msPerDay);
  return isoDateOf(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
}

/** Formats a year, month (1–12) and day as `YYYY-MM-DD` without checking that the date exists. */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Day of the week of a date, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps dates before 1970 non-negative.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Easter Sunday of a Gregorian year by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
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
  return isoDateOf(year, month, day);
}

const holidayCache = new Map<number, readonly PublicHoliday[]>();

/**
 * The public holidays of the general time-limits act (Algemene termijnenwet) in a year, in date order;
 * Easter Sunday and Whit Sunday are left out because they are Sundays anyway.
 */
export function publicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < firstSupportedYear || year > 9999) {
    throw new RangeError(`Public holidays are computed for ${firstSupportedYear}–9999, not for ${year}`);
  }
  let holidays = holidayCache.get(year);
  if (!holidays) {
    const easter = toDayNumber(easterSunday(year));
    const kingsDay = isoDateOf(year, 4, 27);
    holidays = [
      { date: isoDateOf(year, 1, 1), name: "New Year's Day", nameNl: "Nieuwjaarsdag" },
      { date: fromDayNumber(easter - 2), name: "Good Friday", nameNl: "Goede Vrijdag" },
      { date: fromDayNumber(easter + 1), name: "Easter Monday", nameNl: "Tweede Paasdag" },
      {
        date: dayOfWeek(kingsDay) === 0 ? isoDateOf(year, 4, 26) : kingsDay,
        name: "King's Day",
        nameNl: "Koningsdag",
      },
      { date: isoDateOf(year, 5, 5), name: "Liberation Day", nameNl: "Bevrijdingsdag" },
      { date: fromDayNumber(easter + 39), name: "Ascension Day", nameNl: "Hemelvaartsdag" },
      { date: fromDayNumber(easter + 50), name: "Whit Monday", nameNl: "Tweede Pinksterdag" },
      { date: isoDateOf(year, 12, 25), name: "Christmas Day", nameNl: "Eerste Kerstdag" },
      { date: isoDateOf(year, 12, 26), name: "Boxing Day", nameNl: "Tweede Kerstdag" },
    ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    holidayCache.set(year, holidays);
  }
  return holidays.map((holiday) => ({ ...holiday }));
}

const holidayDateCache = new Map<number, ReadonlySet<IsoDate>>();

/** Whether a date is one of the public holidays of the general time-limits act. */
export function isPublicHoliday(date: IsoDate): boolean {
  toDayNumber(date);
  const year = Number(date.slice(0, 4));
  let dates = holidayDateCache.get(year);
  if (!dates) {
    dates = new Set(publicHolidays(year).map((holiday) => holiday.date));
    holidayDateCache.set(year, dates);
  }
  return dates.has(date);
}
