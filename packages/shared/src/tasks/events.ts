import type { TriggerInfo } from "./headers.js";
import type { RunStart } from "./run-recorder.js";

/** What identifies one attempt of a run: the fields of its record and events. */
export type RunIdentity = Omit<RunStart, "payload">;

/**
 * The body of `evt.<service>.<task>.completed`, declared once: the worker builds it, trigger
 * relays and operators' tools read it. `status` is `skipped` when the handler found nothing to do.
 */
export interface CompletionEvent {
  runId: string;
  task: string;
  service: string;
  attempt: number;
  status: "succeeded" | "skipped";
  trigger: TriggerInfo;
  payload: unknown;
  result: unknown;
  /** ISO instants. */
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

/** The body of `evt.<service>.<task>.failed` (published when a run is rejected or dead-lettered). */
export interface FailureEvent {
  runId: string;
  task: string;
  service: string;
  attempt: number;
  status: string;
  error: string;
  trigger: TriggerInfo;
  payload: unknown;
  startedAt: string;
  finishedAt: string;
}

export function completedEventOf(
  run: RunStart & { status: CompletionEvent["status"]; result: unknown; finishedAt: Date },
): CompletionEvent {
  return {
    runId: run.runId,
    task: run.task,
    service: run.service,
    attempt: run.attempt,
    status: run.status,
    trigger: run.trigger,
    payload: run.payload,
    result: run.result,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    durationMs: run.finishedAt.getTime() - run.startedAt.getTime(),
  };
}

export function failedEventOf(
  run: RunIdentity,
  status: string,
  error: string,
  payload: unknown,
  finishedAt: Date,
): FailureEvent {
  return {
    runId: run.runId,
    task: run.task,
    service: run.service,
    attempt: run.attempt,
    status,
    error,
    trigger: run.trigger,
    payload,
    startedAt: run.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
  };
}
