import { sql } from "drizzle-orm";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import type { Db } from "../db/client.ts";
import { notifyOverdueHandovers } from "../notifications/notify.ts";

/** One lock id per periodic job, so that of several app servers only one runs it at a time. */
const overdueSweepLock = 727301;

/**
 * Runs the deadline sweeps once: overdue handovers are notified to the receiving organisation.
 * Answers false when another server held the lock (it is doing the same work).
 */
export async function runDeadlineSweep(db: Db, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${overdueSweepLock}) AS locked`);
    const [row] = (result as unknown as { rows: { locked: boolean }[] }).rows;
    if (!row?.locked) {
      return false;
    }
    await notifyOverdueHandovers(tx, dateInAmsterdam(now), now);
    return true;
  });
}

export interface Scheduler {
  stop(): void;
}

/**
 * Runs the sweeps at start and then every `intervalMs`. The work is idempotent and also done on
 * read, so a missed run only delays a notice; failures are logged without personal data.
 */
export function startScheduler(db: Db, intervalMs: number, onError: (error: unknown) => void): Scheduler {
  let running = false;
  const tick = async () => {
    if (running) {
      return;
    }
    running = true;
    try {
      await runDeadlineSweep(db);
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
