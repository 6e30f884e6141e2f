import { describe, expect, it } from "vitest";

import { createInMemoryScheduleState } from "./schedule-state.js";

describe("schedule-state - in memory", () => {
  it("schedule-state - compare-and-set creates, updates on the right revision, refuses a stale one", async () => {
    const s = createInMemoryScheduleState();
    expect(await s.get("a")).toEqual({ lastFired: null, revision: null });
    expect(await s.compareAndSet("a", "2026-01-01T00:00:00Z", null)).toBe(true);
    const first = await s.get("a");
    expect(first.lastFired).toBe("2026-01-01T00:00:00Z");
    expect(await s.compareAndSet("a", "2026-01-01T01:00:00Z", null)).toBe(false);
    expect(await s.compareAndSet("a", "2026-01-01T01:00:00Z", first.revision)).toBe(true);
    expect(await s.compareAndSet("a", "2026-01-01T02:00:00Z", first.revision)).toBe(false);
    expect((await s.get("a")).lastFired).toBe("2026-01-01T01:00:00Z");
    expect(s.conflicts).toBe(2);
  });

  it("schedule-state - pause is per schedule", async () => {
    const s = createInMemoryScheduleState();
    s.setPaused("a", true);
    expect([await s.isPaused("a"), await s.isPaused("b")]).toEqual([true, false]);
    s.setPaused("a", false);
    expect(await s.isPaused("a")).toBe(false);
  });
});
