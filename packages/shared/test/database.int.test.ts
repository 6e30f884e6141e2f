import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import {
  createRunRecorder,
  lastSuccessAt,
  listRuns,
  migrateDatabase,
  openDatabase,
  type Database,
} from "@matchday/shared";
import { createTestDatabase, type TestDatabase } from "@matchday/shared/testing";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** The same repository code, whatever the driver: returns what it observed. */
async function exerciseRunRepository(database: Database) {
  const rec = createRunRecorder(database);
  const runId = randomUUID();
  const base = {
    runId,
    task: "sync_single_league",
    service: "sync",
    trigger: { kind: "manual" as const },
    payload: { league: "E0", season: "2526" },
    instanceId: "i1",
  };
  const t0 = new Date("2026-01-01T00:00:00Z");
  await rec.begin({ ...base, attempt: 1, startedAt: t0 });
  // worker lost: attempt 2 marks attempt 1 abandoned, then succeeds
  await rec.begin({ ...base, attempt: 2, startedAt: new Date(t0.getTime() + 60_000) });
  await rec.finish(runId, 2, new Date(t0.getTime() + 60_000), {
    status: "succeeded",
    finishedAt: new Date(t0.getTime() + 61_500),
    result: { inserted: 3 },
  });
  const outcome = (p: Promise<void>) =>
    p.then(
      () => "durable",
      (err: Error) => err.message.replace(/of run \S+/, "of run <id>"),
    );
  // durable: the finished attempt is; the abandoned one (never finished) and an unknown one are not.
  const durable = await Promise.all([
    outcome(rec.durable(runId, 2)),
    outcome(rec.durable(randomUUID(), 1)),
  ]);
  const again = await rec.begin({
    ...base,
    attempt: 3,
    startedAt: new Date(t0.getTime() + 120_000),
  });
  const tr = new Date(t0.getTime() - 1_000);
  await rec.recordFinished(
    { ...base, runId: randomUUID(), attempt: 1, startedAt: tr },
    { status: "rejected", finishedAt: tr, error: "invalid payload" },
  );
  // A finish whose start record is gone (lost in a crash) fails instead of passing for recorded.
  const finishWithoutStart = await rec
    .finish(randomUUID(), 1, t0, { status: "succeeded", finishedAt: t0, result: {} })
    .then(
      () => "finished",
      (err: Error) => err.message.replace(/for run \S+/, "for run <id>"),
    );
  const runs = await listRuns(database.db, { task: "sync_single_league", limit: 10 });
  return {
    statuses: runs.map((r) => [r.attempt, r.status, r.durationMs, r.error?.slice(0, 17) ?? null]),
    redeliveredAfterSuccess: again.previousSuccess?.attempt,
    byRun: (await listRuns(database.db, { runId })).length,
    finishWithoutStart,
    durable,
    batched: await exerciseBatchedWrites(database, rec),
  };
}

/** Text that array literals must escape, and a nested JSON null. */
const AWKWARD_PAYLOAD = {
  q: 'say "hi"',
  b: "back\\slash",
  braces: "{a,b}",
  nul: "NULL",
  u: "Zoë ⚽",
  nested: [1, { x: null }],
};
const UPSTREAM_RUN_ID = "6f1c2a9e-0b7d-4c55-9a7e-3d2f8e41b000";

/**
 * Starts and finishes made together share one statement of per-column arrays: values that array
 * literals must escape (quotes, backslashes, braces, commas, NULL-like text, unicode) and SQL NULLs
 * come back exactly as given.
 */
async function exerciseBatchedWrites(
  database: Database,
  rec: ReturnType<typeof createRunRecorder>,
) {
  const awkward = [AWKWARD_PAYLOAD, null, "a string payload, with a comma"];
  const t0 = new Date("2026-02-01T12:00:00.123Z");
  const runIds: string[] = awkward.map(() => randomUUID());
  const starts = await Promise.all(
    awkward.map((payload, i) =>
      rec.begin({
        runId: runIds[i]!,
        attempt: 1,
        task: "update_lineups",
        service: "etl",
        trigger:
          i === 0
            ? {
                kind: "event" as const,
                upstreamTask: "update_fixture_mappings",
                upstreamRunId: UPSTREAM_RUN_ID,
              }
            : { kind: "manual" as const },
        payload,
        ...(i === 0 ? { msgId: 'update_lineups@after:"x"', streamSeq: 2 ** 40 } : {}),
        instanceId: "etl-1",
        startedAt: new Date(t0.getTime() + i),
      }),
    ),
  );
  await Promise.all(
    runIds.map((id, i) =>
      rec.finish(id, 1, new Date(t0.getTime() + i), {
        status: i === 1 ? "failed" : "succeeded",
        finishedAt: new Date(t0.getTime() + 250 + i),
        ...(i === 1
          ? { error: 'boom: "quoted" \\ {braces}' }
          : { result: { n: i, text: 'a "b"' } }),
      }),
    ),
  );
  const rows = await listRuns(database.db, { task: "update_lineups", limit: 10 });
  return {
    fresh: starts.map((st) => st.previousSuccess),
    rows: rows
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
      .map((r) => ({
        run: runIds.indexOf(r.runId),
        status: r.status,
        trigger: r.trigger,
        upstreamRunId: r.upstreamRunId,
        payload: r.payload,
        msgId: r.msgId,
        streamSeq: r.streamSeq,
        startedAt: r.startedAt.toISOString(),
        durationMs: r.durationMs,
        error: r.error,
        result: r.result,
      })),
  };
}

describe("database", () => {
  it("database - the same repository code gives the same results on PGlite and on PostgreSQL", async () => {
    const pg: TestDatabase = await createTestDatabase();
    cleanups.push(() => pg.cleanup());
    const lite = await openDatabase({ dataDir: "memory://" });
    cleanups.push(() => lite.close());
    await migrateDatabase(lite);
    const onPg = await exerciseRunRepository(pg.database);
    const onLite = await exerciseRunRepository(lite);
    // newest first: the succeeded attempt 2, the abandoned attempt 1, the older rejected run
    expect(onPg.statuses).toEqual([
      [2, "succeeded", 1500, null],
      [1, "failed", null, "attempt abandoned"],
      [1, "rejected", 0, "invalid payload"],
    ]);
    expect(onPg.redeliveredAfterSuccess).toBe(2);
    expect(onPg.finishWithoutStart).toBe("no run record to finish for run <id> attempt 1");
    expect(onPg.durable).toEqual([
      "durable",
      "the final record of run <id> attempt 1 is gone (lost before it reached the disk)",
    ]);
    expect(onPg.byRun).toBe(2);
    expect(onPg.batched.fresh).toEqual([null, null, null]);
    expect(onPg.batched.rows).toEqual([
      {
        run: 0,
        status: "succeeded",
        trigger: {
          kind: "event",
          upstreamTask: "update_fixture_mappings",
          upstreamRunId: UPSTREAM_RUN_ID,
        },
        upstreamRunId: UPSTREAM_RUN_ID,
        payload: AWKWARD_PAYLOAD,
        msgId: 'update_lineups@after:"x"',
        streamSeq: 2 ** 40,
        startedAt: "2026-02-01T12:00:00.123Z",
        durationMs: 250,
        error: null,
        result: { n: 0, text: 'a "b"' },
      },
      {
        run: 1,
        status: "failed",
        trigger: { kind: "manual" },
        upstreamRunId: null,
        payload: null,
        msgId: null,
        streamSeq: null,
        startedAt: "2026-02-01T12:00:00.124Z",
        durationMs: 250,
        error: 'boom: "quoted" \\ {braces}',
        result: null,
      },
      {
        run: 2,
        status: "succeeded",
        trigger: { kind: "manual" },
        upstreamRunId: null,
        payload: "a string payload, with a comma",
        msgId: null,
        streamSeq: null,
        startedAt: "2026-02-01T12:00:00.125Z",
        durationMs: 250,
        error: null,
        result: { n: 2, text: 'a "b"' },
      },
    ]);
    expect(onLite).toEqual(onPg);
    expect(pg.database.kind).toBe("postgres");
    expect(lite.kind).toBe("pglite");
  });

  it("database - a process holds at most DATABASE_POOL_SIZE connections, the relaxed-commit ones included", async () => {
    const pg: TestDatabase = await createTestDatabase();
    cleanups.push(() => pg.cleanup());
    const app = `pool-test-${randomUUID().slice(0, 8)}`;
    const database = await openDatabase({ url: pg.url, poolSize: 6, applicationName: app });
    cleanups.push(() => database.close());
    const sleep = { name: "pool_test_sleep", text: "select pg_sleep(0.5)" };
    const busy = [
      ...Array.from({ length: 10 }, () => database.query("select pg_sleep(0.5)")),
      ...Array.from({ length: 10 }, () => database.relaxedStatement(sleep, [])),
    ];
    await new Promise((r) => setTimeout(r, 250));
    const rows = (await pg.database.query(
      `select application_name as app, count(*)::int as n from pg_stat_activity where application_name like '${app}%' group by 1 order by 1`,
    )) as { app: string; n: number }[];
    await Promise.all(busy);
    expect(rows).toEqual([
      { app, n: 3 },
      { app: `${app}-relaxed`, n: 3 },
    ]);
  });

  it("database - a task's last success is its latest succeeded run: failed, timed-out and skipped runs never count", async () => {
    const pg: TestDatabase = await createTestDatabase();
    cleanups.push(() => pg.cleanup());
    const rec = createRunRecorder(pg.database);
    const at = (h: number) => new Date(Date.UTC(2026, 4, 10, h));
    const outcomes = [
      ["sync_all_leagues", "succeeded", 1],
      ["sync_all_leagues", "succeeded", 4],
      ["sync_all_leagues", "failed", 6],
      ["sync_all_leagues", "skipped", 7],
      ["retrain_model", "timed_out", 5],
    ] as const;
    for (const [task, status, h] of outcomes) {
      await rec.recordFinished(
        {
          runId: randomUUID(),
          attempt: 1,
          task,
          service: "sync",
          trigger: { kind: "manual" },
          payload: {},
          instanceId: "i1",
          startedAt: at(h),
        },
        { status, finishedAt: at(h) },
      );
    }
    expect([...(await lastSuccessAt(pg.database.db))]).toEqual([["sync_all_leagues", at(4)]]);
  });

  it("database - a finish is visible at once and on disk once durable resolves", async () => {
    const pg: TestDatabase = await createTestDatabase();
    cleanups.push(() => pg.cleanup());
    const rec = createRunRecorder(pg.database);
    const lsn = async () =>
      (
        (await pg.database.query("select pg_current_wal_insert_lsn()::text as l")) as {
          l: string;
        }[]
      )[0]!.l;
    const flushedPast = async (l: string) =>
      (
        (await pg.database.query(`select pg_current_wal_flush_lsn() >= '${l}'::pg_lsn as ok`)) as {
          ok: boolean;
        }[]
      )[0]!.ok;
    const observed: { visible: boolean; flushedAfter: boolean }[] = [];
    for (let i = 0; i < 5; i++) {
      const runId = randomUUID();
      const startedAt = new Date();
      await rec.begin({
        runId,
        attempt: 1,
        task: "health_check",
        service: "scheduler",
        trigger: { kind: "manual" },
        payload: {},
        instanceId: "i1",
        startedAt,
      });
      await rec.finish(runId, 1, startedAt, {
        status: "succeeded",
        finishedAt: new Date(),
        result: {},
      });
      const after = await lsn();
      const rows = (await pg.database.query(
        `select status from platform.task_runs where run_id = '${runId}'`,
      )) as { status: string }[];
      await rec.durable(runId, 1);
      observed.push({
        visible: rows[0]?.status === "succeeded",
        flushedAfter: await flushedPast(after),
      });
    }
    // Without durable's flush these fail on a quiet server: the WAL writer flushes relaxed commits
    // only every 200 ms (other sessions' synchronous commits may flush them sooner).
    expect(observed).toEqual(
      Array.from({ length: 5 }, () => ({ visible: true, flushedAfter: true })),
    );
  });

  it("database - run starts and finishes commit without waiting for the WAL flush, everything else waits", async () => {
    const pg: TestDatabase = await createTestDatabase();
    cleanups.push(() => pg.cleanup());
    const setting = (run: Database["statement"]) =>
      run<{ s: string }>(
        { name: "show_sync_commit", text: "select current_setting('synchronous_commit') as s" },
        [],
      );
    expect(await setting(pg.database.relaxedStatement)).toEqual([{ s: "off" }]);
    expect(await setting(pg.database.statement)).toEqual([{ s: "on" }]);
  });

  it("database - replicas migrating at once apply each migration once (advisory lock)", async () => {
    const fresh = await createTestDatabase({ migrate: false });
    cleanups.push(() => fresh.cleanup());
    const replicas = await Promise.all(
      [1, 2, 3, 4].map(() => openDatabase({ url: fresh.url, poolSize: 2 })),
    );
    await Promise.all(replicas.map((r) => migrateDatabase(r)));
    const rows = (await fresh.database.query(
      "select count(*)::int as n from drizzle.__drizzle_migrations",
    )) as { n: number }[];
    const journal = (await import("../drizzle/meta/_journal.json", { with: { type: "json" } }))
      .default as { entries: unknown[] };
    expect(rows[0]!.n).toBe(journal.entries.length);
    const tables = (await fresh.database.query(
      "select count(*)::int as n from information_schema.tables where table_schema = 'platform'",
    )) as { n: number }[];
    expect(tables[0]!.n).toBe(1);
    await Promise.all(replicas.map((r) => r.close()));
  });
});
