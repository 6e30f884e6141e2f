import {
  runIdFor,
  taskByName,
  type AnyTaskDef,
  type PublishedTask,
  type RunRecorder,
  type TaskPublisher,
  type TriggerInfo,
} from "@matchday/shared";
import type { Tick } from "./domain/index.js";

/** The catalog task a schedule names (schedules are validated at start: unknown is a bug). */
export function tickTask(tick: Tick): AnyTaskDef {
  const def = taskByName(tick.task);
  if (!def) throw new Error(`schedule ${tick.scheduleId} names unknown task ${tick.task}`);
  return def;
}

/** What a run started by `tick` records as its trigger (and carries in its headers). */
export function tickTrigger(tick: Tick): TriggerInfo {
  return {
    kind: "schedule",
    scheduleId: tick.scheduleId,
    slot: tick.slot,
    slotLocal: tick.slotLocal,
    reason: tick.reason,
    firedAt: tick.firedAt,
  };
}

/**
 * Publishes a tick as its task's message: message id `<task>@<slot>`, so every replica (and a
 * backfill) publishing the same slot queues it once.
 */
export function publishTick(publisher: TaskPublisher, tick: Tick): Promise<PublishedTask> {
  return publisher.publish(tickTask(tick), tick.payload as never, {
    key: tick.slot,
    trigger: tickTrigger(tick),
  });
}

/** Records a tick the overlap policy skipped, as a `skipped` run of its task. */
export async function recordTickSkipped(
  recorder: RunRecorder,
  tick: Tick,
  reason: string,
  at: { now: Date; instanceId: string },
): Promise<void> {
  const def = tickTask(tick);
  await recorder.recordFinished(
    {
      runId: runIdFor(tick.msgId),
      attempt: 1,
      task: def.name,
      service: def.service,
      trigger: tickTrigger(tick),
      payload: tick.payload,
      msgId: tick.msgId,
      instanceId: at.instanceId,
      startedAt: at.now,
    },
    {
      status: "skipped",
      finishedAt: at.now,
      result: {
        skipped: true,
        reason: `${reason}: the previous run of ${def.name} is still running`,
      },
    },
  );
}
