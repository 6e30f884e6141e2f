import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as z from "zod";
import { sharedDataDir } from "@matchday/shared";
import {
  FplBootstrap,
  FplElementSummary,
  FplEventLive,
  FplFixtures,
} from "../clients/schemas/fpl.js";
import { PlayerMappingFile, TeamMappingFile } from "../clients/schemas/mappings.js";
import {
  SofaAttributeOverviews,
  SofaEventResponse,
  SofaEventsPage,
  SofaHeatmap,
  SofaLineups,
  SofaPlayerSeasonStats,
  SofaRoundEvents,
} from "../clients/schemas/sofascore.js";
import { qualifyForHeatmap } from "../domain/qualify.js";
import { generateOfflineData, type GenerateResult } from "./generate-offline-data.js";
import type { GeneratedManifest } from "./manifest.js";
import { runGenerateCommand } from "./run-generate-command.js";

const DATA = sharedDataDir();
const SEASON = "2023-24";
const SEED = 20240811;
/** Tests that walk the ~2,700 generated files (slow on a busy disk). */
const FILE_WALK_MS = 120_000;

/** Every file under `dir`, relative, sorted. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
    });
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

let root: string;
let a: GenerateResult;
let b: GenerateResult;
let c: GenerateResult;
/** The lineup files of run c (seed + 1), read before run b overwrote its directory. */
let cLineups: Map<string, Buffer>;
let printed: string[];

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "matchday-generate-"));
  const options = { season: SEASON, gameweeks: [1, 3] as const, sharedDataDir: DATA };
  a = generateOfflineData({ ...options, seed: SEED, outDir: path.join(root, "a") });
  printed = [];
  const cli = ["--season", SEASON, "--gameweeks", "1-3", "--seed", String(SEED + 1)];
  c = runGenerateCommand([...cli, "--out", path.join(root, "b")], {
    sharedDataDir: DATA,
    print: (line) => printed.push(line),
  });
  cLineups = new Map(
    listFiles(c.outDir)
      .filter((f) => f.endsWith("lineups.json"))
      .map((f) => [f, readFileSync(path.join(c.outDir, f))]),
  );
  // Run b re-uses run c's directory: the generator must clear its own earlier output.
  b = generateOfflineData({ ...options, seed: SEED, outDir: path.join(root, "b") });
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
}, 300_000);

describe("determinism", () => {
  it(
    "writes byte-identical output for the same seed, even over an earlier run's output",
    () => {
      const files = listFiles(a.outDir);
      expect(files.length).toBeGreaterThan(1000);
      expect(listFiles(b.outDir)).toEqual(files);
      for (const f of files) {
        expect(
          readFileSync(path.join(b.outDir, f)).equals(readFileSync(path.join(a.outDir, f))),
          f,
        ).toBe(true);
      }
    },
    FILE_WALK_MS,
  );

  it(
    "writes different data for a different seed",
    () => {
      // The planted postponement may hit another match; compare the matches both seeds played.
      const common = listFiles(a.outDir).filter((f) => cLineups.has(f));
      expect(common.length).toBeGreaterThan(20);
      const differing = common.filter(
        (f) => !readFileSync(path.join(a.outDir, f)).equals(cLineups.get(f) as Buffer),
      );
      expect(differing).toEqual(common);
      expect(c.manifest.edgeCases).not.toEqual(a.manifest.edgeCases);
      expect(c.manifest.seed).toBe(SEED + 1);
    },
    FILE_WALK_MS,
  );

  it("the CLI prints one summary line", () => {
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^generated 2023-24 GW1-3 seed 20240812: \d+ events/);
  });

  it("refuses a non-empty directory that is not an earlier output", () => {
    const foreign = path.join(root, "foreign");
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "notes.txt"), "mine");
    expect(() =>
      generateOfflineData({
        season: SEASON,
        gameweeks: [1, 1],
        seed: 1,
        sharedDataDir: DATA,
        outDir: foreign,
      }),
    ).toThrow(/refusing/);
    expect(readFileSync(path.join(foreign, "notes.txt"), "utf8")).toBe("mine");
  });
});

describe("the output layout and the recordings", () => {
  const sofa = () => path.join(a.outDir, "sofascore");
  const fpl = () => path.join(a.outDir, "fpl", SEASON, "api");
  const seasonDir = () =>
    path.join(sofa(), "unique-tournament", "17", "season", String(a.manifest.sofascore.seasonId));

  it("copies the real bootstrap and element summaries byte for byte", () => {
    const real = path.join(DATA, "fpl", SEASON, "api");
    expect(
      readFileSync(path.join(fpl(), "bootstrap-static.json")).equals(
        readFileSync(path.join(real, "bootstrap-static.json")),
      ),
    ).toBe(true);
    expect(a.manifest.fpl.recordedElementSummaries).toContain(355);
    for (const id of a.manifest.fpl.recordedElementSummaries) {
      const rel = path.join("element-summary", `${id}.json`);
      expect(
        readFileSync(path.join(fpl(), rel)).equals(readFileSync(path.join(real, rel))),
        rel,
      ).toBe(true);
    }
    expect(a.manifest.fpl.fixturesSource).toBe("csv");
  });

  it(
    "serves one round file per gameweek and an event file for every listed event",
    () => {
      for (const round of [1, 2, 3]) {
        const { events } = SofaRoundEvents.parse(
          readJson(path.join(seasonDir(), "events", "round", `${round}.json`)),
        );
        expect(events.length).toBeGreaterThanOrEqual(9);
        for (const e of events) {
          expect(e.roundInfo?.round).toBe(round);
          const single = SofaEventResponse.parse(
            readJson(path.join(sofa(), "event", `${e.id}.json`)),
          );
          expect(single.event).toEqual(e);
        }
      }
    },
    FILE_WALK_MS,
  );

  it(
    "keeps lineups consistent with the score and uses only the real sample's statistic keys",
    () => {
      const sample = readJson(
        path.join(DATA, "sofascore", "event-lineups", "lineups_team1977_vs_team1966.json"),
      ) as {
        home: { players: { statistics: Record<string, unknown> }[] };
        away: { players: { statistics: Record<string, unknown> }[] };
      };
      const realKeys = new Set(
        [...sample.home.players, ...sample.away.players].flatMap((p) => Object.keys(p.statistics)),
      );
      expect(realKeys.size).toBe(47);
      const files = listFiles(sofa()).filter((f) => f.endsWith("lineups.json"));
      expect(files.length).toBe(a.manifest.counts.lineups);
      for (const f of files) {
        const eventId = Number(f.split(path.sep)[1]);
        const lineups = SofaLineups.parse(readJson(path.join(sofa(), f)));
        const { event } = SofaEventResponse.parse(
          readJson(path.join(sofa(), "event", `${eventId}.json`)),
        );
        const sum = (side: typeof lineups.home, key: "goals" | "ownGoals") =>
          side.players.reduce((s, p) => s + (p.statistics[key] ?? 0), 0);
        expect(sum(lineups.home, "goals") + sum(lineups.away, "ownGoals"), f).toBe(
          event.homeScore.current,
        );
        expect(sum(lineups.away, "goals") + sum(lineups.home, "ownGoals"), f).toBe(
          event.awayScore.current,
        );
        for (const side of [lineups.home, lineups.away]) {
          expect(side.players.filter((p) => !p.substitute)).toHaveLength(11);
          expect(side.players.filter((p) => !p.substitute && p.position === "G")).toHaveLength(1);
          for (const p of side.players) {
            for (const key of Object.keys(p.statistics))
              expect(realKeys.has(key), `${f} ${key}`).toBe(true);
            if (p.substitute && p.statistics.minutesPlayed === undefined)
              expect(p.statistics).toEqual({});
          }
        }
      }
    },
    FILE_WALK_MS,
  );

  it(
    "writes heatmaps as integer pitch points for players who played",
    () => {
      const files = listFiles(sofa()).filter((f) => f.endsWith("heatmap.json"));
      expect(files.length).toBe(a.manifest.counts.heatmaps + a.manifest.counts.emptyHeatmaps);
      for (const f of files.slice(0, 200)) {
        for (const p of SofaHeatmap.parse(readJson(path.join(sofa(), f))).heatmap) {
          expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
        }
      }
    },
    FILE_WALK_MS,
  );

  it(
    "sums each player's lineups into his season statistics",
    () => {
      const minutesBy = new Map<number, number>();
      for (const f of listFiles(sofa()).filter((x) => x.endsWith("lineups.json"))) {
        const l = SofaLineups.parse(readJson(path.join(sofa(), f)));
        for (const p of [...l.home.players, ...l.away.players]) {
          minutesBy.set(
            p.player.id,
            (minutesBy.get(p.player.id) ?? 0) + (p.statistics.minutesPlayed ?? 0),
          );
        }
      }
      let checked = 0;
      for (const [playerId, minutes] of minutesBy) {
        const file = path.join(
          sofa(),
          "player",
          String(playerId),
          "unique-tournament",
          "17",
          "season",
          String(a.manifest.sofascore.seasonId),
          "statistics",
          "overall.json",
        );
        if (minutes === 0) {
          expect(existsSync(file)).toBe(false);
          continue;
        }
        expect(SofaPlayerSeasonStats.parse(readJson(file)).statistics.minutesPlayed).toBe(minutes);
        checked++;
      }
      expect(checked).toBe(a.manifest.counts.seasonStatistics);
    },
    FILE_WALK_MS,
  );

  it(
    "derives FPL live points that add up and agree with the lineups' minutes",
    () => {
      const live = FplEventLive.parse(readJson(path.join(fpl(), "event", "2", "live.json")));
      expect(a.manifest.fpl.live["2"]).toBe("generated");
      const mapping = PlayerMappingFile.parse(
        readJson(path.join(sofa(), "mappings", "player_mapping.json")),
      );
      const fplToSofa = new Map(
        Object.values(mapping).map((e) => [e.fpl_id, Number(e.sofasport_id)]),
      );
      const lineupMinutes = new Map<number, number>();
      const fixtures = FplFixtures.parse(readJson(path.join(fpl(), "fixtures.json")));
      for (const f of fixtures.filter((x) => x.event === 2 && x.finished)) {
        const file = path.join(sofa(), "event", String(80_023_000 + f.id), "lineups.json");
        const l = SofaLineups.parse(readJson(file));
        for (const p of [...l.home.players, ...l.away.players]) {
          lineupMinutes.set(
            p.player.id,
            (lineupMinutes.get(p.player.id) ?? 0) + (p.statistics.minutesPlayed ?? 0),
          );
        }
      }
      let played = 0;
      for (const el of live.elements) {
        const points = el.explain.flatMap((e) => e.stats).reduce((s, x) => s + x.points, 0);
        expect(points, `element ${el.id}`).toBe(el.stats.total_points);
        const sofaId = fplToSofa.get(el.id);
        if (sofaId !== undefined && el.stats.minutes > 0) {
          expect(lineupMinutes.get(sofaId), `element ${el.id}`).toBe(el.stats.minutes);
          played++;
        }
      }
      expect(played).toBeGreaterThan(200);
    },
    FILE_WALK_MS,
  );
});

describe("planted edge cases (as the manifest describes them)", () => {
  const m = (): GeneratedManifest => a.manifest;
  const sofa = () => path.join(a.outDir, "sofascore");
  const fpl = () => path.join(a.outDir, "fpl", SEASON, "api");
  const round = (n: number) =>
    SofaRoundEvents.parse(
      readJson(
        path.join(
          sofa(),
          "unique-tournament",
          "17",
          "season",
          String(m().sofascore.seasonId),
          "events",
          "round",
          `${n}.json`,
        ),
      ),
    ).events;
  const fixtures = () => FplFixtures.parse(readJson(path.join(fpl(), "fixtures.json")));

  it("plants every edge case", () => {
    for (const [name, value] of Object.entries(m().edgeCases)) {
      expect(value, name).not.toBeNull();
      if (Array.isArray(value)) expect(value.length, name).toBeGreaterThan(0);
    }
  });

  it("a postponed match: no date in FPL, postponed in its SofaScore round, no lineups", () => {
    const p = m().edgeCases.postponed;
    if (!p) throw new Error("no postponed match");
    expect(fixtures().find((f) => f.id === p.fixtureId)).toMatchObject({
      event: null,
      kickoff_time: null,
      team_h_score: null,
      finished: false,
    });
    const event = round(p.originalGameweek).find((e) => e.id === p.eventId);
    expect(event?.status.type).toBe("postponed");
    expect(event?.homeScore).toEqual({});
    expect(event?.hasEventPlayerHeatMap).toBe(false);
    expect(event?.startTimestamp).toBe(Date.parse(p.originalKickoff) / 1000);
    expect(existsSync(path.join(sofa(), "event", String(p.eventId), "lineups.json"))).toBe(false);
  });

  it("a match moved by more than 24 h: still in its round, FPL double and blank gameweeks", () => {
    const mv = m().edgeCases.movedKickoff;
    const dgw = m().edgeCases.doubleGameweek;
    const blank = m().edgeCases.blankGameweek;
    if (!mv || !dgw || !blank) throw new Error("no moved match");
    expect(mv.shiftHours).toBeGreaterThan(24);
    const event = round(mv.originalGameweek).find((e) => e.id === mv.eventId);
    expect(event?.startTimestamp).toBe(Date.parse(mv.newKickoff) / 1000);
    expect(event?.status.type).toBe("finished");
    const others = round(mv.originalGameweek).filter(
      (e) => e.id !== mv.eventId && e.status.type === "finished",
    );
    expect(Math.max(...others.map((e) => e.startTimestamp)) + 24 * 3600).toBeLessThan(
      event?.startTimestamp ?? 0,
    );
    expect(fixtures().find((f) => f.id === mv.fixtureId)).toMatchObject({
      event: mv.newGameweek,
      kickoff_time: mv.newKickoff,
    });

    const live = (gw: number) =>
      FplEventLive.parse(readJson(path.join(fpl(), "event", String(gw), "live.json")));
    const bootstrap = FplBootstrap.parse(readJson(path.join(fpl(), "bootstrap-static.json")));
    const player = bootstrap.elements.find((e) => e.team === dgw.fplTeamIds[0]);
    expect(live(dgw.gameweek).elements.find((e) => e.id === player?.id)?.explain).toHaveLength(2);
    expect(live(blank.gameweek).elements.find((e) => e.id === player?.id)?.explain).toEqual([]);
    for (const team of dgw.fplTeamIds) {
      expect(
        fixtures().filter(
          (f) => f.event === dgw.gameweek && (f.team_h === team || f.team_a === team),
        ),
      ).toHaveLength(2);
    }
  });

  it("a player missing from the mapping still appears in his lineups", () => {
    const missing = m().edgeCases.playerMissingFromMapping;
    if (!missing) throw new Error("none");
    const mapping = PlayerMappingFile.parse(
      readJson(path.join(sofa(), "mappings", "player_mapping.json")),
    );
    expect(mapping[String(missing.sofaPlayerId)]).toBeUndefined();
    expect(Object.values(mapping).some((e) => e.fpl_id === missing.fplElementId)).toBe(false);
    expect(missing.eventIds.length).toBeGreaterThan(0);
    for (const eventId of missing.eventIds) {
      const l = SofaLineups.parse(
        readJson(path.join(sofa(), "event", String(eventId), "lineups.json")),
      );
      expect(
        [...l.home.players, ...l.away.players].some((p) => p.player.id === missing.sofaPlayerId),
      ).toBe(true);
    }
  });

  it("unconfirmed lineups, an event without heatmaps, a qualifying player without heatmap, an empty heatmap", () => {
    const e = m().edgeCases;
    const lineups = (id: number) =>
      SofaLineups.parse(readJson(path.join(sofa(), "event", String(id), "lineups.json")));
    expect(lineups(e.unconfirmedLineups?.eventId ?? 0).confirmed).toBe(false);

    const noHeat = e.eventWithoutHeatmaps?.eventId ?? 0;
    expect(
      SofaEventResponse.parse(readJson(path.join(sofa(), "event", `${noHeat}.json`))).event
        .hasEventPlayerHeatMap,
    ).toBe(false);
    expect(existsSync(path.join(sofa(), "event", String(noHeat), "player"))).toBe(false);

    const without = e.playerWithoutHeatmap;
    if (!without) throw new Error("none");
    expect(
      existsSync(
        path.join(
          sofa(),
          "event",
          String(without.eventId),
          "player",
          String(without.sofaPlayerId),
          "heatmap.json",
        ),
      ),
    ).toBe(false);
    const l = lineups(without.eventId);
    const entry = [...l.home.players, ...l.away.players].find(
      (p) => p.player.id === without.sofaPlayerId,
    );
    expect(entry?.statistics.minutesPlayed).toBe(without.minutes);
    expect(entry && qualifyForHeatmap(entry, 0).qualifies).toBe(true);

    const empty = e.emptyHeatmap;
    if (!empty) throw new Error("none");
    const heat = SofaHeatmap.parse(
      readJson(
        path.join(
          sofa(),
          "event",
          String(empty.eventId),
          "player",
          String(empty.sofaPlayerId),
          "heatmap.json",
        ),
      ),
    );
    expect(heat.heatmap).toEqual([]);
    expect(empty.minutes).toBeGreaterThan(0);
  });

  it("empty attribute lists: the player's own, and both", () => {
    const e = m().edgeCases;
    const attrs = (id: number | undefined) =>
      SofaAttributeOverviews.parse(
        readJson(path.join(sofa(), "player", String(id), "attribute-overviews.json")),
      );
    const own = attrs(e.emptyPlayerAttributeList?.sofaPlayerId);
    expect(own.playerAttributeOverviews).toEqual([]);
    expect(own.averageAttributeOverviews).toHaveLength(1);
    expect(attrs(e.emptyAttributeLists?.sofaPlayerId)).toEqual({
      playerAttributeOverviews: [],
      averageAttributeOverviews: [],
    });
  });

  it("players without league minutes have no season statistics (404)", () => {
    for (const id of m().edgeCases.playersWithoutSeasonStatistics.slice(0, 50)) {
      expect(
        existsSync(
          path.join(
            sofa(),
            "player",
            String(id),
            "unique-tournament",
            "17",
            "season",
            String(m().sofascore.seasonId),
          ),
        ),
      ).toBe(false);
      expect(existsSync(path.join(sofa(), "player", String(id), "attribute-overviews.json"))).toBe(
        true,
      );
    }
  });
});

describe("everything written parses with the clients' schemas", () => {
  const schemaFor = (rel: string): z.ZodType | undefined => {
    const p = rel.split(path.sep).join("/");
    if (p === "manifest.json") return undefined;
    if (p.endsWith("/bootstrap-static.json")) return FplBootstrap;
    if (p.endsWith("/fixtures.json")) return FplFixtures;
    if (/\/event\/\d+\/live\.json$/.test(p)) return FplEventLive;
    if (p.includes("/element-summary/")) return FplElementSummary;
    if (p.endsWith("mappings/team_mapping.json")) return TeamMappingFile;
    if (p.endsWith("mappings/player_mapping.json")) return PlayerMappingFile;
    if (p.includes("/events/round/")) return SofaRoundEvents;
    if (/\/events\/(last|next)\/\d+\.json$/.test(p)) return SofaEventsPage;
    if (/^sofascore\/event\/\d+\.json$/.test(p)) return SofaEventResponse;
    if (p.endsWith("/lineups.json")) return SofaLineups;
    if (p.endsWith("/heatmap.json")) return SofaHeatmap;
    if (p.endsWith("/statistics/overall.json")) return SofaPlayerSeasonStats;
    if (p.endsWith("/attribute-overviews.json")) return SofaAttributeOverviews;
    throw new Error(`unexpected file ${p}`);
  };

  it(
    "for every file of the output",
    () => {
      const failures: string[] = [];
      const perSchema = new Map<z.ZodType, number>();
      for (const rel of listFiles(a.outDir)) {
        const schema = schemaFor(rel);
        if (!schema) continue;
        const parsed = schema.safeParse(readJson(path.join(a.outDir, rel)));
        if (!parsed.success) failures.push(`${rel}: ${parsed.error.message.slice(0, 300)}`);
        perSchema.set(schema, (perSchema.get(schema) ?? 0) + 1);
      }
      expect(failures).toEqual([]);
      expect(perSchema.size).toBe(13);
    },
    FILE_WALK_MS,
  );
});

describe("a season with a recorded live file (2022-23)", () => {
  let out: GenerateResult;
  beforeAll(() => {
    out = generateOfflineData({
      season: "2022-23",
      gameweeks: [1, 2],
      seed: 5,
      sharedDataDir: DATA,
      outDir: path.join(root, "s2223"),
    });
  }, 300_000);

  it("copies the recorded gameweek-1 live file and gives its players the recorded minutes", () => {
    expect(out.manifest.fpl).toMatchObject({
      fixturesSource: "api",
      live: { "1": "recorded", "2": "generated" },
    });
    const api = path.join(out.outDir, "fpl", "2022-23", "api");
    const realLive = path.join(DATA, "fpl", "2022-23", "api", "event", "1", "live.json");
    expect(
      readFileSync(path.join(api, "event", "1", "live.json")).equals(readFileSync(realLive)),
    ).toBe(true);

    const live = FplEventLive.parse(readJson(realLive));
    const mapping = PlayerMappingFile.parse(
      readJson(path.join(out.outDir, "sofascore", "mappings", "player_mapping.json")),
    );
    const sofaToFpl = new Map(
      Object.values(mapping).map((e) => [Number(e.sofasport_id), e.fpl_id]),
    );
    const recordedMinutes = new Map(live.elements.map((e) => [e.id, e.stats.minutes]));
    let compared = 0;
    for (const r of SofaRoundEvents.parse(
      readJson(
        path.join(
          out.outDir,
          "sofascore",
          "unique-tournament",
          "17",
          "season",
          String(out.manifest.sofascore.seasonId),
          "events",
          "round",
          "1.json",
        ),
      ),
    ).events) {
      const l = SofaLineups.parse(
        readJson(path.join(out.outDir, "sofascore", "event", String(r.id), "lineups.json")),
      );
      for (const p of [...l.home.players, ...l.away.players]) {
        const fplId = sofaToFpl.get(p.player.id);
        if (fplId === undefined || (p.statistics.minutesPlayed ?? 0) === 0) continue;
        expect(p.statistics.minutesPlayed, `element ${fplId}`).toBe(recordedMinutes.get(fplId));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
    // Gameweek 1 is recorded, so neither edge case touches it.
    expect(out.manifest.edgeCases.postponed?.originalGameweek).toBe(2);
  });
});

describe("argument checking", () => {
  it("refuses unknown seasons, bad ranges and missing arguments", () => {
    expect(() =>
      generateOfflineData({
        season: "2019-20",
        gameweeks: [1, 1],
        seed: 1,
        sharedDataDir: DATA,
        outDir: path.join(root, "x"),
      }),
    ).toThrow(
      /no FPL bootstrap recorded for season 2019-20 \(recorded: 2022-23, 2023-24, 2026-27\)/,
    );
    expect(() =>
      generateOfflineData({
        season: SEASON,
        gameweeks: [3, 1],
        seed: 1,
        sharedDataDir: DATA,
        outDir: path.join(root, "x"),
      }),
    ).toThrow(/range/);
    expect(() =>
      runGenerateCommand(["--season", SEASON, "--out", "x"], { sharedDataDir: DATA }),
    ).toThrow(/missing argument/);
    expect(() =>
      runGenerateCommand(["--season", SEASON, "--gameweeks", "a-b", "--out", "x"], {
        sharedDataDir: DATA,
      }),
    ).toThrow(/--gameweeks/);
    expect(() =>
      runGenerateCommand(["--season", SEASON, "--gameweeks", "1", "--out", "x", "--seed", "1.5"], {
        sharedDataDir: DATA,
      }),
    ).toThrow(/--seed/);
  });
});
