import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";

/** The PostgreSQL error codes of a sequence another transaction created at the same moment. */
const alreadyCreated = new Set(["23505", "42P07"]);

const codeOf = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e.code ?? e.cause?.code;
  return typeof code === "string" ? code : undefined;
};

/** The sequence that numbers a prefix's references of one year, e.g. reference_vt_2026. */
export function referenceSequenceName(prefix: string, year: number): string {
  // Both parts become part of an identifier: only what cannot break out of it.
  if (!/^[A-Z]{1,10}$/.test(prefix) || !Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new Error("A reference needs a prefix of capital letters and a four-digit year.");
  }
  return `reference_${prefix.toLowerCase()}_${year}`;
}

async function nextValue(tx: Db, name: string): Promise<number | null> {
  const result = await tx.execute(sql`SELECT nextval(to_regclass(${name})) AS n`);
  const n = (result as unknown as { rows: { n: string | number | null }[] }).rows[0]?.n;
  return n === null || n === undefined ? null : Number(n);
}

/**
 * The next human-readable reference for a prefix and year, e.g. VT-2026-000123, from a PostgreSQL
 * sequence per prefix and year (decision 0014): no row is locked, so parallel creations do not
 * wait for each other. Numbers never repeat; a creation that rolls back leaves a gap. The first
 * reference of a year creates its sequence, in a savepoint: when another transaction creates it
 * at the same moment, this one waits for that commit and then draws from the same sequence.
 */
export async function nextReference(tx: Db, prefix: string, year: number): Promise<string> {
  const name = referenceSequenceName(prefix, year);
  let n = await nextValue(tx, name);
  if (n === null) {
    try {
      await tx.transaction(async (sp) => {
        await sp.execute(sql`CREATE SEQUENCE IF NOT EXISTS ${sql.identifier(name)} AS bigint`);
      });
    } catch (error) {
      if (!alreadyCreated.has(codeOf(error) ?? "")) {
        throw error;
      }
    }
    n = await nextValue(tx, name);
    if (n === null) {
      throw new Error(`The reference sequence ${name} could not be created.`);
    }
  }
  return `${prefix}-${year}-${String(n).padStart(6, "0")}`;
}
