import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { DEFAULT_MODEL_SETTINGS, fitDixonColes } from "@matchday/model";
import {
  createPublisher,
  generatePredictionForMatch,
  Header,
  modelVersions,
  NonRetryableError,
  predictions,
  readMatches,
  listRuns,
  validations,
  type RunningService,
} from "@matchday/shared";
import {
  connectTestNats,
  createTestDatabase,
  collect,
  waitFor,
  type TestDatabase,
  type TestNats,
  startTestService,
} from "@matchday/shared/testing";
import { predictionRow } from "../src/domain/prediction-row.js";
import { predictionsService } from "../src/index.js";
import { handleGeneratePredictionForMatch } from "../src/tasks/generate-prediction-for-match.js";
import { handleGeneratePredictions } from "../src/tasks/generate-predictions.js";
import { handleValidatePredictions } from "../src/tasks/validate-predictions.js";
// Shared seeding helper (see its header for why it lives under the ml service's tests).
import { roundRobin, seedLeague, setResult, testContext } from "@matchday/shared/testing";

const TRAINED = new Date("2024-03-04T05:00:00Z");
const NOW = new Date("2024-03-05T06:00:00Z");
const KICKOFF = new Date("2024-03-09T15:00:00Z");
const LATE_KICKOFF = new Date("2024-03-09T17:30:00Z");
let tdb: TestDatabase;
let n: TestNats | undefined;
let svc: RunningService | undefined;
let fixtureIds: number[];
let handMatchId: number;
let firstVersion: number;

const db = () => tdb.database.db;

/** Stores a model version fitted on P0's results before `cutoff` (what the ml service would store). */
async function storeModel(cutoff: Date): Promise<number> {
  const rows = await readMatches(db(), { leagues: ["P0"], status: "finished", before: cutoff });
  const fit = fitDixonColes(rows, { cutoff, ...DEFAULT_MODEL_SETTINGS });
  const [v] = await db()
    .insert(modelVersions)
    .values({
      league: "P0",
      cutoff,
      trainFrom: fit.training.from,
      trainMatches: fit.training.matches,
      settings: DEFAULT_MODEL_SETTINGS,
      params: fit.params,
      logLik: fit.logLik,
      converged: fit.converged,
      iterations: fit.iterations,
      gradientNorm: fit.gradientNorm,
      fitMs: fit.fitMs,
      fingerprint: fit.fingerprint,
      createdAt: cutoff,
    })
    .returning();
  return v!.id;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const season = roundRobin({
    teamCount: 6,
    start: new Date("2023-08-05T14:00:00Z"),
    prefix: "P0",
  });
  await seedLeague(db(), { league: "P0", season: "2324", matches: season.slice(0, -3) });
  const last = season.slice(-3).map((m, i) => ({
    home: m.home,
    away: m.away,
    kickoff: i < 2 ? KICKOFF : LATE_KICKOFF,
    preMatch: { bookmaker: "pinnacle", home: 2.1, draw: 3.4, away: 3.6 },
  }));
  fixtureIds = (await seedLeague(db(), { league: "P0", season: "2324", matches: last })).matchIds;
  // A fixture six weeks out (outside the 14-day window) and a league nobody trained.
  await seedLeague(db(), {
    league: "P0",
    season: "2324",
    matches: [{ home: "P0 Y", away: "P0 A", kickoff: new Date("2024-04-20T14:00:00Z") }],
  });
  await seedLeague(db(), {
    league: "Q0",
    season: "2324",
    matches: [{ home: "Q0 A", away: "Q0 B", kickoff: KICKOFF }],
  });
  firstVersion = await storeModel(TRAINED);
});

afterAll(async () => {
  await svc?.stop(1_000);
  await n?.cleanup();
  await tdb?.cleanup();
});

describe("predictions", () => {
  it("generate_predictions - predicts the window's fixtures with the active model, all markets from one matrix", async () => {
    const out = await handleGeneratePredictions({ days: 14 }, testContext(NOW), { db: db() });
    expect(out).toEqual({ predicted: 3, unchanged: 0, withoutModel: ["Q0"] });
    const rows = await db().select().from(predictions).orderBy(asc(predictions.matchId));
    expect(rows.map((r) => r.matchId)).toEqual(fixtureIds);
    const [version] = await db()
      .select()
      .from(modelVersions)
      .where(eq(modelVersions.id, firstVersion));
    const fixtures = await readMatches(db(), {
      leagues: ["P0"],
      status: "scheduled",
      before: new Date("2024-04-01T00:00:00Z"),
    });
    for (const r of rows) {
      const f = fixtures.find((x) => x.matchId === r.matchId)!;
      // The stored row is the one predictionRow makes from the active version for this fixture
      // (its mapping is unit-tested on its own), stored and read back unchanged.
      const odds = { bookmaker: "pinnacle", home: 2.1, draw: 3.4, away: 3.6 };
      const model = { id: firstVersion, league: "P0", params: version!.params };
      expect(r).toMatchObject(predictionRow(model, f, NOW, odds));
      expect(r.pHome + r.pDraw + r.pAway).toBeCloseTo(1, 12);
      expect(r.over25 + r.under25).toBeCloseTo(1, 12);
      expect(r.bttsYes + r.bttsNo).toBeCloseTo(1, 12);
    }
  });

  it("generate_predictions - running it twice changes nothing", async () => {
    const before = await db().select().from(predictions).orderBy(asc(predictions.id));
    const out = await handleGeneratePredictions(
      { days: 14 },
      testContext(new Date(NOW.getTime() + 3_600_000)),
      { db: db() },
    );
    expect(out).toEqual({ predicted: 0, unchanged: 3, withoutModel: ["Q0"] });
    expect(await db().select().from(predictions).orderBy(asc(predictions.id))).toEqual(before);
  });

  it("generate_predictions - with the clock at kick-off, nothing is written for the matches kicking off then", async () => {
    await storeModel(new Date(KICKOFF.getTime() - 3_600_000));
    const out = await handleGeneratePredictions({ days: 14 }, testContext(KICKOFF), { db: db() });
    // Only the 17:30 match is still ahead; the two 15:00 matches get no prediction from the new
    // model, and Q0's only fixture (15:00 too) is no longer upcoming, so no league lacks a model.
    expect(out).toEqual({ predicted: 1, unchanged: 0, withoutModel: [] });
    const rows = await db().select().from(predictions).orderBy(asc(predictions.id));
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.madeAt.getTime()).toBeLessThan(r.kickoff.getTime());
    expect(rows[3]!.matchId).toBe(fixtureIds[2]);
    await expect(
      handleGeneratePredictionForMatch({ match_id: String(fixtureIds[0]) }, testContext(KICKOFF), {
        db: db(),
      }),
    ).rejects.toThrow(/kicked off at 2024-03-09T15:00:00.000Z/);
  });

  it("generate_prediction_for_match - predicts one match; unknown ids and leagues without a model are permanent errors", async () => {
    const out = await handleGeneratePredictionForMatch(
      { match_id: String(fixtureIds[0]) },
      testContext(NOW),
      { db: db() },
    );
    const [stored] = await db()
      .select()
      .from(predictions)
      .where(eq(predictions.matchId, fixtureIds[0]!))
      .orderBy(asc(predictions.id));
    expect(out).toEqual({
      matchId: String(fixtureIds[0]),
      predictionId: String(stored!.id),
      pHome: stored!.pHome,
      pDraw: stored!.pDraw,
      pAway: stored!.pAway,
    });
    for (const id of ["999999", "abc"]) {
      const err = await handleGeneratePredictionForMatch({ match_id: id }, testContext(NOW), {
        db: db(),
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NonRetryableError);
      expect((err as Error).message).toBe(`unknown match id "${id}"`);
    }
    const [q0] = await readMatches(db(), { leagues: ["Q0"] });
    await expect(
      handleGeneratePredictionForMatch({ match_id: q0!.id }, testContext(NOW), { db: db() }),
    ).rejects.toThrow("league Q0 has no model yet: run retrain_model first");
  });

  it("validate_predictions - scores the last prediction made before kick-off against hand-checked numbers; idempotent; follows corrections", async () => {
    // A match with two hand-written predictions: one before kick-off, one (wrongly) after it.
    const kickoff = new Date("2024-03-02T15:00:00Z");
    handMatchId = (
      await seedLeague(db(), {
        league: "P0",
        season: "2324",
        matches: [{ home: "P0 Y", away: "P0 Z", kickoff }],
      })
    ).matchIds[0]!;
    const base = {
      league: "P0",
      season: "2324",
      kickoff,
      xgHome: 1.5,
      xgAway: 1,
      likelyHomeGoals: 1,
      likelyAwayGoals: 1,
      likelyScoreProbability: 0.1,
      over25: 0.5,
      under25: 0.5,
      bttsYes: 0.5,
      bttsNo: 0.5,
    };
    const [before] = await db()
      .insert(predictions)
      .values({
        ...base,
        modelVersionId: 101,
        matchId: handMatchId,
        madeAt: new Date("2024-03-01T06:00:00Z"),
        pHome: 0.5,
        pDraw: 0.3,
        pAway: 0.2,
      })
      .returning();
    await db()
      .insert(predictions)
      .values({
        ...base,
        modelVersionId: 102,
        matchId: handMatchId,
        madeAt: new Date("2024-03-02T15:00:00Z"),
        pHome: 0.2,
        pDraw: 0.3,
        pAway: 0.5,
      });
    await setResult(db(), handMatchId, 2, 1);
    for (const id of fixtureIds) await setResult(db(), id, 1, 0);

    const later = new Date("2024-03-10T06:00:00Z");
    const out = await handleValidatePredictions({}, testContext(later), { db: db() });
    expect(out.validated).toBe(4);
    expect(out.matchIds.sort()).toEqual([handMatchId, ...fixtureIds].map(String).sort());
    const [v] = await db().select().from(validations).where(eq(validations.matchId, handMatchId));
    // (0.5, 0.3, 0.2) on a home win: RPS ((0.5−1)² + (0.8−1)²)/2 = 0.145; Brier 0.25 + 0.09 + 0.04 = 0.38; log loss −ln 0.5.
    expect(v).toMatchObject({
      predictionId: before!.id,
      outcome: "home",
      hit: true,
      homeGoals: 2,
      awayGoals: 1,
      validatedAt: later,
    });
    expect(v!.rps).toBeCloseTo(0.145, 12);
    expect(v!.brier).toBeCloseTo(0.38, 12);
    expect(v!.logLoss).toBeCloseTo(0.6931471805599453, 12);
    // The 17:30 match: the prediction made at 15:00 by the second model counts, not the one from 5 March.
    const [late] = await db()
      .select()
      .from(validations)
      .where(eq(validations.matchId, fixtureIds[2]!));
    const [latest] = await db()
      .select()
      .from(predictions)
      .where(eq(predictions.matchId, fixtureIds[2]!))
      .orderBy(asc(predictions.madeAt))
      .then((r) => r.slice(-1));
    expect(late!.predictionId).toBe(latest!.id);
    expect(latest!.madeAt).toEqual(KICKOFF);

    expect(await handleValidatePredictions({}, testContext(later), { db: db() })).toEqual({
      validated: 0,
      matchIds: [],
    });

    await setResult(db(), handMatchId, 1, 1);
    expect(await handleValidatePredictions({}, testContext(later), { db: db() })).toEqual({
      validated: 1,
      matchIds: [String(handMatchId)],
    });
    const [corrected] = await db()
      .select()
      .from(validations)
      .where(eq(validations.matchId, handMatchId));
    // Draw: RPS ((0.5)² + (0.8−1)²)/2 = 0.145; Brier 0.25 + 0.49 + 0.04 = 0.78; log loss −ln 0.3; the favourite missed.
    expect(corrected).toMatchObject({ outcome: "draw", hit: false });
    expect(corrected!.rps).toBeCloseTo(0.145, 12);
    expect(corrected!.brier).toBeCloseTo(0.78, 12);
    expect(corrected!.logLoss).toBeCloseTo(-Math.log(0.3), 12);
  });

  it("generate_prediction_for_match - through NATS an unknown id is dead-lettered after one attempt, never retried", async () => {
    n = await connectTestNats();
    svc = await startTestService(predictionsService, {
      nats: n,
      database: tdb.database,
      env: { MATCHDAY_NOW: NOW.toISOString(), MATCHDAY_CLOCK: "frozen" },
    });
    const dlq = collect(n.nc, n.topology.dlqSubject(generatePredictionForMatch));
    try {
      const pub = await createPublisher(n.js, n.topology).publish(generatePredictionForMatch, {
        match_id: "424242",
      });
      await waitFor(() => dlq.items.length > 0, { timeoutMs: 30_000, what: "the dead letter" });
      expect(dlq.items[0]!.headers).toMatchObject({
        [Header.DlqReason]: "non_retryable",
        [Header.DlqError]: 'NonRetryableError: unknown match id "424242"',
      });
      await new Promise((r) => setTimeout(r, 1_500)); // past the ack wait a redelivery would need
      const runs = await listRuns(db(), { runId: pub.runId });
      expect(runs.map((r) => [r.attempt, r.status])).toEqual([[1, "failed"]]);
      expect(dlq.items).toHaveLength(1);
    } finally {
      dlq.stop();
    }
  });
});
