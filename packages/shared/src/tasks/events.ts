import { isoString } from "../time/iso.js";
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
  run: RunIdentity,
  payload: unknown,
  status: CompletionEvent["status"],
  result: unknown,
  finishedAt: Date,
): CompletionEvent {
  return {
    runId: run.runId,
    task: run.task,
    service: run.service,
    attempt: run.attempt,
    status,
    trigger: run.trigger,
    payload,
    result,
    startedAt: isoString(run.startedAt),
    finishedAt: isoString(finishedAt),
    durationMs: finishedAt.getTime() - run.startedAt.getTime(),
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
    startedAt: isoString(run.startedAt),
    finishedAt: isoString(finishedAt),
  };
}
