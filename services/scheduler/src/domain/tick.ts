import type { ResolvedSchedule } from "./schedules.js";
import { formatLocal, formatUtc, slotId } from "./slots.js";

/** Why a tick was published. */
export const TickReason = {
  /** At its slot (within the engine's on-time tolerance). */
  OnTime: "on_time",
  /** A slot missed while no scheduler ran (or its timer was late), fired per the misfire policy. */
  CatchUp: "catch_up",
  /** An operator's backfill of a past range. */
  Backfill: "backfill",
} as const;
export type TickReason = (typeof TickReason)[keyof typeof TickReason];

/**
 * One scheduled firing, as published on the task's subject. `msgId` (`<task>@<slot UTC>`) is the
 * `Nats-Msg-Id`: the same for every replica and every backfill of the slot.
 */
export interface Tick {
  scheduleId: string;
  task: string;
  /** The nominal slot, UTC ISO to the second: `2026-10-25T00:30:00Z`. */
  slot: string;
  /** The slot in the schedule's zone: `2026-10-25T01:30:00+01:00 Europe/London`. */
  slotLocal: string;
  timezone: string;
  /** When this replica published it, UTC ISO with milliseconds. */
  firedAt: string;
  reason: TickReason;
  /** The schedule's payload (the task's schema defaults applied). */
  payload: unknown;
  msgId: string;
}

/** Builds the tick of `schedule` for `slot` (a whole second). Pure. */
export function buildTick(
  schedule: Pick<ResolvedSchedule, "id" | "task" | "timezone" | "payload">,
  slot: Date,
  reason: TickReason,
  firedAt: Date,
): Tick {
  return {
    scheduleId: schedule.id,
    task: schedule.task,
    slot: formatUtc(slot),
    slotLocal: formatLocal(slot, schedule.timezone),
    timezone: schedule.timezone,
    firedAt: firedAt.toISOString(),
    reason,
    payload: schedule.payload,
    msgId: slotId(schedule.task, slot),
  };
}
