/** A table a suite prints: a title, column headers and rows of already formatted cells. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  /** Lines printed under the table (what a column means, how it was measured). */
  notes?: string[];
  /** How many leading columns are labels (left-aligned); the rest are figures. Default 1. */
  labelColumns?: number;
}

/**
 * Renders a table as monospaced text: label columns left-aligned, figures right-aligned, as
 * Markdown pipes so it can be pasted into a README as it is.
 */
export function formatTable(table: Table): string {
  const widths = table.columns.map((c, i) =>
    Math.max(c.length, ...table.rows.map((r) => (r[i] ?? "").length)),
  );
  const labels = table.labelColumns ?? 1;
  const cell = (text: string, i: number) =>
    i < labels ? text.padEnd(widths[i]!) : text.padStart(widths[i]!);
  const line = (cells: string[]) =>
    `| ${table.columns.map((_, i) => cell(cells[i] ?? "", i)).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i < labels ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [
    `### ${table.title}`,
    "",
    line(table.columns),
    rule,
    ...table.rows.map(line),
    ...(table.notes?.length ? ["", ...table.notes] : []),
  ].join("\n");
}
