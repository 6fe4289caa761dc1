import { type SQL, sql } from "drizzle-orm";
import { qualified } from "../db/qualified.ts";
import { persons } from "../db/schema.ts";

/**
 * `minorStatus()` of src/shared/minors.ts in SQL, for a row of `persons` in the query: a birth
 * date decides (under 18 on `today`), else the answer stated at intake. Never the role.
 */
export const minorNowSql = (today: string): SQL => sql`(case
  when ${qualified(persons.birthDate)} is not null then
    case when ${qualified(persons.birthDate)} > (${today}::date - interval '18 years') then 'yes' else 'no' end
  else ${qualified(persons.minor)} end)`;
