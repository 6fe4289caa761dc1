import { type AnyColumn, getTableName, type SQL, sql } from "drizzle-orm";

/**
 * A column written as "table"."column". Drizzle leaves columns unqualified in single-table
 * queries, so inside a correlated subquery `${other.id}` would silently bind to the subquery's
 * own table; every reference to the outer row must go through this.
 */
export function qualified(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
