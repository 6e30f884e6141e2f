import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * The `set` of an `ON CONFLICT DO UPDATE` that takes every column from the proposed row
 * (`excluded.<column>`), except the key columns in `except`: an upsert that makes the stored row
 * equal to the new one, so re-running a task changes nothing.
 */
export function takeExcluded<T extends PgTable>(
  table: T,
  except: readonly (keyof T["_"]["columns"] & string)[],
): Record<string, SQL> {
  const skip = new Set<string>(except);
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([key]) => !skip.has(key))
      .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  );
}

/** Splits rows into batches small enough for PostgreSQL's 65,535 bind parameters per statement. */
export function inBatches<T>(rows: readonly T[], size = 250): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
