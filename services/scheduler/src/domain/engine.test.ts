import { taskByName } from "@matchday/shared";
import { describe, expect, it } from "vitest";
import * as z from "zod";

import { createSchedulerEngine } from "./engine.js";
import type { SchedulerEngineOptions } from "./engine.js";
import { createInMemoryScheduleState } from "./schedule-state.js";
import { createVirtualClock } from "./scheduler-clock.js";
import { resolveSchedules } from "./schedules.js";
import type { ResolvedSchedule, ScheduleEntry } from "./schedules.js";
import type { Tick } from "./tick.js";

const anyPayload = { payload: z.object({}).passthrough() };

function schedules(...entries: ScheduleEntry[]): ResolvedSchedule[] {
  // The catalog's overlap default per task, as the scheduler service's lookup gives it.
  return resolveSchedules(entries, undefined, (name) => ({
    ...anyPayload,
    overlap: taskByName(name)?.scheduleOverlap,
  }));
}

/** A publisher with JetStream's duplicate window: one accepted tick per msgId. */
function dedupPublisher() {
  const ids = new Set<string>();
  const accepted: Tick[] = [];
  let attempts = 0;
  return {
    accepted,
    get attempts() {
      return attempts;
    },
    publish: async (tick: Tick) => {
      attempts++;
      if (ids.has(tick.msgId)) return { duplicate: true };
      ids.add(tick.msgId);
      accepted.push(tick);
      return { duplicate: false };
    },
  };
}

const at = (iso: string) => new Date(iso);

describe("engine - DST days on a virtual clock", () => {
  const london = (id: string, cron: string): ScheduleEntry => ({
    id,
    task: id,
    cron,
    timezone: "Europe/London",
  });
  const jobs = schedules(
    london("daily_0130", "30 1 * * *"),
    london("daily_0230", "30 2 * * *"),
    london("hourly", "0 * * * *"),
    london("hour_list", "30 1,13 * * *"),
  );

  async function runDay(startIso: string, endIso: string) {
    // Start an hour before the local day so that its first slot is on time, not caught up.
    const clock = createVirtualClock(new Date(Date.parse(startIso) - 3_600_000));
    const pub = dedupPublisher();
    const engine = createSchedulerEngine({
      schedules: jobs,
      clock,
      state: createInMemoryScheduleState(),
      publish: pub.publish,
    });
    await engine.start();
    await clock.runUntil(new Date(Date.parse(endIso) - 1000));
    await engine.stop();
    const inDay = pub.accepted.filter(
      (t) => Date.parse(t.slot) >= Date.parse(startIso) && Date.parse(t.slot) < Date.parse(endIso),
    );
    const of = (id: string) => inDay.filter((t) => t.scheduleId === id);
    return { of, all: inDay };
  }

  it("engine - spring forward: 01:30 at 02:00 BST, 02:30 once, 23 hourly ticks, list once each", async () => {
    const { of, all } = await runDay("2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z");
    expect(of("daily_0130").map((t) => [t.slot, t.slotLocal])).toEqual([
      ["2026-03-29T01:00:00Z", "2026-03-29T02:00:00+01:00 Europe/London"],
    ]);
    expect(of("daily_0230").map((t) => t.slot)).toEqual(["2026-03-29T01:30:00Z"]);
    expect(of("hourly")).toHaveLength(23);
    expect(of("hour_list").map((t) => t.slot)).toEqual([
      "2026-03-29T01:00:00Z",
      "2026-03-29T12:30:00Z",
    ]);
    expect(new Set(all.map((t) => t.reason))).toEqual(new Set(["on_time"]));
    expect(new Set(all.map((t) => t.msgId)).size).toBe(all.length);
  });

  it("engine - fall back: 01:30 at the first 01:30 only, 25 hourly ticks, list once each", async () => {
    const { of, all } = await runDay("2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z");
    expect(of("daily_0130").map((t) => [t.slot, t.slotLocal])).toEqual([
      ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00+01:00 Europe/London"],
    ]);
    expect(of("daily_0230").map((t) => t.slot)).toEqual(["2026-10-25T02:30:00Z"]);
    const hourly = of("hourly").map((t) => t.slotLocal);
    expect(hourly).toHaveLength(25);
    expect(hourly.slice(1, 3)).toEqual([
      "2026-10-25T01:00:00+01:00 Europe/London",
      "2026-10-25T01:00:00+00:00 Europe/London",
    ]);
    expect(of("hour_list").map((t) => t.slot)).toEqual([
      "2026-10-25T00:30:00Z",
      "2026-10-25T13:30:00Z",
    ]);
    expect(new Set(all.map((t) => t.msgId)).size).toBe(all.length);
  });
});

describe("engine - missed slots (down 03:00-09:00, hourly UTC job)", () => {
  const hourly = (misfire: ScheduleEntry["misfire"]) =>
    schedules({
      id: "h",
      task: "update_recent_results",
      cron: "0 * * * *",
      timezone: "UTC",
      misfire,
    });

  async function restartAt9(misfire: ScheduleEntry["misfire"], replicas = 1) {
    const state = createInMemoryScheduleState();
    state.seed("h", "2026-05-01T03:00:00Z");
    const clock = createVirtualClock(at("2026-05-01T09:00:00Z"));
    const pub = dedupPublisher();
    const engines = Array.from({ length: replicas }, () =>
      createSchedulerEngine({ schedules: hourly(misfire), clock, state, publish: pub.publish }),
    );
    await Promise.all(engines.map((e) => e.start()));
    const caughtUp = pub.accepted.map((t) => [t.slot, t.reason]);
    const lastFired = (await state.get("h")).lastFired;
    await clock.runUntil(at("2026-05-01T11:00:00Z"));
    await Promise.all(engines.map((e) => e.stop()));
    return { caughtUp, lastFired, pub };
  }

  it("engine - skip fires nothing and moves the last fired slot to 09:00", async () => {
    const r = await restartAt9("skip");
    expect(r.caughtUp).toEqual([]);
    expect(r.lastFired).toBe("2026-05-01T09:00:00Z");
    expect(r.pub.accepted.map((t) => [t.slot, t.reason])).toEqual([
      ["2026-05-01T10:00:00Z", "on_time"],
      ["2026-05-01T11:00:00Z", "on_time"],
    ]);
  });

  it("engine - once fires 09:00 as catch_up", async () => {
    const r = await restartAt9("once");
    expect(r.caughtUp).toEqual([["2026-05-01T09:00:00Z", "catch_up"]]);
    expect(r.lastFired).toBe("2026-05-01T09:00:00Z");
    expect(r.pub.accepted).toHaveLength(3);
  });

  it("engine - all fires the six missed slots 04:00..09:00 as catch_up", async () => {
    const r = await restartAt9("all");
    expect(r.caughtUp).toEqual(
      ["04", "05", "06", "07", "08", "09"].map((h) => [`2026-05-01T${h}:00:00Z`, "catch_up"]),
    );
  });

  it("engine - all with a cap fires only the latest missed slots", async () => {
    const r = await restartAt9({ policy: "all", cap: 2 });
    expect(r.caughtUp).toEqual([
      ["2026-05-01T08:00:00Z", "catch_up"],
      ["2026-05-01T09:00:00Z", "catch_up"],
    ]);
  });

  it("engine - two replicas restarting together fire nothing twice", async () => {
    const r = await restartAt9("all", 2);
    const slots = r.pub.accepted.map((t) => t.slot);
    expect(slots).toEqual(
      ["04", "05", "06", "07", "08", "09", "10", "11"].map((h) => `2026-05-01T${h}:00:00Z`),
    );
    // Both replicas did try (the dedup, not luck, kept one of each).
    expect(r.pub.attempts).toBeGreaterThan(slots.length);
  });

  it("engine - a fresh schedule (never fired) starts from now without catch-up", async () => {
    const clock = createVirtualClock(at("2026-05-01T09:30:00Z"));
    const pub = dedupPublisher();
    const engine = createSchedulerEngine({
      schedules: hourly("all"),
      clock,
      state: createInMemoryScheduleState(),
      publish: pub.publish,
    });
    await engine.start();
    expect(pub.accepted).toEqual([]);
    await clock.runUntil(at("2026-05-01T10:00:00Z"));
    await engine.stop();
    expect(pub.accepted.map((t) => [t.slot, t.reason])).toEqual([
      ["2026-05-01T10:00:00Z", "on_time"],
    ]);
  });

  it("engine - a timer that runs late (beyond the tolerance) applies the misfire policy", async () => {
    const clock = createVirtualClock(at("2026-05-01T09:30:00Z"));
    const pub = dedupPublisher();
    const state = createInMemoryScheduleState();
    const base: SchedulerEngineOptions = {
      schedules: hourly("once"),
      clock,
      state,
      publish: pub.publish,
    };
    // A clock whose timers fire 3 h late (a suspended laptop, a blocked event loop).
    const lateClock = {
      ...clock,
      setTimer: (d: Date, fn: () => void) =>
        clock.setTimer(new Date(d.getTime() + 3 * 3_600_000), fn),
    };
    const engine = createSchedulerEngine({ ...base, clock: lateClock });
    await engine.start();
    await clock.runUntil(at("2026-05-01T13:00:00Z"));
    await engine.stop();
    // Due at 13:00: 10, 11 and 12 are missed (once → 12:00 as catch_up), 13:00 is on time.
    expect(pub.accepted.map((t) => [t.slot, t.reason])).toEqual([
      ["2026-05-01T12:00:00Z", "catch_up"],
      ["2026-05-01T13:00:00Z", "on_time"],
    ]);
    expect((await state.get("h")).lastFired).toBe("2026-05-01T13:00:00Z");
  });
});

describe("engine - replicas", () => {
  it("engine - 3 replicas on a 1-second cron publish each slot exactly once, one restarting midway", async () => {
    const sched = schedules({
      id: "s",
      task: "every_second",
      cron: "* * * * * *",
      timezone: "UTC",
    });
    const clock = createVirtualClock(at("2026-06-01T12:00:00Z"));
    const state = createInMemoryScheduleState();
    const pub = dedupPublisher();
    const make = () =>
      createSchedulerEngine({ schedules: sched, clock, state, publish: pub.publish });
    const a = make();
    let b = make();
    const c = make();
    await Promise.all([a.start(), b.start(), c.start()]);
    await clock.runUntil(at("2026-06-01T12:00:20Z"));
    await b.stop();
    await clock.runUntil(at("2026-06-01T12:00:40Z"));
    b = make();
    await b.start();
    await clock.runUntil(at("2026-06-01T12:01:00Z"));
    await Promise.all([a.stop(), b.stop(), c.stop()]);
    const expected = Array.from({ length: 60 }, (_, i) =>
      `every_second@2026-06-01T12:00:${String(i + 1).padStart(2, "0")}Z`.replace(
        "12:00:60",
        "12:01:00",
      ),
    );
    expect(pub.accepted.map((t) => t.msgId)).toEqual(expected);
    expect(pub.accepted.every((t) => t.reason === "on_time")).toBe(true);
    expect(pub.attempts).toBeGreaterThan(60); // every replica published; JetStream's dedup kept one
    expect((await state.get("s")).lastFired).toBe("2026-06-01T12:01:00Z");
  });
});

describe("engine - pause, overlap, failures", () => {
  const hourly = schedules({
    id: "h",
    task: "update_recent_results",
    cron: "0 * * * *",
    timezone: "UTC",
  });

  it("engine - a paused schedule publishes nothing but advances, and resumes without a flood", async () => {
    const clock = createVirtualClock(at("2026-05-01T09:30:00Z"));
    const state = createInMemoryScheduleState();
    const pub = dedupPublisher();
    const engine = createSchedulerEngine({ schedules: hourly, clock, state, publish: pub.publish });
    await engine.start();
    await clock.runUntil(at("2026-05-01T10:30:00Z"));
    state.setPaused("h", true);
    await clock.runUntil(at("2026-05-01T12:30:00Z"));
    expect((await state.get("h")).lastFired).toBe("2026-05-01T12:00:00Z");
    state.setPaused("h", false);
    await clock.runUntil(at("2026-05-01T13:00:00Z"));
    await engine.stop();
    expect(pub.accepted.map((t) => t.slot)).toEqual([
      "2026-05-01T10:00:00Z",
      "2026-05-01T13:00:00Z",
    ]);
  });

  it("engine - overlap skip records a skip instead of publishing while the task runs", async () => {
    const sched = schedules({
      id: "retrain",
      task: "retrain_model",
      cron: "0 5 * * *",
      timezone: "UTC",
    });
    expect(sched[0]!.overlap).toBe("skip"); // the catalog's default for retrain_model
    const clock = createVirtualClock(at("2026-05-01T00:00:00Z"));
    const state = createInMemoryScheduleState();
    const pub = dedupPublisher();
    const skips: [string, string][] = [];
    let running = true;
    const engine = createSchedulerEngine({
      schedules: sched,
      clock,
      state,
      publish: pub.publish,
      isTaskRunning: async (task) => task === "retrain_model" && running,
      recordSkip: (tick, reason) => void skips.push([tick.msgId, reason]),
    });
    await engine.start();
    await clock.runUntil(at("2026-05-01T06:00:00Z"));
    expect(skips).toEqual([["retrain_model@2026-05-01T05:00:00Z", "overlap"]]);
    expect(pub.accepted).toEqual([]);
    expect((await state.get("retrain")).lastFired).toBe("2026-05-01T05:00:00Z");
    running = false;
    await clock.runUntil(at("2026-05-02T06:00:00Z"));
    await engine.stop();
    expect(pub.accepted.map((t) => t.msgId)).toEqual(["retrain_model@2026-05-02T05:00:00Z"]);
  });

  it("engine - refuses an overlap-skip schedule without isTaskRunning and recordSkip", () => {
    const sched = schedules({
      id: "retrain",
      task: "retrain_model",
      cron: "0 5 * * *",
      timezone: "UTC",
    });
    expect(() =>
      createSchedulerEngine({
        schedules: sched,
        clock: createVirtualClock(new Date()),
        state: createInMemoryScheduleState(),
        publish: async () => ({ duplicate: false }),
      }),
    ).toThrow(/overlap "skip"/);
  });

  it("engine - a failed publish is retried after the delay and the slot still fires once", async () => {
    const clock = createVirtualClock(at("2026-05-01T09:30:00Z"));
    const state = createInMemoryScheduleState();
    const pub = dedupPublisher();
    let failures = 2;
    const engine = createSchedulerEngine({
      schedules: hourly,
      clock,
      state,
      retryDelayMs: 5_000,
      publish: async (tick) => {
        if (failures-- > 0) throw new Error("nats: timeout");
        return pub.publish(tick);
      },
    });
    await engine.start();
    await clock.runUntil(at("2026-05-01T10:00:09Z"));
    // Two failures (10:00:00, 10:00:05): the slot is not marked fired until it is published.
    expect((await state.get("h")).lastFired).toBeNull();
    expect(pub.accepted).toEqual([]);
    await clock.runUntil(at("2026-05-01T11:00:00Z"));
    await engine.stop();
    expect(pub.accepted.map((t) => [t.slot, t.reason, t.firedAt])).toEqual([
      ["2026-05-01T10:00:00Z", "on_time", "2026-05-01T10:00:10.000Z"],
      ["2026-05-01T11:00:00Z", "on_time", "2026-05-01T11:00:00.000Z"],
    ]);
  });

  it("engine - stop cancels the timers and is idempotent", async () => {
    const clock = createVirtualClock(at("2026-05-01T09:30:00Z"));
    const pub = dedupPublisher();
    const engine = createSchedulerEngine({
      schedules: hourly,
      clock,
      state: createInMemoryScheduleState(),
      publish: pub.publish,
    });
    await engine.start();
    expect(clock.pending()).toBe(1);
    const first = engine.stop();
    expect(engine.stop()).toBe(first);
    await first;
    expect(clock.pending()).toBe(0);
    await clock.runUntil(at("2026-05-01T12:00:00Z"));
    expect(pub.accepted).toEqual([]);
  });
});

describe("engine - backfill and listing", () => {
  const daily = schedules(
    { id: "sync", task: "sync_all_leagues", cron: "0 4 * * *", timezone: "UTC", payload: { x: 1 } },
    {
      id: "lineups",
      task: "update_lineups",
      cron: "0 3 * * 2",
      timezone: "Europe/London",
      enabled: false,
    },
  );

  it("engine - backfill publishes each slot of the range with deterministic ids; twice adds nothing", async () => {
    const clock = createVirtualClock(at("2026-05-10T12:00:00Z"));
    const state = createInMemoryScheduleState();
    const pub = dedupPublisher();
    const engine = createSchedulerEngine({ schedules: daily, clock, state, publish: pub.publish });
    const first = await engine.backfill(
      "sync",
      at("2026-05-01T04:00:00Z"),
      at("2026-05-03T23:00:00Z"),
    );
    expect(first).toEqual({
      slots: ["2026-05-01T04:00:00Z", "2026-05-02T04:00:00Z", "2026-05-03T04:00:00Z"],
      published: 3,
      duplicates: 0,
    });
    expect(pub.accepted.map((t) => [t.msgId, t.reason, t.payload])).toEqual([
      ["sync_all_leagues@2026-05-01T04:00:00Z", "backfill", { x: 1 }],
      ["sync_all_leagues@2026-05-02T04:00:00Z", "backfill", { x: 1 }],
      ["sync_all_leagues@2026-05-03T04:00:00Z", "backfill", { x: 1 }],
    ]);
    const second = await engine.backfill(
      "sync",
      at("2026-05-01T00:00:00Z"),
      at("2026-05-03T04:00:00Z"),
    );
    expect(second).toMatchObject({ published: 0, duplicates: 3 });
    expect(pub.accepted).toHaveLength(3);
    expect((await state.get("sync")).lastFired).toBeNull();
    await expect(
      engine.backfill("sync", at("2026-05-01T00:00:00Z"), at("2026-05-11T00:00:00Z")),
    ).rejects.toThrow(/future/);
    await expect(
      engine.backfill("nope", at("2026-05-01T00:00:00Z"), at("2026-05-02T00:00:00Z")),
    ).rejects.toThrow(/unknown schedule/);
  });

  it("engine - list shows task, cron, zone, next three runs in UTC and local, last fired, paused", async () => {
    const clock = createVirtualClock(at("2026-10-24T12:00:00Z"));
    const state = createInMemoryScheduleState();
    state.seed("sync", "2026-10-24T04:00:00Z");
    state.setPaused("lineups", true);
    const engine = createSchedulerEngine({
      schedules: daily,
      clock,
      state,
      publish: dedupPublisher().publish,
    });
    const rows = await engine.list();
    expect(rows).toEqual([
      expect.objectContaining({
        id: "sync",
        task: "sync_all_leagues",
        cron: "0 4 * * *",
        timezone: "UTC",
        enabled: true,
        lastFired: "2026-10-24T04:00:00Z",
        paused: false,
        nextRuns: [
          { utc: "2026-10-25T04:00:00Z", local: "2026-10-25T04:00:00+00:00 UTC" },
          { utc: "2026-10-26T04:00:00Z", local: "2026-10-26T04:00:00+00:00 UTC" },
          { utc: "2026-10-27T04:00:00Z", local: "2026-10-27T04:00:00+00:00 UTC" },
        ],
      }),
      expect.objectContaining({
        id: "lineups",
        enabled: false,
        paused: true,
        nextRuns: [],
        lastFired: null,
      }),
    ]);
    const london = await createSchedulerEngine({
      schedules: schedules({
        id: "l",
        task: "update_lineups",
        cron: "0 3 * * 2",
        timezone: "Europe/London",
      }),
      clock,
      state,
      publish: dedupPublisher().publish,
    }).list();
    expect(london[0]!.nextRuns.map((r) => r.local)).toEqual([
      "2026-10-27T03:00:00+00:00 Europe/London",
      "2026-11-03T03:00:00+00:00 Europe/London",
      "2026-11-10T03:00:00+00:00 Europe/London",
    ]);
  });
});
