import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import {
  collectHeatmaps,
  createPublisher,
  eventLineups,
  fixtureMappings,
  heatmaps,
  lineupPlayers,
  playerSeasonHeatmaps,
  systemClock,
  taskRuns,
  updateFixtureMappings,
  updateLineups,
  type AnyTaskDef,
  type RunningService,
} from "@matchday/shared";
import {
  connectTestNats,
  createTestDatabase,
  finalRun,
  waitFor,
  type TestDatabase,
  type TestNats,
  startTestService,
} from "@matchday/shared/testing";
import { etlService } from "../src/index.js";
import { expectedHeatmapPairs } from "./support/expected-heatmaps.js";
import {
  generateGameweeks,
  TEST_SEASON,
  type GeneratedGameweek,
} from "./support/generated-gameweek.js";

let g: GeneratedGameweek;
let tdb: TestDatabase;
let n: TestNats;
let svc: RunningService;

beforeAll(async () => {
  g = generateGameweeks(1, 1);
  tdb = await createTestDatabase();
  n = await connectTestNats();
  svc = await startTestService(etlService, {
    nats: n,
    database: tdb.database,
    env: g.env,
    clock: systemClock,
  });
}, 60_000);

afterAll(async () => {
  await svc?.stop(1_000);
  await n?.cleanup();
  await tdb?.cleanup();
  g?.cleanup();
});

async function runsOf(task: AnyTaskDef) {
  return tdb.database.db.select().from(taskRuns).where(eq(taskRuns.task, task.name));
}

async function finished(runId: string) {
  const run = await finalRun(tdb.database.db, runId, { timeoutMs: 45_000 });
  expect(run.status).toMatch(/^(succeeded|skipped)$/);
  return run;
}

async function heatmapRows() {
  return tdb.database.db.select().from(heatmaps).where(eq(heatmaps.season, TEST_SEASON));
}

describe("lineups → heatmaps over NATS", () => {
  it("etl - fixture mappings, then lineups start collect_heatmaps, which stores each qualifying heatmap once", async () => {
    const publisher = createPublisher(n.js, n.topology);
    const mapping = await finished((await publisher.publish(updateFixtureMappings, {})).runId);
    const m = g.manifest;
    expect(mapping.result).toMatchObject({ season: TEST_SEASON, mapped: m.counts.events - 1 });
    const unmapped = (mapping.result as { unmapped: { fplFixtureId: number; reason: string }[] })
      .unmapped;
    // Only gameweek 1 was generated: every later fixture has no SofaScore event yet, and the
    // planted postponement (no gameweek in FPL, postponed in SofaScore) is reported, never mapped.
    const notLater = unmapped.filter((u) => u.reason !== "no-sofascore-event");
    expect(notLater).toEqual([
      expect.objectContaining({
        fplFixtureId: m.edgeCases.postponed!.fixtureId,
        reason: "fpl-fixture-unscheduled",
      }),
    ]);
    expect(unmapped.length).toBe(380 - (m.counts.events - 1));
    const stored = await tdb.database.db.select().from(fixtureMappings);
    expect(stored).toHaveLength(m.counts.events - 1);
    expect(stored.every((r) => r.season === TEST_SEASON && r.gameweek === 1)).toBe(true);

    const lineups = await finished((await publisher.publish(updateLineups, { gameweek: 1 })).runId);
    const result = lineups.result as {
      gameweek: number;
      fixtures: number;
      pairs: unknown[];
      unmappedPlayers: { id: number; name: string }[];
    };
    expect(result.gameweek).toBe(1);
    expect(result.fixtures).toBe(m.counts.finishedEvents);
    expect(result.pairs.length).toBeGreaterThan(200);
    // The player planted outside the mapping is kept (element null) and listed by id and name.
    const missing = m.edgeCases.playerMissingFromMapping!;
    expect(result.unmappedPlayers).toContainEqual({
      id: missing.sofaPlayerId,
      name: expect.any(String),
    });
    const [missingRow] = await tdb.database.db
      .select()
      .from(lineupPlayers)
      .where(eq(lineupPlayers.sofaPlayerId, missing.sofaPlayerId));
    expect(missingRow).toMatchObject({ fplElementId: null, sofaEventId: missing.eventIds[0] });
    const unconfirmed = await tdb.database.db
      .select()
      .from(eventLineups)
      .where(eq(eventLineups.confirmed, false));
    expect(unconfirmed.map((r) => r.sofaEventId)).toEqual([
      m.edgeCases.unconfirmedLineups!.eventId,
    ]);

    // The completion of update_lineups started collect_heatmaps (an event trigger, not a clock).
    const collect = await waitFor(
      async () => (await runsOf(collectHeatmaps)).find((r) => r.status === "succeeded"),
      { timeoutMs: 45_000, what: "collect_heatmaps run" },
    );
    expect(collect.upstreamRunId).toBe(lineups.runId);
    const eventIds = stored.map((r) => r.sofaEventId);
    const expected = expectedHeatmapPairs(g, eventIds);
    const rows = await heatmapRows();
    expect(rows.map((r) => `${r.sofaEventId}:${r.sofaPlayerId}`).sort()).toEqual(expected);
    const out = collect.result as { collected: number; unavailable: number; alreadyDone: number };
    expect(out.collected + out.unavailable).toBe(expected.length);
    expect(out.alreadyDone).toBe(0);

    // The planted unavailable heatmaps are recorded as such, with their reason.
    const reasonOf = (eventId: number, playerId: number) =>
      rows.find((r) => r.sofaEventId === eventId && r.sofaPlayerId === playerId);
    const noFile = m.edgeCases.playerWithoutHeatmap!;
    expect(reasonOf(noFile.eventId, noFile.sofaPlayerId)).toMatchObject({
      status: "unavailable",
      unavailableReason: "not-found",
    });
    const noHeatmaps = rows.filter(
      (r) => r.sofaEventId === m.edgeCases.eventWithoutHeatmaps!.eventId,
    );
    expect(noHeatmaps.length).toBeGreaterThan(0);
    expect(new Set(noHeatmaps.map((r) => r.unavailableReason))).toEqual(
      new Set(["event-without-heatmaps"]),
    );
    const empty = m.edgeCases.emptyHeatmap!;
    const emptyRow = reasonOf(empty.eventId, empty.sofaPlayerId);
    if (emptyRow)
      expect(emptyRow).toMatchObject({ status: "unavailable", unavailableReason: "empty" });
    // Predicted lineups get no heatmaps until confirmed.
    expect(rows.some((r) => r.sofaEventId === m.edgeCases.unconfirmedLineups!.eventId)).toBe(false);

    // Collected heatmaps: raw points and a grid whose shares sum to 1; season aggregates per player.
    const collected = rows.filter((r) => r.status === "collected");
    expect(collected.length).toBe(out.collected);
    for (const r of collected) {
      expect(r.points!.length).toBe(r.pointCount);
      expect(r.grid!.cells.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    }
    const aggregates = await tdb.database.db.select().from(playerSeasonHeatmaps);
    expect(aggregates).toHaveLength(new Set(collected.map((r) => r.sofaPlayerId)).size);
  });

  it("etl - the lineups completion delivered twice starts collect_heatmaps once and stores nothing twice", async () => {
    const [lineupsRun] = (await runsOf(updateLineups)).filter((r) => r.status === "succeeded");
    const before = await heatmapRows();
    const body = {
      runId: lineupsRun!.runId,
      task: updateLineups.name,
      service: updateLineups.service,
      attempt: lineupsRun!.attempt,
      status: "succeeded",
      trigger: { kind: "manual" },
      payload: lineupsRun!.payload,
      result: lineupsRun!.result,
    };
    const ack = await n.js.publish(
      n.topology.completedSubject(updateLineups),
      JSON.stringify(body),
      {
        msgID: `${lineupsRun!.runId}:completed-again`,
      },
    );
    expect(ack.duplicate).toBe(false);
    // The relay consumed the copy (nothing pending or unacknowledged on its durable) ...
    await waitFor(
      async () => {
        const info = await n.jsm.consumers.info(
          n.topology.streams.events,
          n.topology.triggerDurable(collectHeatmaps, updateLineups),
        );
        return (
          info.delivered.stream_seq >= ack.seq &&
          info.num_pending === 0 &&
          info.num_ack_pending === 0
        );
      },
      { timeoutMs: 20_000, what: "the trigger relay to take the second delivery" },
    );
    await new Promise((r) => setTimeout(r, 1_500));
    // ... and queued nothing new: still one collect_heatmaps run, the same rows.
    const runs = await runsOf(collectHeatmaps);
    expect(new Set(runs.map((r) => r.runId)).size).toBe(1);
    const after = await heatmapRows();
    expect(after.length).toBe(before.length);
    expect(after.map((r) => r.fetchedAt.getTime()).sort()).toEqual(
      before.map((r) => r.fetchedAt.getTime()).sort(),
    );
  });

  it("etl - a second update_lineups fetches only the unconfirmed lineups; its collect_heatmaps finds all done", async () => {
    const publisher = createPublisher(n.js, n.topology);
    const before = await heatmapRows();
    const again = await finished((await publisher.publish(updateLineups, { gameweek: 1 })).runId);
    expect(again.result).toMatchObject({ fixtures: 1, gameweek: 1 });
    const second = await waitFor(
      async () =>
        (await runsOf(collectHeatmaps)).find(
          (r) => r.upstreamRunId === again.runId && r.status === "succeeded",
        ),
      { timeoutMs: 45_000, what: "the second collect_heatmaps run" },
    );
    expect(second.result).toEqual({ collected: 0, unavailable: 0, alreadyDone: before.length });
    expect(await heatmapRows()).toHaveLength(before.length);
    const stillUnconfirmed = await tdb.database.db
      .select()
      .from(eventLineups)
      .where(and(eq(eventLineups.season, TEST_SEASON), eq(eventLineups.confirmed, false)));
    expect(stillUnconfirmed).toHaveLength(1);
  });
});
