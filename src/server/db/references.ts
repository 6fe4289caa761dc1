import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";

/**
 * The next human-readable reference for a prefix and year, e.g. VT-2026-000123. The counter row
 * is updated in the caller's transaction, so references never repeat and gaps only follow a
 * rollback.
 */
export async function nextReference(tx: Db, prefix: string, year: number): Promise<string> {
  const result = await tx.execute(sql`
    INSERT INTO reference_counters (prefix, year, last) VALUES (${prefix}, ${year}, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last = reference_counters.last + 1
    RETURNING last`);
  const last = Number((result as unknown as { rows: { last: number }[] }).rows[0]?.last);
  return `${prefix}-${year}-${String(last).padStart(6, "0")}`;
}
