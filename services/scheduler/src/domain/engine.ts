import { describeError, MINUTE, SECOND } from "@matchday/shared";

import type { ScheduleState } from "./schedule-state.js";
import type { SchedulerClock, TimerHandle } from "./scheduler-clock.js";
import type { ResolvedSchedule } from "./schedules.js";
import { formatLocal, formatUtc, latestSlots, nextSlots, slotsBetween } from "./slots.js";
import { buildTick, TickReason } from "./tick.js";
import type { Tick } from "./tick.js";

/** Why a tick was recorded as skipped instead of published. */
export type SkipReason = "overlap";

/** The pino-compatible subset the engine logs through (`logger.child({ component })` fits). */
export interface SchedulerLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const silentLogger: SchedulerLogger = { debug() {}, info() {}, warn() {}, error() {} };

export interface SchedulerEngineOptions {
  /** From `resolveSchedules`; disabled ones are listed but never fire. */
  schedules: readonly ResolvedSchedule[];
  clock: SchedulerClock;
  state: ScheduleState;
  /**
   * Publishes a tick on its task's subject with `Nats-Msg-Id = tick.msgId`; `duplicate: true` when
   * JetStream's duplicate window already had it (another replica won). Rejecting means "not
   * published": the slot is retried after `retryDelayMs`.
   */
  publish: (tick: Tick) => Promise<{ duplicate: boolean }>;
  /** Whether a run of `task` is in progress (the lead's run records). Required for overlap skip. */
  isTaskRunning?: (task: string) => Promise<boolean> | boolean;
  /** Records an overlap skip as a run (status skipped), not silence. Required for overlap skip. */
  recordSkip?: (tick: Tick, reason: SkipReason) => Promise<void> | void;
  logger?: SchedulerLogger;
  /** An upper bound on every schedule's `misfire.cap` (slots fired per catch-up). */
  catchupCap?: number;
  /**
   * A due slot older than this when its timer runs counts as missed (misfire policy, `catch_up`)
   * rather than on time; absorbs event-loop lag. Default 60 s. At `start()` every due slot is missed.
   */
  onTimeToleranceMs?: number;
  /** Wait before retrying after a failed publish or state call. Default 5 s. */
  retryDelayMs?: number;
  /** Most slots one `backfill` call may publish. Default 10,000. */
  backfillLimit?: number;
}

/** One row of the schedule listing. */
export interface ScheduleListing {
  id: string;
  task: string;
  cron: string;
  timezone: string;
  enabled: boolean;
  misfire: ResolvedSchedule["misfire"];
  overlap: ResolvedSchedule["overlap"];
  /** The next three slots after `now` (none when disabled), UTC and local. */
  nextRuns: { utc: string; local: string }[];
  lastFired: string | null;
  paused: boolean;
}

export interface BackfillResult {
  /** Every slot of the range, UTC ISO. */
  slots: string[];
  /** Ticks JetStream accepted as new. */
  published: number;
  /** Ticks it already had (an earlier backfill, or the tick at the time). */
  duplicates: number;
}

export interface SchedulerEngine {
  /**
   * Catches up each enabled schedule (slots after its last fired slot up to now, per its misfire
   * policy, reason `catch_up`; a schedule that never fired starts from now without catch-up), then
   * arms a timer for its next slot. Rejects (after stopping) if the state store fails.
   */
  start(): Promise<void>;
  /** Cancels every timer and waits for in-flight firings. Idempotent (memoised). */
  stop(): Promise<void>;
  /**
   * Publishes a tick, reason `backfill`, for every slot of `scheduleId` in [`from`, `to`] (both
   * inclusive), with the same deterministic ids as live ticks, so a repeated backfill is harmless
   * within the duplicate window. Ignores pause and overlap (an explicit operator action), leaves the
   * last fired slot alone, refuses a range reaching into the future.
   */
  backfill(scheduleId: string, from: Date, to: Date): Promise<BackfillResult>;
  /** Every schedule (disabled ones too) with its next three runs, last fired slot and pause state. */
  list(now?: Date): Promise<ScheduleListing[]>;
}

interface Runtime {
  def: ResolvedSchedule;
  /** Every slot at or before this (ms) has been decided by this engine. */
  cursorMs: number;
  timer?: TimerHandle;
  inFlight?: Promise<void>;
}

/**
 * The scheduler's timer loop over a {@link SchedulerClock}, with croner used only as a calculator
 * (see `slots.ts`). Several replicas may run it against one {@link ScheduleState}: each publishes
 * every slot (JetStream keeps one per `msgId`), a replica that sees the slot already recorded
 * skips it, and the last fired slot only moves forward by compare-and-set.
 *
 * At each slot: paused → nothing is published but the last fired slot still advances (so resuming
 * does not flood the queue with the paused period: a paused schedule resumes at its next slot);
 * overlap `skip` and the task running → `recordSkip` instead of publishing; otherwise publish.
 * The last fired slot is written after the publish, so a crash in between re-publishes the slot
 * on restart (at-least-once; the msgId makes it harmless within the duplicate window).
 */
export function createSchedulerEngine(opts: SchedulerEngineOptions): SchedulerEngine {
  const { clock, state, publish } = opts;
  const logger = opts.logger ?? silentLogger;
  const toleranceMs = opts.onTimeToleranceMs ?? MINUTE;
  const retryDelayMs = opts.retryDelayMs ?? 5 * SECOND;
  const backfillLimit = opts.backfillLimit ?? 10_000;
  const ids = new Set<string>();
  for (const s of opts.schedules) {
    if (ids.has(s.id)) throw new Error(`duplicate schedule id "${s.id}"`);
    ids.add(s.id);
    if (s.enabled && s.overlap === "skip" && (!opts.isTaskRunning || !opts.recordSkip)) {
      throw new Error(
        `schedule "${s.id}" has overlap "skip": pass isTaskRunning and recordSkip to the engine`,
      );
    }
  }
  const runtimes = new Map<string, Runtime>(
    opts.schedules.map((def) => [def.id, { def, cursorMs: Number.NEGATIVE_INFINITY }]),
  );
  let started = false;
  let stopping: Promise<void> | undefined;

  /** Moves the stored last fired slot forward to `slotMs`; never backwards; retries conflicts. */
  async function advanceLastFired(
    id: string,
    slotMs: number,
    known?: { lastFired: string | null; revision: number | null },
  ): Promise<void> {
    let current = known ?? (await state.get(id));
    for (let attempt = 0; attempt < 10; attempt++) {
      if (current.lastFired !== null && Date.parse(current.lastFired) >= slotMs) return;
      if (await state.compareAndSet(id, formatUtc(new Date(slotMs)), current.revision)) return;
      current = await state.get(id);
    }
    throw new Error(`schedule "${id}": last fired slot still conflicting after 10 attempts`);
  }

  /** Fires one slot (or records why not), then advances the last fired slot to it. */
  async function handleSlot(rt: Runtime, slotMs: number, reason: TickReason): Promise<void> {
    const { def } = rt;
    const stored = await state.get(def.id);
    if (stored.lastFired !== null && Date.parse(stored.lastFired) >= slotMs) {
      logger.debug({ schedule: def.id, slot: formatUtc(new Date(slotMs)) }, "slot already fired");
      return;
    }
    const tick = buildTick(def, new Date(slotMs), reason, clock.now());
    const log = { schedule: def.id, task: def.task, slot: tick.slot, reason, msgId: tick.msgId };
    if (await state.isPaused(def.id)) {
      logger.info(log, "schedule paused: slot not published");
    } else if (def.overlap === "skip" && (await opts.isTaskRunning?.(def.task))) {
      await opts.recordSkip?.(tick, "overlap");
      logger.info(log, "previous run still running: tick skipped (overlap)");
    } else {
      const { duplicate } = await publish(tick);
      logger[duplicate ? "debug" : "info"]({ ...log, duplicate }, "tick published");
    }
    await advanceLastFired(def.id, slotMs, stored);
  }

  /** Decides every slot in (cursor, now]: missed ones per the misfire policy, the rest on time. */
  async function processDue(rt: Runtime, nowMs: number, startup: boolean): Promise<void> {
    const { def } = rt;
    if (nowMs <= rt.cursorMs) return;
    const c = def.compiled;
    const edgeMs = Math.max(rt.cursorMs, startup ? nowMs : nowMs - toleranceMs);
    const keep =
      def.misfire.policy === "skip"
        ? 0
        : def.misfire.policy === "once"
          ? 1
          : Math.min(def.misfire.cap, opts.catchupCap ?? Number.POSITIVE_INFINITY);
    const missed = latestSlots(c, new Date(rt.cursorMs), new Date(edgeMs), Math.max(keep, 1));
    const onTime = slotsBetween(c, new Date(edgeMs), new Date(nowMs));
    if (missed.length > 0) {
      logger.warn(
        {
          schedule: def.id,
          policy: def.misfire.policy,
          latestMissed: formatUtc(missed[missed.length - 1]!),
          firing: Math.min(keep, missed.length),
        },
        "missed slots",
      );
    }
    const plan: [Date, TickReason][] = [
      ...missed
        .slice(missed.length - Math.min(keep, missed.length))
        .map((d): [Date, TickReason] => [d, TickReason.CatchUp]),
      ...onTime.map((d): [Date, TickReason] => [d, TickReason.OnTime]),
    ];
    for (const [slot, reason] of plan) {
      await handleSlot(rt, slot.getTime(), reason);
      rt.cursorMs = slot.getTime();
    }
    const lastDue = onTime[onTime.length - 1] ?? missed[missed.length - 1];
    if (lastDue) await advanceLastFired(def.id, lastDue.getTime());
    rt.cursorMs = nowMs;
  }

  function arm(rt: Runtime, at?: Date): void {
    if (stopping) return;
    const next = at ?? nextSlots(rt.def.compiled, new Date(rt.cursorMs), 1)[0];
    if (!next) return;
    rt.timer = clock.setTimer(next, () => {
      rt.timer = undefined;
      rt.inFlight = wake(rt);
    });
  }

  async function wake(rt: Runtime): Promise<void> {
    if (stopping) return;
    try {
      await processDue(rt, clock.now().getTime(), false);
      arm(rt);
    } catch (err) {
      const retryAt = new Date(clock.now().getTime() + retryDelayMs);
      logger.error(
        { schedule: rt.def.id, err: describeError(err), retryAt: retryAt.toISOString() },
        "firing failed; retrying",
      );
      arm(rt, retryAt);
    }
  }

  async function start(): Promise<void> {
    if (started) throw new Error("scheduler engine already started");
    started = true;
    try {
      for (const rt of runtimes.values()) {
        if (!rt.def.enabled) continue;
        const nowMs = clock.now().getTime();
        const { lastFired } = await state.get(rt.def.id);
        rt.cursorMs = lastFired === null ? nowMs : Date.parse(lastFired);
        await processDue(rt, nowMs, true);
        arm(rt);
      }
    } catch (err) {
      await stop();
      throw err;
    }
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      for (const rt of runtimes.values()) {
        rt.timer?.cancel();
        rt.timer = undefined;
      }
      await Promise.allSettled([...runtimes.values()].map((rt) => rt.inFlight));
    })();
    return stopping;
  }

  async function backfill(scheduleId: string, from: Date, to: Date): Promise<BackfillResult> {
    const rt = runtimes.get(scheduleId);
    if (!rt) throw new Error(`unknown schedule "${scheduleId}"`);
    if (to.getTime() > clock.now().getTime()) {
      throw new RangeError(
        `backfill of "${scheduleId}" reaches into the future (${to.toISOString()})`,
      );
    }
    const slots = slotsBetween(
      rt.def.compiled,
      new Date(from.getTime() - 1),
      to,
      backfillLimit + 1,
    );
    if (slots.length > backfillLimit) {
      throw new RangeError(
        `backfill of "${scheduleId}" would publish more than ${backfillLimit} ticks; split the range`,
      );
    }
    let published = 0;
    let duplicates = 0;
    for (const slot of slots) {
      const { duplicate } = await publish(
        buildTick(rt.def, slot, TickReason.Backfill, clock.now()),
      );
      if (duplicate) duplicates++;
      else published++;
    }
    logger.info({ schedule: scheduleId, slots: slots.length, published, duplicates }, "backfill");
    return { slots: slots.map(formatUtc), published, duplicates };
  }

  async function list(now: Date = clock.now()): Promise<ScheduleListing[]> {
    const rows: ScheduleListing[] = [];
    for (const { def } of runtimes.values()) {
      const [{ lastFired }, paused] = await Promise.all([
        state.get(def.id),
        state.isPaused(def.id),
      ]);
      rows.push({
        id: def.id,
        task: def.task,
        cron: def.cron,
        timezone: def.timezone,
        enabled: def.enabled,
        misfire: def.misfire,
        overlap: def.overlap,
        nextRuns: def.enabled
          ? nextSlots(def.compiled, now, 3).map((d) => ({
              utc: formatUtc(d),
              local: formatLocal(d, def.timezone),
            }))
          : [],
        lastFired,
        paused,
      });
    }
    return rows;
  }

  return { start, stop, backfill, list };
}
