/** Prints rows as an aligned text table (or nothing but a note when empty). */
export function printTable(rows: Record<string, unknown>[], columns?: string[]): void {
  if (rows.length === 0) {
    console.log("(none)");
    return;
  }
  const cols = columns ?? Object.keys(rows[0]!);
  const cell = (v: unknown) =>
    v === null || v === undefined
      ? ""
      : v instanceof Date
        ? v.toISOString()
        : typeof v === "object"
          ? JSON.stringify(v)
          : String(v);
  const widths = cols.map((c) =>
    Math.min(60, Math.max(c.length, ...rows.map((r) => cell(r[c]).length))),
  );
  const line = (vals: string[]) =>
    vals
      .map((v, i) =>
        v.length > widths[i]! ? v.slice(0, widths[i]! - 1) + "…" : v.padEnd(widths[i]!),
      )
      .join("  ")
      .trimEnd();
  console.log(line(cols));
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))));
}

export function printJson(v: unknown): void {
  console.log(JSON.stringify(v, null, 2));
}

/** A user error: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
