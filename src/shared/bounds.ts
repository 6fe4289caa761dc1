import { z } from "zod";
import { firstSupportedYear } from "./calendar/dutch-holidays.ts";
import { addCalendarDays, dateInAmsterdam } from "./calendar/working-days.ts";

/**
 * The bounded building blocks of every input field, server and web alike (decision 0016). A date
 * without a plausible range ("9999-12-31") passes the format check, then breaks the day arithmetic,
 * the database or every screen that shows it; text without a bound or with control characters
 * breaks storage (PostgreSQL refuses NUL), exports and logs. So no input schema uses a bare
 * `z.string()` or `z.iso.date()`: it takes one of these.
 */

/** The first day a case, report or measure can be about: the working-day calendar's first year. */
export const earliestCaseDay = `${firstSupportedYear}-01-01`;
/** The first birth date taken as plausible. */
export const earliestBirthDay = "1900-01-01";

/**
 * C0 controls but tab, line feed and carriage return, DEL, and unpaired UTF-16 surrogates (which
 * are not valid Unicode and cannot be stored as UTF-8). The server's validator checks every string
 * of every request part against it too, so even a field a schema forgot is covered.
 */
export const forbiddenCharacters =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const lineBreaks = /[\t\n\r]/;

export const controlCharacterMessage = "contains a control character";

const withoutControls = (value: string) => !forbiddenCharacters.test(value);

/** Free text of at most `max` characters (after trimming); line breaks allowed. */
export const text = (max: number) =>
  z.string().trim().max(max).refine(withoutControls, controlCharacterMessage);

/** One line of text (a name, a city, a reason on one line): no line breaks or tabs either. */
export const line = (max: number) =>
  text(max).refine((value) => !lineBreaks.test(value), "must be on one line");

/** Text taken exactly as sent (a password): not trimmed, but bounded and without controls. */
export const exactText = (max: number) =>
  z.string().max(max).refine(withoutControls, controlCharacterMessage);

/** A code from the reference data, such as a violence type (`child-physical-abuse`). */
export const code = (max = 60) =>
  z
    .string()
    .max(max)
    .regex(/^[a-z0-9][a-z0-9-]*$/, "a code of lower-case letters, digits and dashes");

/** An opaque token the server gave out (an item id, a pagination cursor): URL-safe characters only. */
export const token = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, "not an id this server gave out");

const today = () => dateInAmsterdam(new Date());
const inDays = (days: number) => addCalendarDays(today(), days);
const inYears = (years: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return dateInAmsterdam(d);
};

/** A `YYYY-MM-DD` day between two bounds, each computed at parse time (today moves). */
const dayBetween = (from: () => string, to: () => string, fromMessage: string, toMessage: string) =>
  z.iso
    .date()
    .refine((v) => v >= from(), { message: fromMessage })
    .refine((v) => v <= to(), { message: toMessage });

const afterEarliest = `on or after ${earliestCaseDay}`;

/** A birth date: from 1900, not in the future. */
export const birthDate = () =>
  dayBetween(() => earliestBirthDay, today, `on or after ${earliestBirthDay}`, "not in the future");

/**
 * The day of a measure, help or event in a case (a shelter stay, an agreement's due date): from
 * 2014 (the first year the working-day calendar knows) and at most a year ahead. Without a bound,
 * a restraining order "from 9999-12-31" ends in year 10000, which the database cannot store.
 */
export const caseEventDate = () =>
  dayBetween(
    () => earliestCaseDay,
    () => inYears(1),
    afterEarliest,
    "at most a year from today",
  );

/** A day of what happened (help given, a journal entry, the centre's work, a score): from 2014, not in the future. */
export const pastDate = () => dayBetween(() => earliestCaseDay, today, afterEarliest, "not in the future");

/** The day the mayor imposed a restraining order: recorded once imposed, so never in the future (DOMAIN.md 5). */
export const restrainingOrderStart = () =>
  dayBetween(() => earliestCaseDay, today, afterEarliest, "not in the future");

/** The last day of a restraining order: an extension runs to at most 28 days after imposition, which was at latest today. */
export const restrainingOrderEnd = () =>
  dayBetween(
    () => earliestCaseDay,
    () => inDays(28),
    afterEarliest,
    "at most 28 days from today",
  );

/** Five minutes of clock difference between a client and the server. */
const clockSkewMs = 5 * 60_000;
const earliestCaseInstant = Date.UTC(firstSupportedYear, 0, 1);

const instantBetween = (from: () => number, to: () => number, fromMessage: string, toMessage: string) =>
  z.iso
    .datetime({ offset: true })
    .refine((v) => Date.parse(v) >= from(), { message: fromMessage })
    .refine((v) => Date.parse(v) <= to(), { message: toMessage });

/** When a report was received: from 2014 (so old files can still be entered) up to now. */
export const receivedInstant = () =>
  instantBetween(
    () => earliestCaseInstant,
    () => Date.now() + clockSkewMs,
    afterEarliest,
    "not in the future",
  );

/** A moment of an event in a case (a warm handover's meeting): from 2014, at most a year ahead. */
export const caseEventInstant = () =>
  instantBetween(
    () => earliestCaseInstant,
    () => Date.parse(`${inYears(1)}T23:59:59Z`),
    afterEarliest,
    "at most a year from today",
  );

/**
 * A moment bounding a search (the audit log's from/to): a search of an empty period is harmless,
 * so the range is wide, but year 0000 or 9999 is still no moment anyone means.
 */
export const queryInstant = () =>
  instantBetween(
    () => Date.UTC(2000, 0, 1),
    () => Date.UTC(2100, 11, 31, 23, 59, 59),
    "on or after 2000-01-01",
    "on or before 2100-12-31",
  );
