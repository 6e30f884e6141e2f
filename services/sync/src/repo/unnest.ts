import { sql, type SQL } from "drizzle-orm";

/**
 * One column of a multi-row statement passed as a single array parameter: `values[i]` belongs to row
 * `i`. `arrayType` is the PostgreSQL element type of the parameter (`int`, `text`, `float8`, …) and
 * `cast`, when given, converts each element to the column's type (`sync.odds_market`, `jsonb`).
 */
export interface ArrayColumn {
  name: string;
  arrayType: string;
  values: readonly unknown[];
  cast?: string;
}

/**
 * `unnest($1::t1[], $2::t2[], …) as v(c1, c2, …)`: the rows of a batch as a table, with one bind
 * parameter per column instead of one per cell. A batch of 10,000 odds rows is 11 parameters and one
 * round trip, where `values (…), (…)` would need 110,000 parameters (over PostgreSQL's 65,535 limit)
 * and a statement text that grows with the batch. Each parameter is sent as an array literal built
 * by `pgArrayLiteral` (same text on node-postgres and PGlite).
 */
export function unnestRows(columns: readonly ArrayColumn[]): SQL {
  const params = columns.map((c) => sql`${pgArrayLiteral(c.values)}::${sql.raw(c.arrayType)}[]`);
  const names = columns.map((c) => sql.identifier(c.name));
  return sql`unnest(${sql.join(params, sql`, `)}) as v(${sql.join(names, sql`, `)})`;
}

/** `v.<name>` with the column's cast: one select-list entry per column. */
export function unnestValue(column: ArrayColumn): SQL {
  const ref = sql`v.${sql.identifier(column.name)}`;
  return column.cast ? sql`${ref}::${sql.raw(column.cast)}` : ref;
}

/** The comma-separated column names (for `insert into t (…)`). */
export function columnList(columns: readonly ArrayColumn[]): SQL {
  return sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
}

/** The comma-separated `v.<name>[::cast]` list (for `select … from unnest(…)`). */
export function valueList(columns: readonly ArrayColumn[]): SQL {
  return sql.join(columns.map(unnestValue), sql`, `);
}

const CONTROL = /[\u0000-\u001f]/;
const ESCAPED = /[\\"]/g;

/**
 * A one-dimensional PostgreSQL array literal (`{1,null,"a\"b",true}`) of numbers, booleans, strings
 * and nulls. Strings are always quoted (so `NULL`, commas, braces and spaces stay text); numbers must
 * be finite. It is JSON's array text with the brackets swapped for braces: JSON quotes strings and
 * escapes `"` and `\` exactly as an array literal does, and `null` is NULL in any case. Strings with
 * control characters (which JSON would escape as `\n`, an array literal would read as `n`) take a
 * slower path. Written here because the driver's generic array serializer escapes every element,
 * numbers included: that cost seconds of CPU when a full history (7 million cells) loads.
 */
export function pgArrayLiteral(values: readonly unknown[]): string {
  let plainJson = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || typeof v === "boolean") continue;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new RangeError(`not a finite number at index ${i}: ${v}`);
    } else if (typeof v === "string") {
      if (CONTROL.test(v)) plainJson = false;
    } else throw new TypeError(`cannot put a ${typeof v} in an array literal (index ${i})`);
  }
  if (plainJson) return `{${JSON.stringify(values).slice(1, -1)}}`;
  const parts = values.map((v) =>
    typeof v === "string"
      ? `"${v.replace(ESCAPED, "\\$&")}"`
      : (JSON.stringify(v ?? null) as string),
  );
  return `{${parts.join(",")}}`;
}
