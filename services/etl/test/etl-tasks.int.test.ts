import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eventLineups,
  fixtureMappings,
  isNonRetryable,
  lineupPlayers,
  playerAttributes,
  playerRadars,
  playerSeasonStats,
  type Skip,
} from "@matchday/shared";
import { createTestDatabase, testContext, type TestDatabase } from "@matchday/shared/testing";
import { createDirectoryFplSource } from "../src/clients/fpl.js";
import type { FplBootstrap } from "../src/clients/schemas/fpl.js";
import type { SofaLineups, SofaPlayerSeasonStats } from "../src/clients/schemas/sofascore.js";
import { createDirectorySofaSource } from "../src/clients/sofascore.js";
import { UpstreamDriftError } from "../src/clients/upstream-drift-error.js";
import { EtlConfig, etlSettingsFromConfig, type EtlDeps } from "../src/index.js";
import { handleRunManualUpdate } from "../src/tasks/run-manual-update.js";
import { handleUpdateFixtureMappings } from "../src/tasks/update-fixture-mappings.js";
import { handleUpdateLineups } from "../src/tasks/update-lineups.js";
import { handleUpdateRadarAttributes } from "../src/tasks/update-radar-attributes.js";
import { handleUpdateSeasonStats } from "../src/tasks/update-season-stats.js";
import {
  generateGameweeks,
  TEST_SEASON,
  ETL_TEST_NOW,
  type GeneratedGameweek,
} from "./support/generated-gameweek.js";

let g: GeneratedGameweek;
let tdb: TestDatabase;
let deps: EtlDeps;

beforeAll(async () => {
  g = generateGameweeks(1, 1, 3);
  tdb = await createTestDatabase();
  // A low radar threshold: one generated gameweek gives at most 90 minutes.
  const config = EtlConfig.parse({ ...g.env, RADAR_MIN_MINUTES: "60" });
  deps = {
    db: tdb.database.db,
    fpl: createDirectoryFplSource(g.fplDir),
    sofa: createDirectorySofaSource(g.sofaDir),
    mappingsDir: () => g.mappingsDir,
    settings: etlSettingsFromConfig(config),
  };
}, 60_000);

afterAll(async () => {
  await tdb?.cleanup();
  g?.cleanup();
});

const withoutTimes = <T extends { updatedAt: Date }>(rows: T[]) =>
  rows
    .map(({ updatedAt: _, ...rest }) => rest)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("update_fixture_mappings", () => {
  it("update_fixture_mappings - a second run over the same data stores the same rows", async () => {
    const first = await handleUpdateFixtureMappings({}, testContext(ETL_TEST_NOW), deps);
    const rows1 = withoutTimes(await tdb.database.db.select().from(fixtureMappings));
    const second = await handleUpdateFixtureMappings(
      { season: TEST_SEASON },
      testContext(ETL_TEST_NOW),
      deps,
    );
    expect(second).toEqual(first);
    expect(withoutTimes(await tdb.database.db.select().from(fixtureMappings))).toEqual(rows1);
    expect(rows1).toHaveLength(g.manifest.counts.events - 1);
  });

  it("update_fixture_mappings - a payload naming another season is refused, non-retryably", async () => {
    const err = await handleUpdateFixtureMappings(
      { season: "2024-25" },
      testContext(ETL_TEST_NOW),
      deps,
    ).catch((e: unknown) => e);
    expect(isNonRetryable(err)).toBe(true);
    expect((err as Error).message).toMatch(/serves season 2023-24.*not 2024-25/);
  });

  it("update_fixture_mappings - FPL data of another season than configured writes nothing", async () => {
    const before = await tdb.database.db.select().from(fixtureMappings);
    const wrong: EtlDeps = {
      ...deps,
      settings: { ...deps.settings, season: "2025-26", sofaSeasonId: 76986 },
    };
    await expect(handleUpdateFixtureMappings({}, testContext(ETL_TEST_NOW), wrong)).rejects.toThrow(
      /FPL serves season 2023-24, but this run is for 2025-26/,
    );
    expect(await tdb.database.db.select().from(fixtureMappings)).toEqual(before);
  });
});

describe("update_lineups", () => {
  it("update_lineups - a drifted lineups answer fails with the file and JSON path, and writes nothing", async () => {
    // The gameweek's last match: every earlier lineup parses, yet nothing may be written.
    const eventId = (await tdb.database.db.select().from(fixtureMappings))
      .sort((a, b) => b.kickoff.getTime() - a.kickoff.getTime() || b.sofaEventId - a.sofaEventId)
      .map((m) => m.sofaEventId)
      .find((id) => id !== g.manifest.edgeCases.unconfirmedLineups?.eventId)!;
    const file = path.join(g.sofaDir, "event", String(eventId), "lineups.json");
    const original = readFileSync(file, "utf8");
    const drifted = JSON.parse(original) as SofaLineups;
    (drifted.home.players[0] as unknown as Record<string, unknown>).substitute = "no";
    writeFileSync(file, JSON.stringify(drifted));
    try {
      const err = await handleUpdateLineups({ gameweek: 1 }, testContext(ETL_TEST_NOW), deps).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UpstreamDriftError);
      expect((err as Error).message).toContain(
        `drift in ${file}: home.players[0].substitute: expected boolean`,
      );
      expect(isNonRetryable(err)).toBe(true);
      expect(await tdb.database.db.select().from(eventLineups)).toEqual([]);
      expect(await tdb.database.db.select().from(lineupPlayers)).toEqual([]);
    } finally {
      writeFileSync(file, original);
    }
    const ok = await handleUpdateLineups({ gameweek: 1 }, testContext(ETL_TEST_NOW), deps);
    expect(ok).toMatchObject({ gameweek: 1, fixtures: g.manifest.counts.finishedEvents });
  });

  it("update_lineups - stores position, minutes, rating, starter and statistics per player; a re-run with all confirmed but one fetches that one", async () => {
    const rows = await tdb.database.db.select().from(lineupPlayers);
    const lineups = g.readJson<SofaLineups>(
      path.join("sofascore", "event", String(rows[0]!.sofaEventId), "lineups.json"),
    );
    const source = lineups.home.players.find((p) => (p.statistics.minutesPlayed ?? 0) > 0)!;
    const row = rows.find(
      (r) => r.sofaPlayerId === source.player.id && r.sofaEventId === rows[0]!.sofaEventId,
    )!;
    expect(row).toMatchObject({
      season: TEST_SEASON,
      side: "home",
      substitute: source.substitute,
      minutes: source.statistics.minutesPlayed,
      rating: source.statistics.rating ?? null,
      position: source.position ?? source.player.position ?? null,
    });
    expect(row.statistics).toEqual(source.statistics);
    const again = await handleUpdateLineups({ gameweek: 1 }, testContext(ETL_TEST_NOW), deps);
    expect(again).toMatchObject({ fixtures: 1 });
    expect(await tdb.database.db.select().from(lineupPlayers)).toHaveLength(rows.length);
  });
});

describe("update_season_stats and update_radar_attributes", () => {
  it("update_season_stats - FPL totals, SofaScore typed columns beside the raw JSON, per-90 rates, and no-data players", async () => {
    const result = await handleUpdateSeasonStats({}, testContext(ETL_TEST_NOW), deps);
    const bootstrap = g.readJson<FplBootstrap>(
      path.join("fpl", TEST_SEASON, "api", "bootstrap-static.json"),
    );
    expect(result).toMatchObject({ season: TEST_SEASON, players: bootstrap.elements.length });
    const rows = await tdb.database.db.select().from(playerSeasonStats);
    expect(rows).toHaveLength(bootstrap.elements.length);
    const noData = rows.filter((r) => r.status === "no-data");
    expect(noData.length).toBe((result as { noData: number }).noData);
    expect(noData.length).toBeGreaterThan(0);
    expect(noData.every((r) => r.minutes === 0 && r.noDataReason === "no-league-minutes")).toBe(
      true,
    );

    const withSofa = rows.filter((r) => r.hasSofaStats);
    // Every generated statistics file is read, except the unmapped player's (no SofaScore id known).
    expect(withSofa.length).toBe(g.manifest.counts.seasonStatistics - 1);
    const r = withSofa.find((x) => (x.sofaMinutesPlayed ?? 0) >= 60)!;
    const file = g.readJson<SofaPlayerSeasonStats>(
      path.join(
        "sofascore",
        "player",
        String(r.sofaPlayerId),
        "unique-tournament",
        "17",
        "season",
        String(g.manifest.sofascore.seasonId),
        "statistics",
        "overall.json",
      ),
    );
    expect(r.sofaRaw).toEqual(file.statistics);
    expect(r.sofaMinutesPlayed).toBe(file.statistics.minutesPlayed);
    expect(r.sofaTotalPasses).toBe(file.statistics.totalPasses ?? null);
    expect(r.sofaPer90!.total_passes).toBeCloseTo(
      ((file.statistics.totalPasses ?? 0) / file.statistics.minutesPlayed!) * 90,
      9,
    );
    expect(r.goalsPer90).toBe(r.minutes > 0 ? (r.goals / r.minutes) * 90 : null);

    const missing = g.manifest.edgeCases.playerMissingFromMapping!;
    expect(rows.find((x) => x.fplElementId === missing.fplElementId)).toMatchObject({
      sofaPlayerId: null,
      hasSofaStats: false,
    });
    // Idempotent: the same data gives the same rows.
    await handleUpdateSeasonStats({}, testContext(ETL_TEST_NOW), deps);
    expect(withoutTimes(await tdb.database.db.select().from(playerSeasonStats))).toEqual(
      withoutTimes(rows),
    );
  });

  it("update_radar_attributes - percentile radars within position above the minutes threshold, the rest listed; SofaScore overviews with the positional average flagged", async () => {
    const result = (await handleUpdateRadarAttributes(
      {},
      testContext(ETL_TEST_NOW),
      deps,
    )) as Exclude<Awaited<ReturnType<typeof handleUpdateRadarAttributes>>, Skip>;
    expect(result.players).toBeGreaterThan(100);
    expect(result.belowMinutes).toBeGreaterThan(100);
    const radars = await tdb.database.db.select().from(playerRadars);
    expect(radars).toHaveLength(result.players + result.belowMinutes);
    for (const r of radars) {
      if (r.status === "ranked") {
        expect(r.minutes).toBeGreaterThanOrEqual(60);
        for (const v of [r.attacking, r.technical, r.tactical, r.defending, r.creativity]) {
          if (v === null) continue;
          expect(v).toBeGreaterThan(0);
          expect(v).toBeLessThan(100);
        }
      } else {
        expect(r).toMatchObject({ status: "below-minutes", attacking: null, metrics: {} });
        expect(r.minutes).toBeLessThan(60);
      }
    }
    const attrs = await tdb.database.db.select().from(playerAttributes);
    const of = (fplElementId: number) => attrs.find((a) => a.fplElementId === fplElementId);
    const emptyOwn = g.manifest.edgeCases.emptyPlayerAttributeList!;
    expect(of(emptyOwn.fplElementId)).toMatchObject({
      source: "positional-average",
      isAverage: true,
    });
    expect(of(emptyOwn.fplElementId)!.attacking).not.toBeNull();
    const emptyBoth = g.manifest.edgeCases.emptyAttributeLists!;
    expect(of(emptyBoth.fplElementId)).toMatchObject({
      source: "none",
      isAverage: false,
      attacking: null,
    });
    expect(attrs.filter((a) => a.source === "player").length).toBeGreaterThan(100);
  });

  it("run_manual_update - runs the task an old script name maps to and answers with its result", async () => {
    const out = await handleRunManualUpdate(
      { step: "build_radar_attributes_etl" },
      testContext(ETL_TEST_NOW),
      deps,
    );
    expect(out).toMatchObject({
      step: "build_radar_attributes_etl",
      result: {
        season: TEST_SEASON,
        players: expect.any(Number),
        belowMinutes: expect.any(Number),
      },
    });
  });
});
