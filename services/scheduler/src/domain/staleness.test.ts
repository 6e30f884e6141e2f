import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { assessHealth, thresholdMs } from "./staleness.js";

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

describe("staleness - thresholdMs", () => {
  it.each([
    [15 * MIN, 30 * MIN],
    [3 * H, 4 * H],
    [6 * H, 8 * H],
    [D, 26 * H],
    [7 * D, 8 * D],
  ])("staleness - reproduces the old panel: period %d ms → %d ms", (period, expected) => {
    expect(thresholdMs(period)).toBe(expected);
  });

  it("staleness - interpolates in between and extrapolates outside", () => {
    expect(thresholdMs(12 * H)).toBe(8 * H + (6 / 18) * 18 * H); // 14 h, a third of the way to 26 h
    expect(thresholdMs(5 * MIN)).toBe(10 * MIN);
    expect(thresholdMs(1000)).toBe(61_000);
    expect(thresholdMs(14 * D)).toBe(16 * D);
    expect(() => thresholdMs(0)).toThrow(RangeError);
  });

  it("staleness - the threshold always exceeds the period and grows with it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 60 * D }),
        fc.integer({ min: 0, max: D }),
        (p, d) => {
          expect(thresholdMs(p)).toBeGreaterThan(p);
          expect(thresholdMs(p + d)).toBeGreaterThanOrEqual(thresholdMs(p));
        },
      ),
    );
  });
});

describe("staleness - assessHealth", () => {
  const now = new Date("2026-05-10T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const schedule = (
    id: string,
    task: string,
    periodMs: number,
    lastFiredAgo: number | null,
    paused = false,
  ) => ({
    id,
    task,
    periodMs,
    lastFired: lastFiredAgo === null ? null : ago(lastFiredAgo),
    paused,
  });

  it("staleness - healthy when every schedule ticks and every task succeeded in time", () => {
    const r = assessHealth({
      now,
      schedules: [
        schedule("sync", "sync_all_leagues", D, 8 * H),
        schedule("recent", "update_recent_results", 3 * H, 1 * H),
      ],
      tasks: [
        { task: "sync_all_leagues", periodMs: D, lastSuccessAt: ago(25 * H) },
        { task: "update_recent_results", periodMs: 3 * H, lastSuccessAt: ago(3.5 * H) },
      ],
    });
    expect(r).toEqual({
      status: "healthy",
      staleSchedules: [],
      staleTasks: [],
      pausedSchedules: [],
      pausedTasks: [],
    });
  });

  it("staleness - partial when some tasks are stale but the scheduler ticks", () => {
    const r = assessHealth({
      now,
      schedules: [
        schedule("sync", "sync_all_leagues", D, H),
        schedule("recent", "update_recent_results", 3 * H, H),
      ],
      tasks: [
        { task: "sync_all_leagues", periodMs: D, lastSuccessAt: ago(27 * H) },
        { task: "update_recent_results", periodMs: 3 * H, lastSuccessAt: ago(H) },
      ],
    });
    expect(r.status).toBe("partial");
    expect(r.staleTasks).toEqual([
      { id: "sync_all_leagues", last: ago(27 * H), ageMs: 27 * H, thresholdMs: 26 * H },
    ]);
  });

  it("staleness - warning when a schedule stopped ticking (dead-man's switch) or every task is stale", () => {
    const deadSchedule = assessHealth({
      now,
      schedules: [schedule("recent", "update_recent_results", 3 * H, 4 * H + 1)],
      tasks: [{ task: "update_recent_results", periodMs: 3 * H, lastSuccessAt: ago(H) }],
    });
    expect(deadSchedule.status).toBe("warning");
    expect(deadSchedule.staleSchedules.map((s) => s.id)).toEqual(["recent"]);
    const allTasksStale = assessHealth({
      now,
      schedules: [schedule("sync", "sync_all_leagues", D, H)],
      tasks: [{ task: "sync_all_leagues", periodMs: D, lastSuccessAt: null }],
    });
    expect(allTasksStale.status).toBe("warning");
  });

  it("staleness - a paused schedule (and its task) is reported as paused, not stale", () => {
    const r = assessHealth({
      now,
      schedules: [
        schedule("lineups", "update_lineups", 7 * D, 30 * D, true),
        schedule("sync", "sync_all_leagues", D, H),
      ],
      tasks: [
        { task: "update_lineups", periodMs: 7 * D, lastSuccessAt: ago(30 * D) },
        { task: "sync_all_leagues", periodMs: D, lastSuccessAt: ago(H) },
      ],
    });
    expect(r).toMatchObject({
      status: "healthy",
      pausedSchedules: ["lineups"],
      pausedTasks: ["update_lineups"],
      staleSchedules: [],
      staleTasks: [],
    });
  });

  it("staleness - never fired is stale, unless monitoring began less than a threshold ago", () => {
    const input = { now, schedules: [schedule("sync", "sync_all_leagues", D, null)], tasks: [] };
    expect(assessHealth(input).staleSchedules).toEqual([
      { id: "sync", last: null, ageMs: null, thresholdMs: 26 * H },
    ]);
    expect(assessHealth({ ...input, since: new Date(now.getTime() - 2 * H) }).status).toBe(
      "healthy",
    );
    expect(assessHealth({ ...input, since: new Date(now.getTime() - 27 * H) }).status).toBe(
      "warning",
    );
  });
});
