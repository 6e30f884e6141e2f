import { fixedClock, manualClock } from "@matchday/shared";
import { describe, expect, it } from "vitest";

import { createRealClock, createVirtualClock, MAX_TIMER_CHUNK_MS } from "./scheduler-clock.js";

const DAY = 86_400_000;

describe("scheduler-clock - virtual clock", () => {
  it("scheduler-clock - fires due timers in order, at their instant, and skips cancelled ones", async () => {
    const clock = createVirtualClock(new Date("2026-01-01T00:00:00Z"));
    const fired: string[] = [];
    const mark = (name: string) => () => void fired.push(`${name}@${clock.now().toISOString()}`);
    clock.setTimer(new Date("2026-01-01T02:00:00Z"), mark("b"));
    clock.setTimer(new Date("2026-01-01T01:00:00Z"), mark("a"));
    clock.setTimer(new Date("2026-01-01T01:00:00Z"), mark("a2"));
    clock.setTimer(new Date("2026-01-01T03:00:00Z"), mark("c")).cancel();
    clock.setTimer(new Date("2026-01-02T00:00:00Z"), mark("later"));
    await clock.advance(3 * 3_600_000);
    expect(fired).toEqual([
      "a@2026-01-01T01:00:00.000Z",
      "a2@2026-01-01T01:00:00.000Z",
      "b@2026-01-01T02:00:00.000Z",
    ]);
    expect(clock.now().toISOString()).toBe("2026-01-01T03:00:00.000Z");
    expect(clock.pending()).toBe(1);
  });

  it("scheduler-clock - sees timers armed by async work a timer started", async () => {
    const clock = createVirtualClock(new Date("2026-01-01T00:00:00Z"));
    let ticks = 0;
    const arm = (): void => {
      clock.setTimer(new Date(clock.now().getTime() + 1000), () => {
        void Promise.resolve().then(async () => {
          await Promise.resolve();
          ticks++;
          arm();
        });
      });
    };
    arm();
    await clock.runUntil(new Date("2026-01-01T00:01:00Z"));
    expect(ticks).toBe(60);
  });
});

describe("scheduler-clock - real clock", () => {
  function fakeTimers() {
    const calls: number[] = [];
    let pending: (() => void) | undefined;
    return {
      calls,
      fire: () => pending?.(),
      cleared: 0,
      setTimeout(fn: () => void, ms: number) {
        calls.push(ms);
        pending = fn;
        return calls.length;
      },
      clearTimeout() {
        this.cleared++;
      },
    };
  }

  it("scheduler-clock - splits waits beyond setTimeout's 2^31-1 ms into chunks of 24 days", () => {
    const base = manualClock(new Date("2026-01-01T00:00:00Z"));
    const timers = fakeTimers();
    let fired = 0;
    const clock = createRealClock(base, timers);
    clock.setTimer(new Date(base.now().getTime() + 60 * DAY), () => void fired++);
    expect(timers.calls).toEqual([MAX_TIMER_CHUNK_MS]);
    expect(MAX_TIMER_CHUNK_MS).toBeLessThan(2 ** 31 - 1);
    base.advance(MAX_TIMER_CHUNK_MS);
    timers.fire();
    base.advance(MAX_TIMER_CHUNK_MS);
    timers.fire();
    expect(timers.calls).toEqual([MAX_TIMER_CHUNK_MS, MAX_TIMER_CHUNK_MS, 12 * DAY]);
    expect(fired).toBe(0);
    base.advance(12 * DAY);
    timers.fire();
    expect(fired).toBe(1);
  });

  it("scheduler-clock - a past instant fires without delay; cancel stops it", () => {
    const timers = fakeTimers();
    const clock = createRealClock(fixedClock(new Date("2026-01-01T00:00:00Z")), timers);
    let fired = 0;
    const h = clock.setTimer(new Date("2025-12-31T00:00:00Z"), () => void fired++);
    expect(timers.calls).toEqual([0]);
    h.cancel();
    timers.fire();
    expect(fired).toBe(0);
    expect(timers.cleared).toBe(1);
  });

  it("scheduler-clock - with real setTimeout, fires after the wait", async () => {
    const clock = createRealClock({ now: () => new Date() });
    const started = Date.now();
    await new Promise<void>((resolve) => clock.setTimer(new Date(started + 30), resolve));
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
