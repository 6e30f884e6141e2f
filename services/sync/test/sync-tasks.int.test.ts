import { createReadStream, existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import {
  createPublisher,
  seasons,
  syncAllLeagues,
  syncHistoricalData,
  syncSingleLeague,
  taskRuns,
  updateRecentResults,
  type AnyTaskDef,
  type PayloadInputOf,
  type RunningService,
  type SyncResult,
} from "@matchday/shared";
import {
  collect,
  connectTestNats,
  createTestDatabase,
  waitFor,
  type TestDatabase,
  type TestNats,
  startTestService,
} from "@matchday/shared/testing";
import { syncService } from "../src/service.js";
import { footballDataDir } from "./support/recorded.js";

const NOW = "2024-04-05T00:00:00Z";
let tdb: TestDatabase;
let dirNats: TestNats;
let httpNats: TestNats;
let gapNats: TestNats;
let dirService: RunningService;
let httpService: RunningService;
let gapService: RunningService;
let server: Server;
let siteUrl: string;
const requested: string[] = [];

/** Serves the recorded files byte for byte in the site's layout: `/mmz4281/<season>/<league>.csv`. */
function startSite(): Promise<Server> {
  const root = footballDataDir();
  const s = createServer((req, res) => {
    requested.push(req.url ?? "");
    const m = /^\/mmz4281\/(\d{4})\/([A-Z0-9]+)\.csv$/.exec(req.url ?? "");
    const file = m ? path.join(root, m[1]!, `${m[2]}.csv`) : undefined;
    if (!file || !existsSync(file)) {
      res
        .writeHead(404, { "content-type": "text/html" })
        .end("<html><body>Not Found</body></html>");
      return;
    }
    res.writeHead(200, { "content-type": "text/csv" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

function start(n: TestNats, env: Record<string, string>): Promise<RunningService> {
  return startTestService(syncService, {
    nats: n,
    database: tdb.database,
    env: { MATCHDAY_NOW: NOW, MATCHDAY_CLOCK: "frozen", SYNC_LEAGUES: "E0", ...env },
  });
}

/** Publishes a task and returns the result its completion event carries. */
async function run<T extends AnyTaskDef>(
  n: TestNats,
  def: T,
  payload: PayloadInputOf<T>,
): Promise<SyncResult> {
  const done = collect(n.nc, n.topology.completedSubject(def));
  const failed = collect(n.nc, n.topology.failedSubject(def));
  try {
    const pub = await createPublisher(n.js, n.topology).publish(def, payload);
    const event = await waitFor(
      () => [...done.items, ...failed.items].find((e) => e.data.runId === pub.runId),
      { timeoutMs: 45_000, what: `${def.name} completion` },
    );
    expect(event.data).toMatchObject({ status: "succeeded" });
    return event.data.result as SyncResult;
  } finally {
    done.stop();
    failed.stop();
  }
}

beforeAll(async () => {
  [tdb, dirNats, httpNats, gapNats, server] = await Promise.all([
    createTestDatabase(),
    connectTestNats(),
    connectTestNats(),
    connectTestNats(),
    startSite(),
  ]);
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dirService = await start(dirNats, { FOOTBALL_DATA_DIR: footballDataDir() });
  httpService = await start(httpNats, {
    FOOTBALL_DATA_URL: siteUrl,
    FOOTBALL_DATA_MIN_INTERVAL_MS: "0",
  });
  // 2011/12 pinned: the recorded data has no E1 file for it (a real gap in the mirrors).
  gapService = await start(gapNats, {
    FOOTBALL_DATA_DIR: footballDataDir(),
    SYNC_LEAGUES: "E0,E1",
    SYNC_SEASON: "1112",
  });
});

afterAll(async () => {
  await Promise.allSettled([dirService, httpService, gapService].map((s) => s?.stop(1_000)));
  await Promise.allSettled([dirNats, httpNats, gapNats].map((n) => n?.cleanup()));
  await new Promise((r) => server?.close(r));
  await tdb?.cleanup();
});

describe("sync tasks on NATS and PostgreSQL", () => {
  it("sync_single_league - loads E0 2324 and reports its counts, changed results and new teams", async () => {
    const result = await run(dirNats, syncSingleLeague, { league: "E0", season: "2324" });
    expect(result.files).toEqual([
      {
        league: "E0",
        season: "2324",
        inserted: 380,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        emptyRows: 0,
      },
    ]);
    expect(result).toMatchObject({ inserted: 380, updated: 0, unchanged: 0, rejected: 0 });
    expect(result.changedResultMatchIds).toHaveLength(380);
    expect(result.changedResultMatchIds.every((id) => /^\d+$/.test(id))).toBe(true);
    expect(result.unknownTeams).toHaveLength(20);
    expect(result.unknownTeams).toContain("Nott'm Forest");
    const stored = await tdb.database.query(
      "select count(*)::int as n from sync.matches where league = 'E0' and season = '2324'",
    );
    expect(stored).toEqual([{ n: 380 }]);
  });

  it("sync_single_league - the same season again is all unchanged with no changed results", async () => {
    const result = await run(dirNats, syncSingleLeague, { league: "E0", season: "2324" });
    expect(result).toMatchObject({ inserted: 0, updated: 0, unchanged: 380, rejected: 0 });
    expect(result.changedResultMatchIds).toEqual([]);
    expect(result.unknownTeams).toEqual([]);
  });

  it("sync_single_league - a season the source does not have is dead-lettered at once with the reason", async () => {
    const dlq = collect(dirNats.nc, dirNats.topology.dlqSubject(syncSingleLeague));
    const pub = await createPublisher(dirNats.js, dirNats.topology).publish(syncSingleLeague, {
      league: "E0",
      season: "0910",
    });
    const dead = await waitFor(() => dlq.items[0], { timeoutMs: 30_000, what: "dead letter" });
    dlq.stop();
    expect(dead.headers["Dlq-Reason"]).toBe("non_retryable");
    expect(dead.headers["Dlq-Deliveries"]).toBe("1");
    expect(dead.headers["Dlq-Error"]).toMatch(
      /SeasonNotPublishedError: season 0910 of E0 is not available/,
    );
    const runs = await tdb.database.db.select().from(taskRuns).where(eq(taskRuns.runId, pub.runId));
    expect(runs.map((r) => [r.attempt, r.status])).toEqual([[1, "failed"]]);
  });

  it("sync_all_leagues and update_recent_results - the clock's current season (2324 on 5 April 2024) of the configured leagues, plus fixtures", async () => {
    const all = await run(dirNats, syncAllLeagues, {});
    expect(all.files).toEqual([
      {
        league: "E0",
        season: "2324",
        inserted: 0,
        updated: 0,
        unchanged: 380,
        rejected: 0,
        emptyRows: 0,
      },
    ]);
    // The recorded fixtures.csv has no E0 rows (E2, E3, EC, SP2 only).
    expect(all.fixtures).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    const recent = await run(dirNats, updateRecentResults, {});
    expect(recent.files.map((f) => [f.league, f.season, f.unchanged])).toEqual([
      ["E0", "2324", 380],
    ]);
    expect(recent.fixtures).toBeUndefined();
  });

  it("sync_historical_data - the complete seasons before the current one, as many as asked", async () => {
    const result = await run(dirNats, syncHistoricalData, { seasons: 2 });
    expect(result.files.map((f) => [f.league, f.season, f.inserted, f.rejected])).toEqual([
      ["E0", "2122", 380, 0],
      ["E0", "2223", 380, 0],
    ]);
    expect(result.changedResultMatchIds).toHaveLength(760);
  });

  it("sync_single_league over HTTP - a local site serving the recorded bytes: loads, records the URL, 404 is dead-lettered", async () => {
    const result = await run(httpNats, syncSingleLeague, { league: "SP1", season: "2223" });
    expect(result).toMatchObject({ inserted: 380, rejected: 0 });
    expect(requested).toContain("/mmz4281/2223/SP1.csv");
    const [row] = await tdb.database.db
      .select()
      .from(seasons)
      .where(and(eq(seasons.league, "SP1"), eq(seasons.season, "2223")));
    expect(row?.lastOrigin).toBe(`${siteUrl}mmz4281/2223/SP1.csv`);

    const dlq = collect(httpNats.nc, httpNats.topology.dlqSubject(syncSingleLeague));
    await createPublisher(httpNats.js, httpNats.topology).publish(syncSingleLeague, {
      league: "SP1",
      season: "0910",
    });
    const dead = await waitFor(() => dlq.items[0], { timeoutMs: 30_000, what: "dead letter" });
    dlq.stop();
    expect(dead.headers["Dlq-Reason"]).toBe("non_retryable");
    expect(dead.headers["Dlq-Error"]).toMatch(/season 0910 of SP1 is not published at http/);
  });

  it("sync_all_leagues - one league failing: the others still apply, then the task fails listing it (dead-lettered: the gap is permanent)", async () => {
    const dlq = collect(gapNats.nc, gapNats.topology.dlqSubject(syncAllLeagues));
    await createPublisher(gapNats.js, gapNats.topology).publish(syncAllLeagues, {});
    const dead = await waitFor(() => dlq.items[0], { timeoutMs: 30_000, what: "dead letter" });
    dlq.stop();
    expect(dead.headers["Dlq-Reason"]).toBe("non_retryable");
    expect(dead.headers["Dlq-Error"]).toMatch(
      /SyncFailuresError: 1 of 3 files failed \(2 applied and committed\): E1 1112: SeasonNotPublishedError/,
    );
    const stored = await tdb.database.query(
      "select league, count(*)::int as n from sync.matches where season = '1112' group by league",
    );
    expect(stored).toEqual([{ league: "E0", n: 380 }]);
  });
});
