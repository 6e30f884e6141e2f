import { lt, sql } from "drizzle-orm";
import {
  taskRuns,
  type Db,
  type PayloadOf,
  type TaskContext,
  type cleanupOldData,
} from "@matchday/shared";

/**
 * Deletes run records that finished more than `olderThanDays` ago (running ones are kept whatever
 * their age: they are an incident to look at, not history). Dead letters expire with the DLQ
 * stream's max_age (30 days).
 */
export async function handleCleanupOldData(
  payload: PayloadOf<typeof cleanupOldData>,
  ctx: TaskContext,
  db: Db,
) {
  const cutoff = new Date(ctx.now().getTime() - payload.olderThanDays * 86_400_000);
  const deleted = await db
    .delete(taskRuns)
    .where(sql`${lt(taskRuns.finishedAt, cutoff)} and ${taskRuns.status} <> 'running'`)
    .returning({ runId: taskRuns.runId });
  ctx.logger.info(
    { cutoff: cutoff.toISOString(), deleted: deleted.length },
    "old run records deleted",
  );
  return { deletedRuns: deleted.length };
}
