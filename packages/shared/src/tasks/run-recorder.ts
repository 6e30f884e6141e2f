import { and, eq, sql } from "drizzle-orm";
import type { Database, Statement } from "../db/client.js";
import { taskRuns, type RunStatus, type TaskRunRow } from "../db/schema/platform.js";
import { Batcher } from "./batcher.js";
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
  /**
   * Records an attempt's final state. Resolves once it is committed and visible to every reader;
   * it is on disk only once `durable` resolves for it.
   */
  finish(runId: string, attempt: number, startedAt: Date, outcome: RunOutcome): Promise<void>;
  /**
   * Resolves once the finished attempt's record is on disk. Rejects when the record is no longer
   * there (the database crashed between the finish and this call): the message must not be
   * acknowledged then, so that it is redelivered and recorded afresh.
   */
  durable(runId: string, attempt: number): Promise<void>;
  /** A run that never started a handler: rejected payloads, skipped schedule slots. */
  recordFinished(start: RunStart, outcome: RunOutcome): Promise<void>;
}

/** Records nothing (benchmarks without recording; tests of the bare runtime). */
export const noopRecorder: RunRecorder = {
  begin: async () => ({ previousSuccess: null }),
  finish: async () => {},
  durable: async () => {},
  recordFinished: async () => {},
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

/** Columns of a run's start row, in the order of `insertStarts`' arrays. */
const START_COLUMNS =
  "run_id, attempt, task, service, trigger_kind, trigger, upstream_run_id, payload, msg_id, stream_seq, instance_id, started_at";

/**
 * First starts of a batch of runs, one row each (`running`). One fixed text whatever the batch size
 * (one array per column, `unnest` into rows), so PostgreSQL keeps it prepared and nothing builds it
 * per call. A run that exists already is left as it is and not returned.
 */
const insertStarts: Statement = {
  name: "matchday_run_starts",
  text: `insert into platform.task_runs (${START_COLUMNS}, status)
select v.*, 'running' from unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::jsonb[],
  $7::uuid[], $8::jsonb[], $9::text[], $10::bigint[], $11::text[], $12::timestamptz[]) as v(${START_COLUMNS})
on conflict do nothing
returning run_id`,
};

const FINISH_SET =
  "status = v.status::platform.run_status, finished_at = v.finished_at, duration_ms = v.duration_ms, error = v.error, result = v.result";

/**
 * The final state of one attempt; returns it when found. Kept prepared: its generic plan is the
 * primary-key lookup whatever the table's size.
 */
const updateFinish: Statement = {
  name: "matchday_run_finish",
  text: `update platform.task_runs as t set ${FINISH_SET}
from (select $1::uuid, $2::int, $3::text, $4::timestamptz, $5::int, $6::text, $7::jsonb)
  as v(run_id, attempt, status, finished_at, duration_ms, error, result)
where t.run_id = v.run_id and t.attempt = v.attempt
returning t.run_id, t.attempt`,
};

/**
 * The final states of several attempts, one array per column; returns the attempts it found. Not
 * prepared: a generic plan made while the table was small joins by hashing a sequential scan of
 * it, and would keep doing so as it grows; planned per call, it looks each attempt up by key.
 */
const updateFinishes: Statement = {
  text: `update platform.task_runs as t set ${FINISH_SET}
from unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::int[], $6::text[], $7::jsonb[])
  as v(run_id, attempt, status, finished_at, duration_ms, error, result)
where t.run_id = v.run_id and t.attempt = v.attempt
returning t.run_id, t.attempt`,
};

/** The WAL write that makes a commit wait for the flush (see `confirmDurable`). */
const FLUSH_CTE =
  "with flushed as materialized (select pg_logical_emit_message(true, 'matchday', 'run records durable'))";

/**
 * Makes an attempt's record durable and checks it is there. A synchronous transaction that writes
 * WAL waits for the WAL to be flushed up to its commit, and so flushes every commit before it; a
 * transactional logical message is the smallest such write (any role may emit one, at any
 * wal_level; logical decoding consumers, if any, see a `matchday` message). Returns the attempt when
 * found final (when it is not, nothing needs flushing and the message may not be written). Kept
 * prepared: a primary-key lookup.
 */
const confirmDurable: Statement = {
  name: "matchday_run_durable",
  text: `${FLUSH_CTE}
select t.run_id, t.attempt from flushed, platform.task_runs as t
where t.run_id = $1::uuid and t.attempt = $2::int and t.status <> 'running'`,
};

/** `confirmDurable` for several attempts (one array per column); planned per call like `updateFinishes`. */
const confirmDurables: Statement = {
  text: `${FLUSH_CTE}
select t.run_id, t.attempt from flushed, platform.task_runs as t
join unnest($1::uuid[], $2::int[]) as v(run_id, attempt) on t.run_id = v.run_id and t.attempt = v.attempt
where t.status <> 'running'`,
};

/** The parameters of `updateFinish` from one attempt (of `updateFinishes`: each over all of them). */
const FINISH_PARAMS: ((f: Finish) => unknown)[] = [
  (f) => f.runId,
  (f) => f.attempt,
  (f) => f.outcome.status,
  (f) => f.outcome.finishedAt.toISOString(),
  (f) => f.outcome.finishedAt.getTime() - f.startedAt.getTime(),
  (f) => f.outcome.error ?? null,
  (f) => (f.outcome.result === undefined ? null : JSON.stringify(f.outcome.result)),
];

const jsonOrNull = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Run records in `platform.task_runs`. The writes every run makes (its start on first delivery, its
 * finish, and making that finish durable) are micro-batched: concurrent runs share one statement
 * and one commit. Each caller still waits for its own row.
 *
 * Starts and finishes commit through `relaxedStatement`, without waiting for their WAL flush: the
 * row is visible at once, so the completion event that follows a finish (and whoever it starts)
 * finds the run final, and the fsync is off that path. `durable` then makes them durable before the
 * worker acknowledges the message: one synchronous commit that flushes the WAL up to itself, in
 * the same statement as a check that the rows are there. A crash that loses a start or a finish
 * loses it before the message is acknowledged: the finish (no start row to update) or `durable`
 * (no final row) fails, the message is redelivered and recorded afresh; downstream runs an event
 * already started are not repeated (their message ids are derived from the upstream run).
 */
export function createRunRecorder(
  database: Pick<Database, "db" | "statement" | "relaxedStatement">,
): RunRecorder {
  const { db } = database;
  const batchOpts = { maxBatch: 200, maxConcurrent: 3 };
  const firstStarts = new Batcher<RunStart, boolean>(async (starts) => {
    const inserted = await database.relaxedStatement<{ run_id: string }>(insertStarts, [
      starts.map((st) => st.runId),
      starts.map((st) => st.attempt),
      starts.map((st) => st.task),
      starts.map((st) => st.service),
      starts.map((st) => st.trigger.kind),
      starts.map((st) => JSON.stringify(st.trigger)),
      starts.map((st) => st.trigger.upstreamRunId ?? null),
      starts.map((st) => jsonOrNull(st.payload)),
      starts.map((st) => st.msgId ?? null),
      starts.map((st) => st.streamSeq ?? null),
      starts.map((st) => st.instanceId),
      starts.map((st) => st.startedAt.toISOString()),
    ]);
    const fresh = new Set(inserted.map((r) => r.run_id));
    return starts.map((st) => fresh.has(st.runId));
  }, batchOpts);
  const finishes = new Batcher<Finish, Error | undefined>(async (items) => {
    const [one] = items;
    const updated = await database.relaxedStatement<{ run_id: string; attempt: number }>(
      items.length === 1 ? updateFinish : updateFinishes,
      FINISH_PARAMS.map((param) => (items.length === 1 ? param(one!) : items.map(param))),
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
  const durables = new Batcher<{ runId: string; attempt: number }, Error | undefined>(
    async (items) => {
      const [one] = items;
      const found = await database.statement<{ run_id: string; attempt: number }>(
        items.length === 1 ? confirmDurable : confirmDurables,
        items.length === 1
          ? [one!.runId, one!.attempt]
          : [items.map((d) => d.runId), items.map((d) => d.attempt)],
      );
      const there = new Set(found.map((r) => `${r.run_id}/${r.attempt}`));
      return items.map((d) =>
        there.has(`${d.runId}/${d.attempt}`)
          ? undefined
          : new Error(
              `the final record of run ${d.runId} attempt ${d.attempt} is gone (lost before it reached the disk)`,
            ),
      );
    },
    batchOpts,
  );

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
    async durable(runId, attempt) {
      const lost = await durables.add({ runId, attempt });
      if (lost) throw lost;
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
  };
}
