import { z } from "zod";
import { token } from "../../shared/bounds.ts";
import { type Page, pageSchema } from "../../shared/page.ts";
import { AppError } from "../errors.ts";

/**
 * Every list answers one page: `?limit=` (1–200, default 50) and the opaque `?cursor=` the
 * previous page gave as `nextCursor` (null on the last page). A cursor is base64url of a JSON
 * position: the last row's keys for a keyset list (the journal, the audit log), or the offset for
 * a list sorted by something computed at read time (overdue first). Lists read one row more than
 * the limit to know whether another page follows.
 */
export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: token(300).optional(),
};

export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

export { type Page, pageSchema };

/** @deprecated use offsetPage or keysetPage; kept until every list uses them. */
export const encodeCursor = (position: unknown): string =>
  Buffer.from(JSON.stringify(position)).toString("base64url");

/** @deprecated use offsetPage or keysetPage. */
export function decodeCursor<C>(cursor: string | undefined, schema: z.ZodType<C>): C | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("INVALID_INPUT", "The cursor is not valid; start again without it.", {
      errors: [{ path: "query.cursor", message: "not a cursor this list gave out" }],
    });
  }
}

/**
 * One page of a keyset list: `fetch` reads up to `take` rows after the position (none on the
 * first page), `positionOf` gives a row's position for the next cursor.
 */
export async function keysetPage<T, C>(
  query: PageQuery,
  position: z.ZodType<C>,
  fetch: (after: C | undefined, take: number) => Promise<T[]>,
  positionOf: (row: T) => C,
): Promise<Page<T>> {
  const rows = await fetch(decodeCursor(query.cursor, position), query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(positionOf(last)) : null };
}

const offsetPosition = z.object({ offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

/** One page of a list sorted at read time: `fetch` reads up to `take` rows from `offset`. */
export async function offsetPage<T>(
  query: PageQuery,
  fetch: (offset: number, take: number) => Promise<T[]>,
): Promise<Page<T>> {
  const offset = decodeCursor(query.cursor, offsetPosition)?.offset ?? 0;
  const rows = await fetch(offset, query.limit + 1);
  return {
    items: rows.slice(0, query.limit),
    nextCursor: rows.length > query.limit ? encodeCursor({ offset: offset + query.limit }) : null,
  };
}
