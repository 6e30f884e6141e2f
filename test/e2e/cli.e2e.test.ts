import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupOldData } from "@matchday/shared";
import {
  CLI_ENTRY,
  connectTestNats,
  createTestDatabase,
  runCli,
  startProcess,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
  type TestNats,
} from "@matchday/shared/testing";

let n: TestNats;
let tdb: TestDatabase;
let up: ServiceProcess;
let env: Record<string, string>;

beforeAll(async () => {
  n = await connectTestNats();
  tdb = await createTestDatabase();
  env = {
    NATS_URL: n.url,
    DATABASE_URL: tdb.url,
    MATCHDAY_NAMESPACE: n.topology.namespace,
    LOG_LEVEL: "info",
  };
  up = startProcess(CLI_ENTRY, env, ["up", "scheduler"]);
  await up.waitForLog(/service started/, 60_000);
});

afterAll(async () => {
  up?.kill("SIGTERM");
  await up?.exited;
  await n?.cleanup();
  await tdb?.cleanup();
});

describe("matchday CLI", () => {
  it("cli - trigger --wait prints the run's outcome and --json the run record; runs lists it; inspect shows the instance and its consumer", async () => {
    const res = await runCli(
      [
        "trigger",
        "cleanup_old_data",
        '{"olderThanDays": 30}',
        "--wait",
        "--timeout",
        "30",
        "--json",
      ],
      env,
    );
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const record = JSON.parse(res.stdout);
    expect(record).toMatchObject({
      task: "cleanup_old_data",
      status: "succeeded",
      attempt: 1,
      payload: { olderThanDays: 30 },
      result: { deletedRuns: 0 },
      trigger: { kind: "manual" },
    });

    const runs = await runCli(["runs", "--task", "cleanup_old_data", "--json"], env);
    expect(runs.code).toBe(0);
    expect(
      JSON.parse(runs.stdout).map((r: { runId: string; status: string }) => [r.runId, r.status]),
    ).toEqual([[record.runId, "succeeded"]]);

    const inspect = await runCli(["inspect", "--json"], env);
    const body = JSON.parse(inspect.stdout);
    expect(body.instances.map((i: { service: string }) => i.service)).toEqual(["scheduler"]);
    const consumer = body.consumers.find((c: { task: string }) => c.task === "cleanup_old_data");
    expect(consumer).toMatchObject({
      consumer: "housekeeping-cleanup_old_data",
      pending: 0,
      ackPending: 0,
      instances: 1,
      status: "ok",
    });
    expect(body.consumers.find((c: { task: string }) => c.task === "retrain_model").status).toMatch(
      /NO CONSUMER/,
    );
  });

  it("cli - an invalid payload is refused before publishing, with the schema's message", async () => {
    const before = (await n.jsm.streams.info(n.topology.streams.tasks)).state.last_seq;
    const res = await runCli(["trigger", "cleanup_old_data", '{"olderThanDays": "soon"}'], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /invalid payload for cleanup_old_data: .*expected number.*olderThanDays/,
    );
    expect((await n.jsm.streams.info(n.topology.streams.tasks)).state.last_seq).toBe(before);
    const unknown = await runCli(["trigger", "no_such_task"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown task no_such_task/);
  });

  it("cli - a message published without the CLI (as `nats pub` does) that is invalid lands in the DLQ; dlq list shows it and dlq retry republishes it", async () => {
    await n.js.publish(n.topology.taskSubject(cleanupOldData), '{"olderThanDays": -3}');
    const list = await waitFor(
      async () => {
        const r = await runCli(["dlq", "list", "--json"], env);
        const rows = JSON.parse(r.stdout) as {
          seq: number;
          reason: string;
          error: string;
          task: string;
          payload: string;
        }[];
        return rows.length ? rows : null;
      },
      { timeoutMs: 30_000, what: "a dead letter" },
    );
    expect(list[0]).toMatchObject({
      task: "cleanup_old_data",
      reason: "rejected",
      payload: '{"olderThanDays": -3}',
    });
    expect(list[0]!.error).toMatch(/olderThanDays/);
    const retry = await runCli(["dlq", "retry", String(list[0]!.seq), "--json"], env);
    expect(retry.code).toBe(0);
    expect(JSON.parse(retry.stdout)).toMatchObject({
      seq: list[0]!.seq,
      subject: n.topology.taskSubject(cleanupOldData),
      duplicate: false,
    });
    // still invalid: rejected again, as a new dead letter; the retried one is gone
    const after = await waitFor(
      async () => {
        const rows = JSON.parse((await runCli(["dlq", "list", "--json"], env)).stdout) as {
          seq: number;
          reason: string;
          task: string;
          payload: string;
        }[];
        return rows.length === 1 && rows[0]!.seq !== list[0]!.seq ? rows : null;
      },
      { timeoutMs: 30_000, what: "the retried message dead-lettered again" },
    );
    // The same payload, republished as is and refused by the schema again.
    expect(after[0]).toMatchObject({
      task: "cleanup_old_data",
      reason: "rejected",
      payload: '{"olderThanDays": -3}',
    });
  });

  it("cli - a bad configuration stops the process at start with one line per problem, exit 1", async () => {
    const res = await runCli(["up", "sync"], {
      ...env,
      DATABASE_URL: "mysql://nope",
      LOG_LEVEL: "loud",
      SHUTDOWN_GRACE_MS: "soon",
    });
    expect(res.code).toBe(1);
    const lines = res.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith("config error: "))).toBe(true);
    expect(res.stderr).toMatch(/DATABASE_URL/);
    expect(res.stderr).toMatch(/LOG_LEVEL/);
    expect(res.stderr).toMatch(/SHUTDOWN_GRACE_MS/);
  });
});

describe("schedule configuration", () => {
  it("cli - a bad MATCHDAY_SCHEDULES entry stops the scheduler at start, naming each entry, exit 1", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "matchday-sched-")), "schedules.json");
    writeFileSync(
      file,
      JSON.stringify([
        { id: "x", task: "nope", cron: "0 * * * *", timezone: "UTC" },
        { id: "update_lineups", timezone: "Mars/Olympus" },
        { id: "bad_cron", task: "health_check", cron: "61 * * * *", timezone: "UTC" },
        {
          id: "bad_payload",
          task: "sync_single_league",
          cron: "0 * * * *",
          timezone: "UTC",
          payload: { league: "E0" },
        },
      ]),
    );
    const res = await runCli(["up", "scheduler"], { ...env, MATCHDAY_SCHEDULES: file });
    expect(res.code).toBe(1);
    const lines = res.stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.startsWith("config error: MATCHDAY_SCHEDULES: schedule "))).toBe(
      true,
    );
    for (const id of ["x", "update_lineups", "bad_cron", "bad_payload"])
      expect(res.stderr).toContain(`schedule ${id}:`);
  });
});

describe("matchday up without NATS_URL and DATABASE_URL", () => {
  it("cli - starts a local nats-server and embedded PGlite in the data directory, serves, and exits 0 on SIGTERM", async () => {
    const { mkdtempSync, existsSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dataDir = mkdtempSync(path.join(tmpdir(), "matchday-up-"));
    const p = startProcess(
      CLI_ENTRY,
      { MATCHDAY_DATA_DIR: dataDir, NATS_URL: "", DATABASE_URL: "", MATCHDAY_NAMESPACE: "" },
      ["up", "scheduler"],
    );
    try {
      const started = await p.waitForLog(/started a local nats-server/, 60_000);
      await p.waitForLog(/service started/, 60_000);
      expect(existsSync(path.join(dataDir, "pglite"))).toBe(true);
      expect(existsSync(path.join(dataDir, "nats"))).toBe(true);
      const url = JSON.parse(started).url as string;
      expect(readFileSync(path.join(dataDir, "nats", "url"), "utf8").trim()).toBe(url);
      // It serves: a manual run through the embedded NATS and PGlite. The CLI on the same data
      // directory finds that NATS without being told.
      const res = await runCli(
        ["trigger", "cleanup_old_data", "--wait", "--timeout", "30", "--json"],
        { NATS_URL: "", MATCHDAY_DATA_DIR: dataDir, MATCHDAY_NAMESPACE: "" },
      );
      expect(res.code).toBe(0);
      expect(JSON.parse(res.stdout).status).toBe("succeeded");
      const runs = await runCli(["runs", "--json"], {
        NATS_URL: url,
        MATCHDAY_NAMESPACE: "",
        DATABASE_URL: "",
      });
      expect(JSON.parse(runs.stdout)[0]).toMatchObject({
        task: "cleanup_old_data",
        status: "succeeded",
      });
    } finally {
      p.kill("SIGTERM");
    }
    expect(await p.exited).toBe(0);
    expect(existsSync(path.join(dataDir, "nats", "url"))).toBe(false);
  });
});
