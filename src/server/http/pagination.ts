import { z } from "zod";
import { token } from "../../shared/bounds.ts";
import { AppError } from "../errors.ts";

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: token(300).optional(),
};

/** Cursors are opaque to clients: base64url of a JSON position. */
export const encodeCursor = (position: Record<string, string | number>): string =>
  Buffer.from(JSON.stringify(position)).toString("base64url");

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
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

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
