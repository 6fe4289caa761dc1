import { z } from "zod";
import { firstSupportedYear } from "./calendar/dutch-holidays.ts";

const earliest = `${firstSupportedYear}-01-01`;

/** Today plus a number of years, as `YYYY-MM-DD` (UTC; the bounds are coarse on purpose). */
function yearsFromToday(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/**
 * The date of a measure, help or event in a case: from 2014 (the first year the working-day
 * calendar knows) and at most a year ahead. Without a bound, a restraining order "from 9999-12-31"
 * ends in year 10000, which the database cannot store and no screen can show.
 */
export const caseEventDate = () =>
  z.iso
    .date()
    .refine((v) => v >= earliest, `on or after ${earliest}`)
    .refine((v) => v <= yearsFromToday(1), "at most a year from today");
