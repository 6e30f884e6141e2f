import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import {
  createPublisher,
  createTopology,
  listInstances,
  repoRoot,
  startEmbeddedNats,
  taskRuns,
  type EmbeddedNats,
} from "@matchday/shared";
import {
  connectTestNats,
  createTestDatabase,
  testNamespace,
  waitFor,
  type TestDatabase,
  type TestNats,
} from "@matchday/shared/testing";
import { collect, startProcess, type ServiceProcess } from "@matchday/shared/testing";
import { work } from "./support/test-service.js";

const WORKER_ENTRY = path.join(repoRoot, "packages/shared/test/support/worker-process.ts");

let n: TestNats;
let tdb: TestDatabase;
const procs: ServiceProcess[] = [];

function startWorker(
  extra: Record<string, string> = {},
  natsUrl = n.url,
  namespace = n.topology.namespace,
) {
  const p = startProcess(WORKER_ENTRY, {
    NATS_URL: natsUrl,
    MATCHDAY_NAMESPACE: namespace,
    DATABASE_URL: tdb.url,
    SHUTDOWN_GRACE_MS: "10000",
    ...extra,
  });
  procs.push(p);
  return p;
}

async function runs(id: string) {
  const all = await tdb.database.db.select().from(taskRuns).orderBy(taskRuns.attempt);
  return all.filter((r) => (r.payload as { id?: string } | null)?.id === id);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
});

afterAll(async () => {
  for (const p of procs) if (p.child.exitCode === null) p.kill("SIGKILL");
  await n?.cleanup();
  await tdb?.cleanup();
});

describe("worker processes", () => {
  beforeAll(async () => {
    n = await connectTestNats();
  });
  afterEach(async () => {
    // A failed test must not leave workers that take the next test's messages.
    const alive = procs.filter((p) => p.child.exitCode === null);
    for (const p of alive) p.kill("SIGKILL");
    await Promise.all(alive.map((p) => p.exited));
  });

  it("worker - two processes on one consumer share the work, each message handled once; ping/stats answer while every slot is busy", async () => {
    const a = startWorker();
    const b = startWorker();
    const [la, lb] = await Promise.all([
      a.waitForLog(/service started/),
      b.waitForLog(/service started/),
    ]);
    // tsx runs the service in a child node process: its pid is the one in the logs.
    const pidA = JSON.parse(la).pid as number;
    const pidB = JSON.parse(lb).pid as number;
    const events = collect(n.nc, n.topology.completedSubject(work));
    const pub = createPublisher(n.js, n.topology);
    for (let i = 0; i < 20; i++) await pub.publish(work, { ms: 300, id: `share-${i}` });
    // Both slots busy: the Services API still answers, with the run in flight.
    const busy = await waitFor(
      async () => {
        const inst = await listInstances(n.nc, n.topology);
        return inst.length === 2 && inst.every((i) => i.inFlight.length === 1) ? inst : null;
      },
      { timeoutMs: 10_000, what: "both instances busy and answering" },
    );
    expect(busy.map((i) => i.tasks)).toEqual([["t_work"], ["t_work"]]);
    await waitFor(() => events.items.length >= 20, { timeoutMs: 30_000, what: "20 completions" });
    await new Promise((r) => setTimeout(r, 2_500)); // past the ack wait: a double delivery would show
    const ids = events.items.map((e) => (e.data.result as { id: string }).id);
    expect(new Set(ids).size).toBe(20);
    expect(events.items).toHaveLength(20);
    const pids = new Set(events.items.map((e) => (e.data.result as { pid: number }).pid));
    expect(pids).toEqual(new Set([pidA, pidB]));
    for (let i = 0; i < 20; i++)
      expect((await runs(`share-${i}`)).map((r) => r.status)).toEqual(["succeeded"]);
    events.stop();
    a.kill("SIGTERM");
    b.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
  });

  it("worker - a process killed with SIGKILL mid-task: the task is redelivered to another process and completed exactly once", async () => {
    const a = startWorker();
    const b = startWorker();
    const pids = await Promise.all(
      [a, b].map(async (p) => JSON.parse(await p.waitForLog(/service started/)).pid as number),
    );
    const events = collect(n.nc, n.topology.completedSubject(work));
    await createPublisher(n.js, n.topology).publish(work, { ms: 6_000, id: "killed" });
    // Whichever process took it is killed mid-task; the other must finish it.
    const victim = await waitFor(
      () =>
        [a, b].find((p) => p.logs.some((l) => l.includes("work started") && l.includes("killed"))),
      { timeoutMs: 15_000, what: "work started" },
    );
    const survivorPid = pids[victim === a ? 1 : 0];
    victim.kill("SIGKILL");
    await waitFor(() => events.items.length === 1, {
      timeoutMs: 40_000,
      what: "completion by the second process",
    });
    await new Promise((r) => setTimeout(r, 2_500));
    expect(events.items).toHaveLength(1);
    expect((events.items[0]!.data.result as { pid: number }).pid).toBe(survivorPid);
    const r = await runs("killed");
    expect(r.map((x) => x.status)).toEqual(["failed", "succeeded"]);
    expect(r[0]!.error).toMatch(/abandoned/);
    events.stop();
    const survivor = victim === a ? b : a;
    survivor.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);
  });

  it("worker - SIGTERM mid-task loses nothing: in-flight work finishes within the grace; past it the run is handed back and done by another process", async () => {
    const events = collect(n.nc, n.topology.completedSubject(work));
    const pub = createPublisher(n.js, n.topology);
    // 1. Work shorter than the grace: finished before exit.
    const a = startWorker({ SHUTDOWN_GRACE_MS: "10000" });
    await a.waitForLog(/service started/);
    await pub.publish(work, { ms: 1_500, id: "graceful" });
    await waitFor(() => a.logs.some((l) => l.includes("work started") && l.includes("graceful")), {
      what: "a working",
    });
    a.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect((await runs("graceful")).map((x) => x.status)).toEqual(["succeeded"]);
    // 2. Work longer than the grace: interrupted, nak'ed, completed by the next process.
    const b = startWorker({ SHUTDOWN_GRACE_MS: "300" });
    await b.waitForLog(/service started/);
    await pub.publish(work, { ms: 5_000, id: "handed-back" });
    await waitFor(
      () => b.logs.some((l) => l.includes("work started") && l.includes("handed-back")),
      { what: "b working" },
    );
    b.kill("SIGTERM");
    expect(await b.exited).toBe(0);
    const c = startWorker();
    await waitFor(
      () => events.items.some((e) => (e.data.result as { id: string }).id === "handed-back"),
      { timeoutMs: 30_000, what: "handed-back completed" },
    );
    const r = await runs("handed-back");
    expect(r.map((x) => x.status)).toEqual(["failed", "succeeded"]);
    expect(r[0]!.error).toMatch(/interrupted by shutdown/);
    expect(
      events.items.filter((e) => (e.data.result as { id: string }).id === "handed-back"),
    ).toHaveLength(1);
    events.stop();
    c.kill("SIGTERM");
    expect(await c.exited).toBe(0);
  });
});

describe("NATS restarts", () => {
  let server: EmbeddedNats;
  const storeDir = mkdtempSync(path.join(tmpdir(), "matchday-nats-"));

  afterAll(async () => {
    await server?.stop();
  });

  it("worker - NATS restarted while the service is idle and while it is busy: it reconnects and goes on, nothing lost", async () => {
    server = await startEmbeddedNats({ storeDir });
    const ns = testNamespace();
    const topology = createTopology(ns);
    const w = startWorker({}, server.url, ns);
    await w.waitForLog(/service started/);
    const nc = await connect({
      servers: server.url,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 200,
    });
    const js = jetstream(nc);
    const events = collect(nc, topology.completedSubject(work));
    const pub = createPublisher(js, topology);
    const restart = async () => {
      await server.stop();
      server = await startEmbeddedNats({ storeDir, port: server.port });
    };

    // idle
    await restart();
    await waitFor(() => w.logs.some((l) => /nats reconnect/.test(l)), {
      timeoutMs: 20_000,
      what: "service reconnected",
    });
    await waitFor(
      async () =>
        await pub.publish(work, { ms: 100, id: "after-idle-restart" }).then(
          () => true,
          () => false,
        ),
      { timeoutMs: 20_000, what: "publish after restart" },
    );
    await waitFor(
      () => events.items.some((e) => (e.data.result as { id: string }).id === "after-idle-restart"),
      { timeoutMs: 30_000, what: "task after idle restart" },
    );

    // busy
    await pub.publish(work, { ms: 3_000, id: "during-restart" });
    await waitFor(
      () => w.logs.some((l) => l.includes("work started") && l.includes("during-restart")),
      { what: "busy" },
    );
    await restart();
    await waitFor(
      () => events.items.some((e) => (e.data.result as { id: string }).id === "during-restart"),
      { timeoutMs: 40_000, what: "task in flight during restart completed" },
    );
    await pub.publish(work, { ms: 100, id: "after-busy-restart" });
    await waitFor(
      () => events.items.some((e) => (e.data.result as { id: string }).id === "after-busy-restart"),
      { timeoutMs: 30_000, what: "task after busy restart" },
    );
    const r = await runs("during-restart");
    expect(r.filter((x) => x.status === "succeeded")).toHaveLength(1);
    events.stop();
    await nc.close();
    w.kill("SIGTERM");
    expect(await w.exited).toBe(0);
  });
});
