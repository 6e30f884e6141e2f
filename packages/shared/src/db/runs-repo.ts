import { and, desc, eq, gt, max, type SQL } from "drizzle-orm";
import type { AnyTaskDef } from "../tasks/define-task.js";
import type { Db } from "./client.js";
import { taskRuns, type RunStatus, type TaskRunRow } from "./schema/platform.js";

export interface RunFilter {
  task?: string | undefined;
  status?: RunStatus | undefined;
  runId?: string | undefined;
  limit?: number | undefined;
}

/** Run records, newest first. */
export async function listRuns(db: Db, filter: RunFilter = {}): Promise<TaskRunRow[]> {
  const where: SQL[] = [];
  if (filter.task) where.push(eq(taskRuns.task, filter.task));
  if (filter.status) where.push(eq(taskRuns.status, filter.status));
  if (filter.runId) where.push(eq(taskRuns.runId, filter.runId));
  return db
    .select()
    .from(taskRuns)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(taskRuns.startedAt), desc(taskRuns.attempt))
    .limit(Math.min(filter.limit ?? 20, 1000));
}

/**
 * Whether a run of `task` is in progress at `now` (the scheduler's overlap check): `running` and
 * started within its time limit. An older `running` row is a lost worker's, and must not block the
 * schedule forever.
 */
export async function isTaskRunning(
  db: Db,
  task: Pick<AnyTaskDef, "name" | "timeoutMs">,
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - task.timeoutMs);
  const rows = await db
    .select({ runId: taskRuns.runId })
    .from(taskRuns)
    .where(
      and(
        eq(taskRuns.task, task.name),
        eq(taskRuns.status, "running"),
        gt(taskRuns.startedAt, since),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The finish time of each task's last *succeeded* run (failed, timed-out, skipped never count). */
export async function lastSuccessAt(db: Db): Promise<Map<string, Date>> {
  const rows = await db
    .select({ task: taskRuns.task, at: max(taskRuns.finishedAt) })
    .from(taskRuns)
    .where(eq(taskRuns.status, "succeeded"))
    .groupBy(taskRuns.task);
  return new Map(rows.filter((r) => r.at).map((r) => [r.task, r.at as Date]));
}
