import { randomUUID } from "node:crypto";
import { headers as natsHeaders } from "@nats-io/nats-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import {
  defineTask,
  NonRetryableError,
  ServiceName,
  taskRuns,
  type TaskWorker,
} from "@matchday/shared";
import {
  collect,
  collectLogs,
  connectTestNats,
  createTestDatabase,
  waitFor,
  type TestDatabase,
  type TestNats,
} from "@matchday/shared/testing";
import { eq } from "drizzle-orm";
import { publisherFor, startTestWorker, storedEvents } from "./support/harness.js";

const fast = { initialIntervalMs: 300, backoffCoefficient: 2, maxIntervalMs: 2_000 };

const echo = defineTask({
  name: "t_echo",
  service: ServiceName.Sync,
  queue: "test",
  description: "echo",
  payload: z.strictObject({ n: z.number().int() }),
  result: z.object({ doubled: z.number() }),
  timeoutMs: 5_000,
  ackWaitMs: 1_000,
  retry: { maxAttempts: 3, ...fast },
});
const flaky = defineTask({
  name: "t_flaky",
  service: ServiceName.Sync,
  queue: "test",
  description: "fails twice",
  payload: z.strictObject({ key: z.string() }),
  result: z.object({ attempt: z.number() }),
  timeoutMs: 5_000,
  ackWaitMs: 1_000,
  retry: { maxAttempts: 3, ...fast },
});
const doomed = defineTask({
  name: "t_doomed",
  service: ServiceName.Sync,
  queue: "test",
  description: "always fails",
  payload: z.strictObject({ kind: z.enum(["retryable", "permanent"]) }),
  result: z.object({}),
  timeoutMs: 5_000,
  ackWaitMs: 1_000,
  retry: { maxAttempts: 2, ...fast },
});
const slow = defineTask({
  name: "t_slow",
  service: ServiceName.Sync,
  queue: "test",
  description: "ignores nothing, just slow",
  payload: z.strictObject({ ms: z.number() }),
  result: z.object({ sleptMs: z.number() }),
  timeoutMs: 600,
  ackWaitMs: 1_000,
  retry: { maxAttempts: 2, ...fast },
});
const long = defineTask({
  name: "t_long",
  service: ServiceName.Sync,
  queue: "test",
  description: "3x the ack wait",
  payload: z.strictObject({ ms: z.number() }),
  result: z.object({}),
  timeoutMs: 20_000,
  ackWaitMs: 1_000,
  retry: { maxAttempts: 3, ...fast },
});

const tasks = { echo, flaky, doomed, slow, long };
let n: TestNats;
let tdb: TestDatabase;
let worker: TaskWorker;
const calls: Record<string, number[]> = {};
const signalFired: string[] = [];

beforeAll(async () => {
  n = await connectTestNats();
  tdb = await createTestDatabase();
  worker = await startTestWorker(
    n,
    tasks,
    {
      echo: async (p) => ({ doubled: p.n * 2 }),
      flaky: async (p, ctx) => {
        (calls[p.key] ??= []).push(Date.now());
        if (ctx.attempt < 3) throw new Error(`flaky failure ${ctx.attempt}`);
        return { attempt: ctx.attempt };
      },
      doomed: async (p, ctx) => {
        if (p.kind === "permanent") throw new NonRetryableError("no such season");
        throw new Error(`still broken (attempt ${ctx.attempt})`);
      },
      slow: async (p, ctx) => {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(resolve, p.ms);
          ctx.signal.addEventListener("abort", () => {
            clearTimeout(t);
            signalFired.push(ctx.runId);
            reject(ctx.signal.reason);
          });
        });
        return { sleptMs: p.ms };
      },
      long: async (p, ctx) => {
        (calls[ctx.runId] ??= []).push(Date.now());
        await new Promise((r) => setTimeout(r, p.ms));
        return {};
      },
    },
    { database: tdb.database },
  );
});

afterAll(async () => {
  await worker?.stop(1_000);
  await n?.cleanup();
  await tdb?.cleanup();
});

async function runsOf(runId: string) {
  return tdb.database.db
    .select()
    .from(taskRuns)
    .where(eq(taskRuns.runId, runId))
    .orderBy(taskRuns.attempt);
}

describe("worker", () => {
  it("worker - a valid task runs once: one succeeded run, one completion event", async () => {
    const events = collect(n.nc, n.topology.completedSubject(echo));
    const pub = await publisherFor(n).publish(echo, { n: 21 });
    await waitFor(() => events.items.length === 1, { what: "completion event" });
    await new Promise((r) => setTimeout(r, 1_500)); // longer than the ack wait: any redelivery would show
    const runs = await runsOf(pub.runId);
    expect(runs.map((r) => r.status)).toEqual(["succeeded"]);
    expect(runs[0]!.result).toEqual({ doubled: 42 });
    expect(runs[0]!.triggerKind).toBe("manual");
    expect(events.items).toHaveLength(1);
    expect(events.items[0]!.headers["Matchday-Run-Id"]).toBe(pub.runId);
    expect(events.items[0]!.data).toMatchObject({
      runId: pub.runId,
      status: "succeeded",
      result: { doubled: 42 },
    });
    events.stop();
  });

  it("worker - invalid JSON and a schema-invalid payload are rejected, dead-lettered, not redelivered, and the next message is served", async () => {
    const dlq = collect(n.nc, n.topology.allDlq);
    const done = collect(n.nc, n.topology.completedSubject(echo));
    const subject = n.topology.taskSubject(echo);
    const h1 = natsHeaders();
    h1.set("Matchday-Run-Id", "00000000-0000-4000-8000-000000000001");
    await n.js.publish(subject, "{not json", { headers: h1 });
    const h2 = natsHeaders();
    h2.set("Matchday-Run-Id", "00000000-0000-4000-8000-000000000002");
    await n.js.publish(subject, JSON.stringify({ n: "seven" }), { headers: h2 });
    const good = await publisherFor(n).publish(echo, { n: 1 });
    await waitFor(() => dlq.items.length === 2 && done.items.length === 1, {
      what: "two dead letters and one completion",
    });
    const errors = dlq.items.map((d) => d.headers["Dlq-Error"]);
    expect(errors[0]).toMatch(/invalid JSON/);
    expect(errors[1]).toMatch(/invalid payload: .*n/);
    expect(dlq.items.every((d) => d.headers["Dlq-Reason"] === "rejected")).toBe(true);
    expect(done.items[0]!.data.runId).toBe(good.runId);
    await new Promise((r) => setTimeout(r, 1_500));
    const bad = [
      ...(await runsOf("00000000-0000-4000-8000-000000000001")),
      ...(await runsOf("00000000-0000-4000-8000-000000000002")),
    ];
    expect(bad.map((r) => [r.status, r.attempt])).toEqual([
      ["rejected", 1],
      ["rejected", 1],
    ]);
    expect(bad[1]!.error).toMatch(/expected number/);
    // terminated, not left in the work queue
    const info = await n.jsm.consumers.info(n.topology.streams.tasks, n.topology.taskDurable(echo));
    expect(info.num_ack_pending + info.num_pending).toBe(0);
    dlq.stop();
    done.stop();
  });

  it("worker - a retryable error twice then success: three attempts, backoff observed, one completion event", async () => {
    const events = collect(n.nc, n.topology.completedSubject(flaky));
    const pub = await publisherFor(n).publish(flaky, { key: "k1" });
    await waitFor(() => events.items.length === 1, { timeoutMs: 15_000, what: "completion" });
    await new Promise((r) => setTimeout(r, 1_200));
    const runs = await runsOf(pub.runId);
    expect(runs.map((r) => [r.attempt, r.status])).toEqual([
      [1, "failed"],
      [2, "failed"],
      [3, "succeeded"],
    ]);
    const t = calls.k1!;
    expect(t).toHaveLength(3);
    // equal jitter: the delay after attempt k is in [d/2, d] with d = 300·2^(k-1)
    expect(t[1]! - t[0]!).toBeGreaterThanOrEqual(150);
    expect(t[2]! - t[1]!).toBeGreaterThanOrEqual(300);
    expect(events.items).toHaveLength(1);
    events.stop();
  });

  it("worker - attempts exhausted: dead letter with the last error; a NonRetryableError dead-letters at once", async () => {
    const dlq = collect(n.nc, n.topology.dlqSubject(doomed));
    const failed = collect(n.nc, n.topology.failedSubject(doomed));
    const a = await publisherFor(n).publish(doomed, { kind: "retryable" });
    const b = await publisherFor(n).publish(doomed, { kind: "permanent" });
    await waitFor(() => dlq.items.length === 2, { timeoutMs: 15_000, what: "two dead letters" });
    const byRun = Object.fromEntries(dlq.items.map((d) => [d.headers["Dlq-Run-Id"], d.headers]));
    expect(byRun[a.runId]!["Dlq-Reason"]).toBe("exhausted");
    expect(byRun[a.runId]!["Dlq-Error"]).toMatch(/still broken \(attempt 2\)/);
    expect(byRun[b.runId]!["Dlq-Reason"]).toBe("non_retryable");
    expect((await runsOf(b.runId)).map((r) => r.status)).toEqual(["failed"]);
    expect((await runsOf(a.runId)).map((r) => r.status)).toEqual(["failed", "failed"]);
    await waitFor(() => failed.items.length === 2, { what: "failed events" });
    dlq.stop();
    failed.stop();
  });

  it("worker - the time limit aborts the handler's signal, records timed_out and retries per policy", async () => {
    const dlq = collect(n.nc, n.topology.dlqSubject(slow));
    const pub = await publisherFor(n).publish(slow, { ms: 5_000 });
    await waitFor(() => dlq.items.length === 1, {
      timeoutMs: 15_000,
      what: "dead letter after 2 timed-out attempts",
    });
    const runs = await runsOf(pub.runId);
    expect(runs.map((r) => r.status)).toEqual(["timed_out", "timed_out"]);
    expect(runs[0]!.error).toMatch(/exceeded its time limit of 600 ms/);
    expect(signalFired.filter((r) => r === pub.runId)).toHaveLength(2);
    dlq.stop();
  });

  it("worker - a handler running 3x the ack wait is not redelivered (heartbeats)", async () => {
    const events = collect(n.nc, n.topology.completedSubject(long));
    const pub = await publisherFor(n).publish(long, { ms: 3_200 });
    await waitFor(() => events.items.length === 1, { timeoutMs: 15_000, what: "completion" });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(calls[pub.runId]).toHaveLength(1);
    expect((await runsOf(pub.runId)).map((r) => [r.attempt, r.status])).toEqual([[1, "succeeded"]]);
    events.stop();
  });

  it("worker - a message whose run already succeeded is acknowledged without running again; its event is stored once", async () => {
    const before = await storedEvents(n, n.topology.completedSubject(echo));
    const events = collect(n.nc, n.topology.completedSubject(echo));
    const first = await publisherFor(n).publish(echo, { n: 5 }, { key: "fixed-key" });
    await waitFor(() => events.items.length === 1, { what: "first completion" });
    // The same logical run published again after the dedup window would have passed (a new stream message, same run id).
    const h = natsHeaders();
    h.set("Matchday-Run-Id", first.runId);
    await n.js.publish(n.topology.taskSubject(echo), JSON.stringify({ n: 5 }), { headers: h });
    // The redelivery re-publishes the completion event (in case the first never went out): the
    // stream deduplicates it by message id, so consumers of EVENTS see the run complete once.
    await waitFor(() => events.items.length === 2, { what: "re-published completion" });
    expect((await runsOf(first.runId)).map((r) => r.status)).toEqual(["succeeded"]);
    expect(events.items[1]!.data).toEqual(events.items[0]!.data);
    expect(await storedEvents(n, n.topology.completedSubject(echo))).toBe(before + 1);
    events.stop();
  });

  it("worker - a run recorded as succeeded whose completion event never went out gets its event on redelivery", async () => {
    const subject = n.topology.completedSubject(long);
    const before = await storedEvents(n, subject);
    const events = collect(n.nc, subject);
    // What a worker stopped between recording success and publishing leaves behind.
    const runId = randomUUID();
    const startedAt = new Date(Date.now() - 2_000);
    const finishedAt = new Date(Date.now() - 1_000);
    await tdb.database.db.insert(taskRuns).values({
      runId,
      attempt: 1,
      task: long.name,
      service: long.service,
      status: "succeeded",
      triggerKind: "manual",
      trigger: { kind: "manual" },
      payload: { ms: 1 },
      instanceId: "lost-worker",
      startedAt,
      finishedAt,
      durationMs: 1_000,
      result: {},
    });
    const h = natsHeaders();
    h.set("Matchday-Run-Id", runId);
    await n.js.publish(n.topology.taskSubject(long), JSON.stringify({ ms: 1 }), { headers: h });
    await waitFor(() => events.items.length === 1, { what: "the missing completion event" });
    expect(events.items[0]!.data).toMatchObject({
      runId,
      task: long.name,
      attempt: 1,
      status: "succeeded",
      payload: { ms: 1 },
      result: {},
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: 1_000,
    });
    expect(calls[runId]).toBeUndefined(); // the handler did not run again
    expect(await storedEvents(n, subject)).toBe(before + 1);
    expect((await runsOf(runId)).map((r) => r.status)).toEqual(["succeeded"]);
    events.stop();
  });
  it("worker - a run whose record is lost before it is durable is not acknowledged: it comes back and is recorded once", async () => {
    const fragile = defineTask({
      name: "t_fragile",
      service: ServiceName.Sync,
      queue: "test",
      description: "its first final record is lost",
      payload: z.strictObject({ n: z.number() }),
      result: z.object({ n: z.number() }),
      timeoutMs: 5_000,
      // Long enough that only the worker's own nak brings the message back, never the ack wait
      // running out on a loaded machine.
      ackWaitMs: 10_000,
      retry: { maxAttempts: 3, ...fast },
    });
    // What a database crash between the finish and its flush does: the final row is gone. The
    // first finish of each run is deleted as soon as it is written.
    const lostOnce = new Set<string>();
    const db = tdb.database;
    const crashing: typeof db = {
      ...db,
      relaxedStatement: async (st, params) => {
        const rows = await db.relaxedStatement(st, params);
        const runId = String((params as unknown[])[0]);
        if (/^update platform\.task_runs/.test(st.text) && !lostOnce.has(runId)) {
          lostOnce.add(runId);
          await db.query(`delete from platform.task_runs where run_id = '${runId}'`);
        }
        return rows as never;
      },
    };
    const handled: number[] = [];
    const w = await startTestWorker(
      n,
      { fragile },
      {
        fragile: async (p, ctx) => {
          handled.push(ctx.attempt);
          return { n: p.n };
        },
      },
      { database: crashing, instanceId: "fragile-worker" },
    );
    try {
      const subject = n.topology.completedSubject(fragile);
      const events = collect(n.nc, subject);
      const pub = await publisherFor(n).publish(fragile, { n: 1 });
      await waitFor(async () => (await runsOf(pub.runId)).some((r) => r.status === "succeeded"), {
        timeoutMs: 15_000,
        what: "the run recorded after its redelivery",
      });
      // The message is acknowledged now (none pending or unacknowledged): no third delivery comes.
      await waitFor(
        async () => {
          const c = await n.jsm.consumers.info(
            n.topology.streams.tasks,
            n.topology.taskDurable(fragile),
          );
          return c.num_pending === 0 && c.num_ack_pending === 0;
        },
        { what: "the message acknowledged" },
      );
      expect(handled).toEqual([1, 2]);
      expect((await runsOf(pub.runId)).map((r) => [r.attempt, r.status])).toEqual([
        [2, "succeeded"],
      ]);
      // Both attempts published the completion event; the stream kept one.
      expect(events.items.length).toBe(2);
      expect(await storedEvents(n, subject)).toBe(1);
      events.stop();
    } finally {
      await w.stop(1_000);
    }
  });
  it("worker - every log line of a run carries its run id, task, attempt and trigger, the handler's own lines too", async () => {
    const chatty = defineTask({
      name: "t_chatty",
      service: ServiceName.Sync,
      queue: "test",
      description: "logs from its handler, fails once",
      payload: z.strictObject({ n: z.number() }),
      result: z.object({ n: z.number() }),
      timeoutMs: 5_000,
      retry: { maxAttempts: 2, ...fast },
    });
    const logs = collectLogs();
    const w = await startTestWorker(
      n,
      { chatty },
      {
        chatty: async (p, ctx) => {
          ctx.logger.info({ step: "inside" }, "handler line");
          if (ctx.attempt === 1) throw new Error("first attempt fails");
          return { n: p.n };
        },
      },
      { logger: logs.logger, instanceId: "chatty-worker" },
    );
    try {
      const events = collect(n.nc, n.topology.completedSubject(chatty));
      const pub = await publisherFor(n).publish(chatty, { n: 1 });
      await waitFor(() => events.items.length === 1, { timeoutMs: 15_000, what: "completion" });
      events.stop();
      const ofRun = logs.lines.filter((l) => l.runId === pub.runId);
      // started, handler line, failed (retry); started, handler line, succeeded
      expect(ofRun.map((l) => [l.attempt, l.msg])).toEqual([
        [1, "run started"],
        [1, "handler line"],
        [1, "run failed: will retry"],
        [2, "run started"],
        [2, "handler line"],
        [2, "run succeeded"],
      ]);
      for (const l of ofRun) expect(l).toMatchObject({ task: "t_chatty", trigger: "manual" });
      // No line about this run goes without its run id.
      const unlabelled = logs.lines.filter(
        (l) => l.runId === undefined && JSON.stringify(l).includes(pub.runId),
      );
      expect(unlabelled).toEqual([]);
    } finally {
      await w.stop(1_000);
    }
  });
});
