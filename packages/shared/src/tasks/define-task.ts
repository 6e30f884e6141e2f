import type * as z from "zod";
import type { RetryPolicy } from "./retry.js";

/** The services that own tasks. `housekeeping` tasks are served by the scheduler process. */
export const ServiceName = {
  Scheduler: "scheduler",
  Sync: "sync",
  Ml: "ml",
  Predictions: "predictions",
  Analytics: "analytics",
  Etl: "etl",
  Housekeeping: "housekeeping",
} as const;
export type ServiceName = (typeof ServiceName)[keyof typeof ServiceName];

/** What to do with slots missed while no scheduler ran: none, the latest, or each (up to a cap). */
export type MisfirePolicy = "skip" | "once" | "all";
/** Whether a tick fires while the previous run of the task is still running. */
export type OverlapPolicy = "allow" | "skip";

export interface DefaultSchedule {
  /** Stable id (operators pause, resume and override schedules by it). */
  id: string;
  /** 5 fields, or 6 with seconds. */
  cron: string;
  /** IANA zone: "UTC" or "Europe/London". */
  timezone: string;
  misfire?: MisfirePolicy;
  overlap?: OverlapPolicy;
}

/** Starts a task when an upstream task completes; `payload` returns null to not start it. */
export interface TaskTrigger {
  after: AnyTaskDef;
  payload: (result: unknown, upstreamPayload: unknown) => unknown;
}

export interface TaskDef<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /** The operators' name (`sync_all_leagues`): never renamed. */
  readonly name: string;
  readonly service: ServiceName;
  /** The Celery queue it used to live on (`data_sync`, `ml`, …); documentation and grouping. */
  readonly queue: string;
  readonly description: string;
  /** JSON payload contract, validated by the publisher and again by the worker. */
  readonly payload: P;
  /** What a successful run returns: stored in the run record and carried by the completion event. */
  readonly result: R;
  /** Hard limit per attempt: the handler's signal aborts, the attempt is `timed_out`. */
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** JetStream redelivers a message not acked or heartbeated within this; the worker heartbeats at a third of it. */
  readonly ackWaitMs: number;
  /** Cluster-wide cap of concurrent runs (`max_ack_pending`); 1 for tasks that must not overlap. */
  readonly maxInFlight: number;
  /** Concurrent runs per process. */
  readonly concurrency: number;
  readonly schedules: readonly DefaultSchedule[];
  /** The overlap policy of every schedule of this task (default and operator-added) unless it says otherwise. */
  readonly scheduleOverlap: OverlapPolicy;
  readonly triggers: readonly TaskTrigger[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTaskDef = TaskDef<any, any>;
export type PayloadOf<T extends AnyTaskDef> = z.infer<T["payload"]>;
export type PayloadInputOf<T extends AnyTaskDef> = z.input<T["payload"]>;
export type ResultOf<T extends AnyTaskDef> = z.infer<T["result"]>;
export type ResultInputOf<T extends AnyTaskDef> = z.input<T["result"]>;

export interface TaskSpec<P extends z.ZodType, R extends z.ZodType> {
  name: string;
  service: ServiceName;
  queue: string;
  description: string;
  payload: P;
  result: R;
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  ackWaitMs?: number;
  maxInFlight?: number;
  concurrency?: number;
  schedules?: DefaultSchedule[];
  scheduleOverlap?: OverlapPolicy;
  triggers?: TaskTrigger[];
}

const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  initialIntervalMs: 10_000,
  backoffCoefficient: 3,
  maxIntervalMs: 10 * 60_000,
};

const NAME = /^[a-z][a-z0-9_]*$/;

/** Declares a task once; subjects, consumers, publishers and docs are derived from it. */
export function defineTask<P extends z.ZodType, R extends z.ZodType>(
  spec: TaskSpec<P, R>,
): TaskDef<P, R> {
  if (!NAME.test(spec.name)) throw new Error(`task name ${spec.name} must match ${NAME}`);
  const retry = { ...DEFAULT_RETRY, ...spec.retry };
  if (retry.maxAttempts < 1) throw new Error(`task ${spec.name}: retry.maxAttempts must be >= 1`);
  return Object.freeze({
    name: spec.name,
    service: spec.service,
    queue: spec.queue,
    description: spec.description,
    payload: spec.payload,
    result: spec.result,
    timeoutMs: spec.timeoutMs,
    retry,
    ackWaitMs: spec.ackWaitMs ?? 30_000,
    maxInFlight: spec.maxInFlight ?? 1_000,
    concurrency: spec.concurrency ?? 1,
    schedules: Object.freeze([...(spec.schedules ?? [])]),
    scheduleOverlap: spec.scheduleOverlap ?? "allow",
    triggers: Object.freeze([...(spec.triggers ?? [])]),
  });
}

/** A typed trigger: start `T` when `U` completes, computing T's payload from U's result. */
export function after<U extends AnyTaskDef>(
  upstream: U,
  payload: (result: ResultOf<U>, upstreamPayload: PayloadOf<U>) => unknown,
): TaskTrigger {
  return { after: upstream, payload: payload as TaskTrigger["payload"] };
}
