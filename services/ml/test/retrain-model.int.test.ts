import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { fitDixonColes, DEFAULT_MODEL_SETTINGS } from "@matchday/model";
import {
  createPublisher,
  modelVersions,
  readMatches,
  retrainModel,
  type RunningService,
} from "@matchday/shared";
import {
  connectTestNats,
  createTestDatabase,
  finalRun,
  type TestDatabase,
  type TestNats,
  startTestService,
} from "@matchday/shared/testing";
import { mlService } from "../src/index.js";
import { handleRetrainModel } from "../src/tasks/retrain-model.js";
import { roundRobin, seedLeague, setResult, testContext } from "@matchday/shared/testing";

const settings = DEFAULT_MODEL_SETTINGS;
const NOW = new Date("2024-03-01T06:00:00Z");
let tdb: TestDatabase;
let n: TestNats | undefined;
let svc: RunningService | undefined;
let lateMatchId: number;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const season = roundRobin({
    teamCount: 6,
    start: new Date("2023-08-05T14:00:00Z"),
    prefix: "X0",
  });
  // The last round is still to be played at NOW: fixtures without a result.
  const fixtures = season.slice(-3).map((m) => ({
    ...m,
    kickoff: new Date("2024-03-09T15:00:00Z"),
    homeGoals: undefined,
    awayGoals: undefined,
  }));
  await seedLeague(tdb.database.db, { league: "X0", season: "2324", matches: season.slice(0, -3) });
  const seeded = await seedLeague(tdb.database.db, {
    league: "X0",
    season: "2324",
    matches: fixtures,
  });
  lateMatchId = seeded.matchIds[0]!;
  await seedLeague(tdb.database.db, {
    league: "X1",
    season: "2324",
    matches: roundRobin({
      teamCount: 4,
      start: new Date("2023-09-02T14:00:00Z"),
      prefix: "X1",
      seed: 3,
    }),
  });
});

afterAll(async () => {
  await svc?.stop(1_000);
  await n?.cleanup();
  await tdb?.cleanup();
});

async function versions(league: string) {
  return tdb.database.db
    .select()
    .from(modelVersions)
    .where(eq(modelVersions.league, league))
    .orderBy(asc(modelVersions.id));
}

describe("retrain_model", () => {
  it("retrain_model - fits every league with matches and stores window, parameters, fit figures and fingerprint", async () => {
    const out = await handleRetrainModel({}, testContext(NOW), { db: tdb.database.db, settings });
    expect(out).toEqual({
      versions: [
        { league: "X0", modelVersionId: expect.any(String), skipped: false },
        { league: "X1", modelVersionId: expect.any(String), skipped: false },
      ],
    });
    const [v] = await versions("X0");
    expect(v).toMatchObject({
      league: "X0",
      cutoff: NOW,
      trainFrom: new Date(NOW.getTime() - 1095 * 86_400_000),
      trainMatches: 27,
      converged: true,
      settings,
    });
    expect(v!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(v!.params.teams).toHaveLength(6);
    expect(Object.values(v!.teamNames).sort()).toEqual([
      "X0 A",
      "X0 B",
      "X0 C",
      "X0 D",
      "X0 E",
      "X0 F",
    ]);
    expect(v!.logLik).toBeLessThan(0);
    expect(v!.fitMs).toBeGreaterThan(0);
  });

  it("retrain_model - same data gives the same parameters as a direct fit on the same rows", async () => {
    const [v] = await versions("X0");
    const rows = await readMatches(tdb.database.db, {
      leagues: ["X0"],
      status: "finished",
      before: NOW,
    });
    const fit = fitDixonColes(rows, { cutoff: NOW, ...settings });
    expect(v!.params).toEqual(fit.params);
    expect(v!.fingerprint).toBe(fit.fingerprint);
  });

  it("retrain_model - retraining on unchanged data records a skip and no new version; a new result makes a new version", async () => {
    const later = new Date(NOW.getTime() + 86_400_000);
    const again = await handleRetrainModel({}, testContext(later), {
      db: tdb.database.db,
      settings,
    });
    expect(again).toMatchObject({
      skipped: true,
      reason: expect.stringMatching(
        /X0: training data unchanged since version \d+; X1: training data unchanged/,
      ),
    });
    expect(await versions("X0")).toHaveLength(1);

    // A league named in the payload only: X1 is not looked at.
    await setResult(tdb.database.db, lateMatchId, 2, 2);
    const afterMatch = new Date("2024-03-10T06:00:00Z");
    const out = await handleRetrainModel({ leagues: ["X0"] }, testContext(afterMatch), {
      db: tdb.database.db,
      settings,
    });
    expect(out).toEqual({
      versions: [{ league: "X0", modelVersionId: expect.any(String), skipped: false }],
    });
    const all = await versions("X0");
    expect(all).toHaveLength(2);
    expect(all[1]!.trainMatches).toBe(28);
    expect(all[1]!.fingerprint).not.toBe(all[0]!.fingerprint);
  });

  it("retrain_model - a league without finished matches in the window is reported, and alone it is a skip", async () => {
    const out = await handleRetrainModel({ leagues: ["Z9"] }, testContext(NOW), {
      db: tdb.database.db,
      settings,
    });
    expect(out).toEqual({ skipped: true, reason: "Z9: no finished match in the training window" });
  });

  it("retrain_model - through NATS: the first run succeeds, the repeat on the same data is recorded as skipped", async () => {
    n = await connectTestNats();
    svc = await startTestService(mlService, {
      nats: n,
      database: tdb.database,
      env: { MATCHDAY_NOW: "2024-03-11T06:00:00Z", MATCHDAY_CLOCK: "frozen" },
    });
    const publisher = createPublisher(n.js, n.topology);
    await tdb.database.db.delete(modelVersions).where(eq(modelVersions.league, "X1"));
    const first = await publisher.publish(retrainModel, { leagues: ["X1"] });
    const r1 = await finalRun(tdb.database.db, first.runId);
    expect(r1.status).toBe("succeeded");
    const second = await publisher.publish(retrainModel, { leagues: ["X1"] });
    const r2 = await finalRun(tdb.database.db, second.runId);
    expect(r2.status).toBe("skipped");
    expect(r2.result).toMatchObject({
      skipped: true,
      reason: expect.stringContaining("X1: training data unchanged"),
    });
    expect(await versions("X1")).toHaveLength(1);
  });
});
