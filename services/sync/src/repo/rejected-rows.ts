import { sql } from "drizzle-orm";
import { rejectedRows, type Db } from "@matchday/shared";
import type { RejectedRow } from "../domain/parsed-match.js";
import { chunk, createBatchRunner, type BatchRunner } from "./batches.js";
import { columnList, unnestRows, valueList, type ArrayColumn } from "./unnest.js";

/** Rejected rows per statement. */
const REJECTED_BATCH_ROWS = 5_000;

/**
 * Appends rejected rows (file, physical line, reason) to `sync.rejected_rows`, in the transaction of
 * the file they belong to, so a rolled-back file leaves no rejects behind either. `league` and
 * `season` are null for a file that mixes leagues (fixtures.csv). A whole file refused is one row with
 * line 0.
 */
export async function recordRejectedRows(
  tx: Db,
  scope: { league: string | null; season: string | null },
  rows: readonly RejectedRow[],
  runner: BatchRunner = createBatchRunner(),
): Promise<void> {
  for (const batch of chunk(rows, REJECTED_BATCH_ROWS)) {
    const columns: ArrayColumn[] = [
      { name: rejectedRows.file.name, arrayType: "text", values: batch.map((r) => r.file) },
      { name: rejectedRows.line.name, arrayType: "int", values: batch.map((r) => r.line) },
      { name: rejectedRows.reason.name, arrayType: "text", values: batch.map((r) => r.reason) },
    ];
    await runner.run("rejected_rows", batch.length, () =>
      tx.execute(sql`
        insert into sync.rejected_rows (league, season, ${columnList(columns)})
        select ${scope.league}::text, ${scope.season}::text, ${valueList(columns)}
        from ${unnestRows(columns)}`),
    );
  }
}
