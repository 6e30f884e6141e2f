import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { taskRuns, type RunStatus, type TaskRunRow } from "../db/schema/platform.js";
import { Batcher } from "./batcher.js";
import { rowsOf } from "../db/rows.js";
import type { TriggerInfo } from "./headers.js";

export interface RunStart {
  runId: string;
  attempt: number;
  task: string;
  service: string;
  trigger: TriggerInfo;
  payload: unknown;
  msgId?: string | undefined;
  streamSeq?: number | undefined;
  instanceId: string;
  startedAt: Date;
}

export interface RunOutcome {
  status: Exclude<RunStatus, "running">;
  finishedAt: Date;
  error?: string | undefined;
  result?: unknown;
}

/** Where runs are recorded. The worker calls `begin` before and `finish` after each attempt. */
export interface RunRecorder {
  /**
   * Records the start of an attempt, and marks earlier attempts of the run still `running` as
   * failed (their worker was lost). When the run already succeeded, records nothing and returns
   * that attempt: the message is a redelivery of finished work.
   */
  begin(start: RunStart): Promise<{ previousSuccess: TaskRunRow | null }>;
  finish(runId: string, attempt: number, startedAt: Date, outcome: RunOutcome): Promise<void>;
  /** A run that never started a handler: rejected payloads, skipped schedule slots. */
  recordFinished(start: RunStart, outcome: RunOutcome): Promise<void>;
  /** The last succeeded (or skipped) run of a task, to compare inputs with. */
  lastSuccess(task: string): Promise<TaskRunRow | null>;
}

/** Records nothing (benchmarks without recording; tests of the bare runtime). */
export const noopRecorder: RunRecorder = {
  begin: async () => ({ previousSuccess: null }),
  finish: async () => {},
  recordFinished: async () => {},
  lastSuccess: async () => null,
};

function row(start: RunStart, status: RunStatus) {
  return {
    runId: start.runId,
    attempt: start.attempt,
    task: start.task,
    service: start.service,
    status,
    triggerKind: start.trigger.kind,
    trigger: start.trigger,
    upstreamRunId: start.trigger.upstreamRunId ?? null,
    payload: start.payload ?? null,
    msgId: start.msgId ?? null,
    streamSeq: start.streamSeq ?? null,
    instanceId: start.instanceId,
    startedAt: start.startedAt,
  };
}

interface Finish {
  runId: string;
  attempt: number;
  startedAt: Date;
  outcome: RunOutcome;
}

/**
 * Run records in `platform.task_runs`. The two writes every run makes (its start on first delivery,
 * its finish) are micro-batched: concurrent runs share one multi-row statement and one commit. Each
 * caller still waits for its own row to be written before the worker acknowledges the message.
 */
export function createRunRecorder(db: Db): RunRecorder {
  const batchOpts = { maxBatch: 200, maxConcurrent: 3 };
  const firstStarts = new Batcher<RunStart, boolean>(async (starts) => {
    const inserted = await db
      .insert(taskRuns)
      .values(starts.map((st) => row(st, "running")))
      .onConflictDoNothing()
      .returning({ runId: taskRuns.runId });
    const ok = new Set(inserted.map((r) => r.runId));
    return starts.map((st) => ok.has(st.runId));
  }, batchOpts);
  const finishes = new Batcher<Finish, Error | undefined>(async (items) => {
    const values = items.map(
      (f) =>
        sql`(${f.runId}::uuid, ${f.attempt}::int, ${f.outcome.status}::platform.run_status, ${f.outcome.finishedAt.toISOString()}::timestamptz, ${f.outcome.finishedAt.getTime() - f.startedAt.getTime()}::int, ${f.outcome.error ?? null}::text, ${f.outcome.result === undefined ? null : JSON.stringify(f.outcome.result)}::jsonb)`,
    );
    const updated = rowsOf<{ run_id: string; attempt: number }>(
      await db.execute(sql`
        update platform.task_runs as t
        set status = v.status, finished_at = v.finished_at, duration_ms = v.duration_ms, error = v.error, result = v.result
        from (values ${sql.join(values, sql`, `)}) as v(run_id, attempt, status, finished_at, duration_ms, error, result)
        where t.run_id = v.run_id and t.attempt = v.attempt
        returning t.run_id, t.attempt`),
    );
    const found = new Set(updated.map((r) => `${r.run_id}/${r.attempt}`));
    // A run whose start record is gone (lost in a database crash) must not be acknowledged as if
    // recorded: fail its finish, so the message is redelivered and recorded afresh.
    return items.map((f) =>
      found.has(`${f.runId}/${f.attempt}`)
        ? undefined
        : new Error(`no run record to finish for run ${f.runId} attempt ${f.attempt}`),
    );
  }, batchOpts);

  return {
    async begin(start) {
      // Fast path: the first delivery of a run id not seen before has no history (one batched
      // insert). A conflict means the run exists (a republished run): take the careful path below.
      if (start.attempt === 1 && (await firstStarts.add(start))) return { previousSuccess: null };
      return db.transaction(async (tx) => {
        const [prev] = await tx
          .select()
          .from(taskRuns)
          .where(
            and(
              eq(taskRuns.runId, start.runId),
              sql`${taskRuns.status} in ('succeeded', 'skipped')`,
            ),
          )
          .limit(1);
        if (prev) return { previousSuccess: prev };
        if (start.attempt > 1) {
          await tx
            .update(taskRuns)
            .set({
              status: "failed",
              error:
                "attempt abandoned: its worker stopped without finishing (the message was redelivered)",
              finishedAt: start.startedAt,
            })
            .where(and(eq(taskRuns.runId, start.runId), eq(taskRuns.status, "running")));
        }
        await tx
          .insert(taskRuns)
          .values(row(start, "running"))
          .onConflictDoUpdate({
            target: [taskRuns.runId, taskRuns.attempt],
            set: {
              status: "running",
              startedAt: start.startedAt,
              instanceId: start.instanceId,
              finishedAt: null,
              error: null,
            },
          });
        return { previousSuccess: null };
      });
    },
    async finish(runId, attempt, startedAt, outcome) {
      const missing = await finishes.add({ runId, attempt, startedAt, outcome });
      if (missing) throw missing;
    },
    async recordFinished(start, outcome) {
      await db
        .insert(taskRuns)
        .values({
          ...row(start, outcome.status),
          finishedAt: outcome.finishedAt,
          durationMs: outcome.finishedAt.getTime() - start.startedAt.getTime(),
          error: outcome.error ?? null,
          result: outcome.result ?? null,
        })
        .onConflictDoNothing();
    },
    async lastSuccess(task) {
      const [r] = await db
        .select()
        .from(taskRuns)
        .where(and(eq(taskRuns.task, task), sql`${taskRuns.status} in ('succeeded', 'skipped')`))
        .orderBy(desc(taskRuns.finishedAt))
        .limit(1);
      return r ?? null;
    },
  };
}
