import { and, desc, eq, type SQL } from "drizzle-orm";
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
