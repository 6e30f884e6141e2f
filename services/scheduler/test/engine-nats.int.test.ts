import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPublisher,
  createRunRecorder,
  ensureStreams,
  isTaskRunning,
  listRuns,
  retrainModel,
  runIdFor,
  taskByName,
  updateLineups,
} from "@matchday/shared";
import {
  connectTestNats,
  createTestDatabase,
  runCli,
  waitFor,
  type TestDatabase,
  type TestNats,
} from "@matchday/shared/testing";
import {
  createSchedulerEngine,
  createVirtualClock,
  resolveSchedules,
  type ScheduleEntry,
  type Tick,
} from "../src/domain/index.js";
import { openScheduleState } from "../src/kv-state.js";
import { publishTick, recordTickSkipped } from "../src/ticks.js";
import { ticksInStream } from "./support.js";

let n: TestNats;
let tdb: TestDatabase;

beforeAll(async () => {
  n = await connectTestNats();
  tdb = await createTestDatabase();
  await ensureStreams(n.jsm, n.topology);
});
afterAll(async () => {
  await n?.cleanup();
  await tdb?.cleanup();
});

const lookup = (name: string) => {
  const d = taskByName(name);
  return d ? { payload: d.payload } : undefined;
};

/** An engine as the scheduler service builds it, on the real KV bucket and JetStream, on a virtual clock. */
async function engineAt(start: string, entries: ScheduleEntry[]) {
  const clock = createVirtualClock(new Date(start));
  const state = await openScheduleState(n.nc, n.topology);
  const publisher = createPublisher(n.js, n.topology);
  const recorder = createRunRecorder(tdb.database);
  const engine = createSchedulerEngine({
    schedules: resolveSchedules([], entries, lookup),
    clock,
    state,
    publish: async (tick: Tick) => ({ duplicate: (await publishTick(publisher, tick)).duplicate }),
    isTaskRunning: (task) => isTaskRunning(tdb.database.db, taskByName(task)!, clock.now()),
    recordSkip: (tick, reason) =>
      recordTickSkipped(recorder, tick, reason, { now: clock.now(), instanceId: "test" }),
  });
  return { engine, clock, state };
}

const subject = () => n.topology.taskSubject(updateLineups);

/**
 * Runs the virtual clock to `until`, then waits for the real effect: the schedule's last fired slot
 * in KV. (The virtual clock settles in-memory work at once, but firings here make real NATS round
 * trips, which finish later.)
 */
async function runTo(
  e: Awaited<ReturnType<typeof engineAt>>,
  id: string,
  until: string,
  lastFired: string,
) {
  await e.clock.runUntil(new Date(until));
  await waitFor(async () => (await e.state.get(id)).lastFired === lastFired, {
    timeoutMs: 15_000,
    what: `${id} last fired ${lastFired}`,
  });
}

describe("scheduler engine on NATS", () => {
  it("scheduler - down from 03:00 to 09:00, two replicas restarting together fire the missed slot once, marked catch-up", async () => {
    const entry: ScheduleEntry = {
      id: "hourly_once",
      task: "update_lineups",
      cron: "0 * * * *",
      timezone: "Europe/London",
      misfire: "once",
    };
    const seed = await engineAt("2026-03-02T02:59:00Z", [entry]);
    await seed.engine.start();
    await runTo(seed, "hourly_once", "2026-03-02T03:00:30Z", "2026-03-02T03:00:00Z");
    await seed.engine.stop();
    const before = (await ticksInStream(n.jsm, n.topology.streams.tasks, subject())).filter(
      (t) => t.schedule === "hourly_once",
    );
    expect(before.map((t) => [t.slot, t.reason])).toEqual([["2026-03-02T03:00:00Z", "on_time"]]);
    // 09:00:30: both replicas start at once
    const [a, b] = await Promise.all([
      engineAt("2026-03-02T09:00:30Z", [entry]),
      engineAt("2026-03-02T09:00:30Z", [entry]),
    ]);
    await Promise.all([a.engine.start(), b.engine.start()]);
    await Promise.all([a.engine.stop(), b.engine.stop()]);
    const after = (await ticksInStream(n.jsm, n.topology.streams.tasks, subject())).filter(
      (t) => t.schedule === "hourly_once",
    );
    expect(after.map((t) => [t.slot, t.reason])).toEqual([
      ["2026-03-02T03:00:00Z", "on_time"],
      ["2026-03-02T09:00:00Z", "catch_up"],
    ]);
    expect((await a.state.get("hourly_once")).lastFired).toBe("2026-03-02T09:00:00Z");
  });

  it("scheduler - a paused schedule stays paused across a restart (KV) and fires again from its next slot once resumed", async () => {
    const entry: ScheduleEntry = {
      id: "hourly_paused",
      task: "update_lineups",
      cron: "0 * * * *",
      timezone: "UTC",
    };
    const first = await engineAt("2026-05-01T09:59:00Z", [entry]);
    await first.engine.start();
    await runTo(first, "hourly_paused", "2026-05-01T10:00:30Z", "2026-05-01T10:00:00Z");
    await first.state.setPaused("hourly_paused", true);
    await first.engine.stop();
    const restarted = await engineAt("2026-05-01T10:30:00Z", [entry]);
    await restarted.engine.start();
    expect((await restarted.engine.list(new Date("2026-05-01T10:30:00Z")))[0]!.paused).toBe(true);
    // 11:00 and 12:00 pass while paused (the last fired slot still advances)
    await runTo(restarted, "hourly_paused", "2026-05-01T11:00:30Z", "2026-05-01T11:00:00Z");
    await runTo(restarted, "hourly_paused", "2026-05-01T12:00:30Z", "2026-05-01T12:00:00Z");
    await restarted.state.setPaused("hourly_paused", false);
    await runTo(restarted, "hourly_paused", "2026-05-01T13:00:30Z", "2026-05-01T13:00:00Z");
    await restarted.engine.stop();
    const ticks = (await ticksInStream(n.jsm, n.topology.streams.tasks, subject())).filter(
      (t) => t.schedule === "hourly_paused",
    );
    expect(ticks.map((t) => t.slot)).toEqual(["2026-05-01T10:00:00Z", "2026-05-01T13:00:00Z"]);
  });

  it("scheduler - overlap skip: while the previous run is still running the tick is a recorded skipped run, not silence", async () => {
    const recorder = createRunRecorder(tdb.database);
    await recorder.begin({
      runId: "11111111-1111-4111-8111-111111111111",
      attempt: 1,
      task: "retrain_model",
      service: "ml",
      trigger: { kind: "manual" },
      payload: {},
      instanceId: "x",
      startedAt: new Date("2026-06-01T04:50:00Z"),
    });
    const entry: ScheduleEntry = {
      id: "retrain_test",
      task: "retrain_model",
      cron: "0 5 * * *",
      timezone: "UTC",
      overlap: "skip",
    };
    const { engine, clock } = await engineAt("2026-06-01T04:59:00Z", [entry]);
    await engine.start();
    await clock.runUntil(new Date("2026-06-01T05:00:30Z"));
    await waitFor(
      async () =>
        (await listRuns(tdb.database.db, { task: "retrain_model", status: "skipped" })).length ===
        1,
      { timeoutMs: 15_000, what: "the skipped run" },
    );
    await engine.stop();
    const ticks = await ticksInStream(
      n.jsm,
      n.topology.streams.tasks,
      n.topology.taskSubject(retrainModel),
    );
    expect(ticks).toEqual([]);
    const skipped = await listRuns(tdb.database.db, { task: "retrain_model", status: "skipped" });
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.runId).toBe(runIdFor("retrain_model@2026-06-01T05:00:00Z"));
    expect(skipped[0]!.trigger).toMatchObject({
      kind: "schedule",
      scheduleId: "retrain_test",
      slot: "2026-06-01T05:00:00Z",
    });
  });

  it("scheduler - matchday backfill publishes a tick per slot with the deterministic ids; running it again publishes nothing new", async () => {
    const env = { NATS_URL: n.url, MATCHDAY_NAMESPACE: n.topology.namespace };
    const args = [
      "backfill",
      "update_fixture_mappings",
      "--from",
      "2026-10-01T00:00:00Z",
      "--to",
      "2026-10-31T00:00:00Z",
      "--json",
    ];
    const first = await runCli(args, env);
    expect(first.stderr).toBe("");
    const r1 = JSON.parse(first.stdout);
    // Mondays 02:00 Europe/London in October 2026: 5th, 12th, 19th (BST, 01:00Z) and 26th (GMT, 02:00Z)
    expect(r1.slots).toEqual([
      "2026-10-05T01:00:00Z",
      "2026-10-12T01:00:00Z",
      "2026-10-19T01:00:00Z",
      "2026-10-26T02:00:00Z",
    ]);
    expect([r1.published, r1.duplicates]).toEqual([4, 0]);
    const r2 = JSON.parse((await runCli(args, env)).stdout);
    expect([r2.published, r2.duplicates]).toEqual([0, 4]);
    const ticks = await ticksInStream(
      n.jsm,
      n.topology.streams.tasks,
      n.topology.taskSubject(taskByName("update_fixture_mappings")!),
    );
    expect(ticks.map((t) => [t.msgId, t.reason])).toEqual(
      r1.slots.map((s: string) => [`update_fixture_mappings@${s}`, "backfill"]),
    );
  });
});
