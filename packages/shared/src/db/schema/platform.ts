import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** The runtime's own tables: one row per run and attempt of every task. */
export const platform = pgSchema("platform");

export const runStatus = platform.enum("run_status", [
  "running",
  "succeeded",
  "failed",
  "timed_out",
  "rejected",
  "skipped",
]);
export type RunStatus = (typeof runStatus.enumValues)[number];

export const taskRuns = platform.table(
  "task_runs",
  {
    /** One logical run (all its attempts share it); travels in the `Matchday-Run-Id` header. */
    runId: uuid("run_id").notNull(),
    attempt: integer("attempt").notNull(),
    task: text("task").notNull(),
    service: text("service").notNull(),
    status: runStatus("status").notNull(),
    /** `schedule` | `manual` | `event`. */
    triggerKind: text("trigger_kind").notNull(),
    /** Schedule id, slot, fire reason; or the upstream task and run. */
    trigger: jsonb("trigger").notNull().default({}),
    upstreamRunId: uuid("upstream_run_id"),
    payload: jsonb("payload"),
    msgId: text("msg_id"),
    streamSeq: bigint("stream_seq", { mode: "number" }),
    instanceId: text("instance_id"),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
    durationMs: integer("duration_ms"),
    error: text("error"),
    result: jsonb("result"),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.attempt] }),
    index("task_runs_task_started_idx").on(t.task, t.startedAt.desc()),
    index("task_runs_status_idx")
      .on(t.status)
      .where(sql`${t.status} = 'running'`),
    index("task_runs_upstream_idx").on(t.upstreamRunId),
  ],
);
export type TaskRunRow = typeof taskRuns.$inferSelect;
