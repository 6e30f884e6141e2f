/**
 * Results to predictions, end to end on real data over NATS and PostgreSQL with the clock in the
 * past (2024-04-05): E0 synced from the real mid-season snapshot plus a fixtures file for the rest of
 * the season; `retrain_model` → `generate_predictions` predict the next 14 days; then the full season
 * is synced (`update_recent_results`) → `validate_predictions` → `calculate_model_metrics` reports on
 * exactly those matches. Each step after a manual sync is started by the previous one's completion
 * event, as in production.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyticsService } from "@matchday/analytics";
import { mlService } from "@matchday/ml";
import { predictionsService } from "@matchday/predictions";
import { syncService } from "@matchday/sync";
import {
  createPublisher,
  matches,
  modelMetrics,
  modelVersions,
  predictions,
  sharedDataDir,
  syncAllLeagues,
  taskRuns,
  updateRecentResults,
  validations,
  type RunningService,
  type ServiceModule,
  type TaskRunRow,
} from "@matchday/shared";
import {
  connectTestNats,
  createTestDatabase,
  waitFor,
  type TestDatabase,
  type TestNats,
  startTestService,
} from "@matchday/shared/testing";

const NOW = new Date("2024-04-05T00:00:00Z");
const football = () => path.join(sharedDataDir(), "football-data");

/** `dd/mm/yyyy` → a sortable `yyyy-mm-dd`. */
function isoDay(ddmmyyyy: string): string {
  const [d, m, y] = ddmmyyyy.split("/");
  return `${y}-${m}-${d}`;
}

/**
 * fixtures.csv for the rest of the season: the full file's rows after 2024-04-04 in football-data's
 * fixtures layout (no result or statistics columns, closing odds unknown before kick-off).
 */
function fixturesCsv(fullSeason: string): { csv: string; days: string[] } {
  const lines = fullSeason
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = lines[0]!.split(",");
  const results = new Set([
    "FTHG",
    "FTAG",
    "FTR",
    "HTHG",
    "HTAG",
    "HTR",
    "HS",
    "AS",
    "HST",
    "AST",
    "HF",
    "AF",
    "HC",
    "AC",
    "HY",
    "AY",
    "HR",
    "AR",
  ]);
  const firstClosing = header.indexOf("B365CH");
  const keep = header.map((h, i) => i).filter((i) => !results.has(header[i]!) && i < firstClosing);
  const dateCol = header.indexOf("Date");
  const rows = lines
    .slice(1)
    .map((l) => l.split(","))
    .filter((cells) => isoDay(cells[dateCol]!) > "2024-04-04");
  const csv =
    [
      keep.map((i) => header[i]).join(","),
      ...rows.map((cells) => keep.map((i) => cells[i] ?? "").join(",")),
    ].join("\r\n") + "\r\n";
  return { csv, days: rows.map((cells) => isoDay(cells[dateCol]!)) };
}

let n: TestNats;
let tdb: TestDatabase;
let dir: string;
let expectedInWindow: number;
const services: RunningService[] = [];
const db = () => tdb.database.db;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "matchday-e2e-"));
  mkdirSync(path.join(dir, "2324"));
  writeFileSync(
    path.join(dir, "2324", "E0.csv"),
    readFileSync(path.join(football(), "snapshots", "2324", "E0_asof_2024-04-04.csv")),
  );
  const fixtures = fixturesCsv(readFileSync(path.join(football(), "2324", "E0.csv"), "utf8"));
  writeFileSync(path.join(dir, "fixtures.csv"), fixtures.csv);
  // Kick-offs in (2024-04-05T00:00Z, +14 days]: UK dates 5–18 April (BST, so none spills past 19 April 00:00Z).
  expectedInWindow = fixtures.days.filter((d) => d >= "2024-04-05" && d <= "2024-04-18").length;

  n = await connectTestNats();
  tdb = await createTestDatabase();
  const env = {
    MATCHDAY_NOW: NOW.toISOString(),
    MATCHDAY_CLOCK: "frozen",
    FOOTBALL_DATA_DIR: dir,
    SYNC_LEAGUES: "E0",
    SYNC_SEASON: "2324",
  };
  const modules = [
    syncService,
    mlService,
    predictionsService,
    analyticsService,
  ] as unknown as ServiceModule[];
  // Every service (and so every trigger consumer) exists before the first task: triggers start
  // from new completions only.
  for (const m of modules) {
    services.push(await startTestService(m, { nats: n, database: tdb.database, env }));
  }
});

afterAll(async () => {
  for (const s of services) await s.stop(2_000);
  await n?.cleanup();
  await tdb?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The finished run of `task` started by `upstreamRunId` (or any finished run when omitted). */
function finishedRun(task: string, upstreamRunId?: string) {
  return async (): Promise<TaskRunRow | undefined> => {
    const rows = await db().select().from(taskRuns);
    return rows.find(
      (r) =>
        r.task === task &&
        r.status !== "running" &&
        (!upstreamRunId || r.upstreamRunId === upstreamRunId),
    );
  };
}

describe("results to predictions", () => {
  it(
    "e2e - sync → retrain_model → generate_predictions, then full season → validate_predictions → calculate_model_metrics on exactly the predicted matches",
    { timeout: 120_000 },
    async () => {
      const publisher = createPublisher(n.js, n.topology);
      const sync = await publisher.publish(syncAllLeagues, {});
      const syncRun = await waitFor(finishedRun("sync_all_leagues"), {
        timeoutMs: 60_000,
        what: "the first sync",
      });
      expect(syncRun).toMatchObject({ runId: sync.runId, status: "succeeded" });
      expect(syncRun.result).toMatchObject({ fixtures: { inserted: expect.any(Number) } });

      const retrain = await waitFor(finishedRun("retrain_model", sync.runId), {
        timeoutMs: 60_000,
        what: "retrain_model after the sync",
      });
      expect(retrain).toMatchObject({
        status: "succeeded",
        triggerKind: "event",
        result: { versions: [{ league: "E0", skipped: false }] },
      });
      const [version] = await db().select().from(modelVersions);
      expect(version).toMatchObject({ league: "E0", cutoff: NOW, converged: true });
      // Every E0 2023/24 match played up to 4 April (the snapshot) and nothing later.
      const played = (await db().select().from(matches)).filter((m) => m.status === "finished");
      expect(version!.trainMatches).toBe(played.length);
      expect(played.every((m) => m.kickoff < NOW)).toBe(true);

      const generate = await waitFor(finishedRun("generate_predictions", retrain.runId), {
        timeoutMs: 60_000,
        what: "generate_predictions after retrain_model",
      });
      expect(generate).toMatchObject({
        status: "succeeded",
        result: { predicted: expectedInWindow, unchanged: 0, withoutModel: [] },
      });
      expect(expectedInWindow).toBeGreaterThan(10);
      const predicted = (await db().select().from(predictions)).sort(
        (a, b) => a.matchId - b.matchId,
      );
      expect(predicted).toHaveLength(expectedInWindow);
      for (const p of predicted) {
        expect(p.madeAt).toEqual(NOW);
        expect(p.kickoff.getTime()).toBeGreaterThan(NOW.getTime());
        expect(p.kickoff.getTime()).toBeLessThanOrEqual(NOW.getTime() + 14 * 86_400_000);
        expect(p.oddsAtPrediction).not.toBeNull();
      }

      // The season ends: the full file replaces the snapshot.
      writeFileSync(
        path.join(dir, "2324", "E0.csv"),
        readFileSync(path.join(football(), "2324", "E0.csv")),
      );
      const update = await publisher.publish(updateRecentResults, {});
      const validate = await waitFor(finishedRun("validate_predictions", update.runId), {
        timeoutMs: 60_000,
        what: "validate_predictions after the full-season sync",
      });
      const predictedIds = predicted.map((p) => String(p.matchId));
      expect(validate.status).toBe("succeeded");
      expect(
        (validate.result as { validated: number; matchIds: string[] }).matchIds.sort(),
      ).toEqual([...predictedIds].sort());
      expect(await db().select().from(validations)).toHaveLength(expectedInWindow);

      const metrics = await waitFor(finishedRun("calculate_model_metrics", validate.runId), {
        timeoutMs: 60_000,
        what: "calculate_model_metrics after validation",
      });
      expect(metrics).toMatchObject({ status: "succeeded", result: { matches: expectedInWindow } });
      const order = ["last_30_days", "season", "all_time"];
      const reports = (await db().select().from(modelMetrics)).sort(
        (a, b) => order.indexOf(a.window) - order.indexOf(b.window),
      );
      expect(reports.map((r) => [r.league, r.modelVersionId, r.window, r.n])).toEqual([
        ["E0", version!.id, "last_30_days", expectedInWindow],
        ["E0", version!.id, "season", expectedInWindow],
        ["E0", version!.id, "all_time", expectedInWindow],
      ]);
      const allTime = reports[2]!;
      expect((allTime.details as { matchIds: number[] }).matchIds.map(String).sort()).toEqual(
        [...predictedIds].sort(),
      );
      // Pinnacle closing odds exist for every one of these matches: the market is compared on all of them.
      expect(allTime.marketN).toBe(expectedInWindow);
      expect(allTime.rps).toBeGreaterThan(0.1);
      expect(allTime.rps).toBeLessThan(0.35);
      expect(allTime.rpsGapSe).toBeGreaterThan(0);
      console.log(
        `E0 ${expectedInWindow} matches 5–18 April 2024: model RPS ${allTime.rps!.toFixed(4)}, market ${allTime.marketRps!.toFixed(4)}, gap ${allTime.rpsGap!.toFixed(4)} ± ${allTime.rpsGapSe!.toFixed(4)}`,
      );
    },
  );
});
