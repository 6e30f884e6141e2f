/**
 * The rows of a raw `db.execute(sql…)` result. node-postgres and PGlite both answer with an object
 * carrying `rows` (drizzle types it per driver); this is the one place that reads it.
 */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error("unexpected database result: no rows array");
  return rows as T[];
}
