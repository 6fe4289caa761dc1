import { sql } from "drizzle-orm";
import type { Db } from "../../src/server/db/client.ts";
import { type QueryOutcome, timeFindCandidates } from "./measure.ts";

/**
 * The naive baseline: the very same findCandidates() — the same SQL, trigram operator and scorer —
 * with the planner forbidden to use any index, so every query reads every person and computes the
 * trigram similarity in the scan. Same answers, no index: the difference is what the indexes buy.
 * The settings are SET LOCAL inside a transaction and vanish with it.
 */
export async function runBaseline(db: Db, outcomes: readonly QueryOutcome[]): Promise<QueryOutcome[]> {
  const results: QueryOutcome[] = [];
  for (const { query } of outcomes) {
    try {
      await db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_indexscan = off`);
        await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
        await tx.execute(sql`SET LOCAL enable_indexonlyscan = off`);
        const outcome = await timeFindCandidates(tx as unknown as Db, query);
        results.push(outcome);
        if (outcome.error !== undefined) {
          // A failed statement aborts the transaction; end it here.
          throw new Error(outcome.error);
        }
      });
    } catch {
      // Recorded above: the failed query is one of the outcomes.
    }
  }
  return results;
}
