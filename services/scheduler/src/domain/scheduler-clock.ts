import type { Clock } from "@matchday/shared";
import { DAY } from "@matchday/shared";

/** A pending timer; `cancel()` is idempotent. */
export interface TimerHandle {
  cancel(): void;
}

/**
 * The scheduler's notion of time: "now" plus one-shot timers at absolute instants. Production
 * uses {@link createRealClock}; tests use {@link createVirtualClock} and run whole days in
 * milliseconds.
 */
export interface SchedulerClock {
  now(): Date;
  /** Calls `fn` once, at or soon after `at` (immediately-ish if `at` is past). */
  setTimer(at: Date, fn: () => void): TimerHandle;
}

/** setTimeout overflows above 2^31-1 ms (24.8 days); longer waits are re-armed in chunks of this. */
export const MAX_TIMER_CHUNK_MS = 24 * DAY;

/**
 * Real timers against `base` (the shared `Clock`: the system clock, or an offset clock replaying a
 * season). Waits longer than {@link MAX_TIMER_CHUNK_MS} are split, and each chunk re-reads `base`,
 * so the timer fires at `at` by that clock even if it drifts.
 */
export function createRealClock(
  base: Clock,
  timers: {
    setTimeout: (fn: () => void, ms: number) => unknown;
    clearTimeout: (h: unknown) => void;
  } = {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
): SchedulerClock {
  return {
    now: () => base.now(),
    setTimer(at, fn) {
      let handle: unknown;
      let cancelled = false;
      const arm = (): void => {
        if (cancelled) return;
        const waitMs = at.getTime() - base.now().getTime();
        if (waitMs > MAX_TIMER_CHUNK_MS) {
          handle = timers.setTimeout(arm, MAX_TIMER_CHUNK_MS);
        } else {
          handle = timers.setTimeout(
            () => {
              if (!cancelled) fn();
            },
            Math.max(0, waitMs),
          );
        }
      };
      arm();
      return {
        cancel() {
          cancelled = true;
          timers.clearTimeout(handle);
        },
      };
    },
  };
}

/** A clock a test drives: time moves only through `advance` / `runUntil`. */
export interface VirtualClock extends SchedulerClock {
  /** Moves time forward by `ms`, firing due timers in order; see {@link VirtualClock.runUntil}. */
  advance(ms: number): Promise<void>;
  /**
   * Moves time to `until`, firing every timer due by then in (instant, creation) order. Timers due
   * at the same instant fire together; then pending promise chains settle (a few macrotask turns)
   * before the next instant, so timers armed by async work that a timer started are seen too.
   */
  runUntil(until: Date): Promise<void>;
  /** Timers still pending. */
  pending(): number;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function createVirtualClock(start: Date): VirtualClock {
  let nowMs = start.getTime();
  let seq = 0;
  const timers = new Map<number, { atMs: number; seq: number; fn: () => void }>();
  const runUntil = async (until: Date): Promise<void> => {
    const target = until.getTime();
    for (;;) {
      await settle();
      let dueAt = Number.POSITIVE_INFINITY;
      for (const t of timers.values()) dueAt = Math.min(dueAt, t.atMs);
      if (dueAt > target) break;
      // Every timer due at this instant fires before any of them settles, as separate processes
      // (scheduler replicas) would: their async work interleaves.
      const batch = [...timers.values()]
        .filter((t) => t.atMs === dueAt)
        .sort((a, b) => a.seq - b.seq);
      nowMs = Math.max(nowMs, dueAt);
      for (const t of batch) {
        timers.delete(t.seq);
        t.fn();
      }
    }
    nowMs = Math.max(nowMs, target);
    await settle();
  };
  return {
    now: () => new Date(nowMs),
    setTimer(at, fn) {
      const id = ++seq;
      timers.set(id, { atMs: at.getTime(), seq: id, fn });
      return { cancel: () => void timers.delete(id) };
    },
    runUntil,
    advance: (ms) => runUntil(new Date(nowMs + ms)),
    pending: () => timers.size,
  };
}
