/**
 * `generateOfflineData`: writes a directory the ETL's directory sources can serve whole gameweeks
 * from, offline.
 *
 * Layout (mirrors the real data pack and the `api/v1` paths):
 *
 * ```
 * <out>/manifest.json
 * <out>/fpl/<season>/api/bootstrap-static.json         recorded, copied byte for byte
 * <out>/fpl/<season>/api/fixtures.json                 recorded (JSON, or vaastav CSV converted) + edge-case overlay
 * <out>/fpl/<season>/api/event/<gw>/live.json          recorded when it exists, else derived
 * <out>/fpl/<season>/api/element-summary/<id>.json     recorded when it exists, else derived (every element)
 * <out>/sofascore/mappings/{team,player}_mapping.json  this season's FPL ids ↔ SofaScore ids
 * <out>/sofascore/unique-tournament/17/season/<sid>/events/round/<n>.json
 * <out>/sofascore/unique-tournament/17/season/<sid>/events/{last,next}/<page>.json   paged, hasNextPage
 * <out>/sofascore/event/<id>.json
 * <out>/sofascore/event/<id>/lineups.json                              finished events only
 * <out>/sofascore/event/<id>/player/<pid>/heatmap.json                  absent = 404
 * <out>/sofascore/player/<pid>/unique-tournament/17/season/<sid>/statistics/overall.json
 * <out>/sofascore/player/<pid>/attribute-overviews.json
 * ```
 *
 * One season per output directory. The same options (including the seed) give byte-identical
 * output; nothing depends on the clock or on directory listing order.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { FplElement, FplFixture } from "../clients/schemas/fpl.js";
import { PlayerMappingFile, TeamMappingFile } from "../clients/schemas/mappings.js";
import { buildElementSummary, buildEventLive, type FplDialect } from "./fpl-derived.js";
import { planFixtureEdgeCases } from "./fixture-edge-cases.js";
import type { GeneratedManifest, PlantedAppearance } from "./manifest.js";
import { sofaPositionOf, type SofaPosition } from "./player-profile.js";
import { createRng, hashString } from "./prng.js";
import { loadSeasonRecordings } from "./season-recordings.js";
import { simulateMatch, type SimulatedMatch, type SimulatedPlayer } from "./simulate-match.js";
import {
  playerAttributeOverviews,
  positionalAverages,
  type AttributeOverviewJson,
} from "./sofa-attribute-overviews.js";
import { buildSofaEvent, type GeneratedSofaEvent } from "./sofa-event.js";
import { sofaEventPages } from "./sofa-event-pages.js";
import { buildHeatmapPoints } from "./sofa-heatmap.js";
import { buildSofaLineups } from "./sofa-lineups.js";
import { buildSeasonStatistics } from "./sofa-season-statistics.js";
import {
  resolveSofaPlayers,
  resolveSofaTeams,
  sofaEventIdFor,
  sofaSeasonFor,
} from "./sofascore-ids.js";
import { createOutputWriter } from "./write-json.js";

/** Options of {@link generateOfflineData}. */
export interface GenerateOptions {
  /** FPL season code, e.g. "2023-24" (must have a recorded bootstrap). */
  season: string;
  /** Inclusive FPL gameweek range, e.g. [1, 3]. */
  gameweeks: readonly [number, number];
  /** Any integer; the same seed gives byte-identical output. */
  seed: number;
  /** The recorded data pack (`sharedDataDir()` from @matchday/shared). */
  sharedDataDir: string;
  /** Output directory: created, or emptied when it holds an earlier generator output. */
  outDir: string;
}

/** What {@link generateOfflineData} wrote. */
export interface GenerateResult {
  outDir: string;
  manifest: GeneratedManifest;
  filesWritten: number;
}

const UNIQUE_TOURNAMENT = 17;

function prepareOutDir(outDir: string): void {
  if (!existsSync(outDir)) {
    mkdirSync(outDir, { recursive: true });
    return;
  }
  const entries = readdirSync(outDir);
  if (entries.length === 0) return;
  if (!entries.includes("manifest.json")) {
    throw new Error(
      `refusing to write into ${outDir}: it is not empty and holds no manifest.json of an earlier run`,
    );
  }
  for (const name of ["fpl", "sofascore", "manifest.json"])
    rmSync(path.join(outDir, name), { recursive: true, force: true });
}

function isPlayed(f: FplFixture): boolean {
  return (
    (f.finished || f.finished_provisional) && f.team_h_score !== null && f.team_a_score !== null
  );
}

const byKickoff = (a: FplFixture, b: FplFixture) =>
  (a.event ?? Infinity) - (b.event ?? Infinity) ||
  Date.parse(a.kickoff_time ?? "9999") - Date.parse(b.kickoff_time ?? "9999") ||
  a.id - b.id;

/** Writes the offline data set described in the module comment and returns its manifest. */
export function generateOfflineData(options: GenerateOptions): GenerateResult {
  const { season, seed, sharedDataDir, outDir } = options;
  const [from, to] = options.gameweeks;
  const rec = loadSeasonRecordings(sharedDataDir, season);
  const gwCount = rec.bootstrap.events.length;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to > gwCount) {
    throw new Error(`gameweeks must be a range within 1-${gwCount}, got ${from}-${to}`);
  }
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  prepareOutDir(outDir);
  const out = createOutputWriter(outDir);
  const write = out.json;
  const copy = out.copy;

  // --- identities -------------------------------------------------------------------------
  const mappingDir = path.join(sharedDataDir, "sofascore", "mappings");
  const readMapping = (name: string): unknown =>
    JSON.parse(readFileSync(path.join(mappingDir, name), "utf8"));
  const teams = resolveSofaTeams(
    rec.bootstrap.teams,
    TeamMappingFile.parse(readMapping("team_mapping.json")),
  );
  const elements = [...rec.bootstrap.elements].sort((a, b) => a.id - b.id);
  const players = resolveSofaPlayers(
    elements,
    PlayerMappingFile.parse(readMapping("player_mapping.json")),
  );
  const sofaSeason = sofaSeasonFor(season);
  const eventIdOf = (fixtureId: number) => sofaEventIdFor(season, fixtureId);
  const squads = new Map<number, FplElement[]>();
  for (const el of elements) squads.set(el.team, [...(squads.get(el.team) ?? []), el]);
  const elementById = new Map(elements.map((el) => [el.id, el]));
  const sofaTeamOf = (fplTeamId: number) => {
    const t = teams.get(fplTeamId);
    if (!t) throw new Error(`FPL team ${fplTeamId} is not in the bootstrap`);
    return t;
  };
  const sofaPlayerOf = (elementId: number) => {
    const p = players.get(elementId);
    if (!p) throw new Error(`FPL element ${elementId} has no SofaScore identity`);
    return p;
  };

  // --- fixtures and their overlay ---------------------------------------------------------
  const protectedTeams = new Set(
    [...rec.elementSummaryPaths.keys()]
      .map((id) => elementById.get(id)?.team)
      .filter((t): t is number => t !== undefined),
  );
  const overlay = planFixtureEdgeCases({
    seed,
    fixtures: rec.fixtures,
    gameweeks: [from, to],
    protectedTeams,
    protectedGameweeks: new Set(rec.livePaths.keys()),
    deadlines: new Map(rec.bootstrap.events.map((e) => [e.id, e.deadline_time])),
  });
  const originalById = new Map(rec.fixtures.map((f) => [f.id, f]));
  const inRange = (gw: number | null): gw is number => gw !== null && gw >= from && gw <= to;
  const simulated: SimulatedMatch[] = overlay.fixtures
    .filter((f) => inRange(f.event) && isPlayed(f))
    .sort(byKickoff)
    .map((fixture) =>
      simulateMatch({ seed, fixture, squads, recorded: rec.appearances.get(fixture.id) }),
    );
  const simulatedByEvent = new Map(simulated.map((m) => [eventIdOf(m.fixture.id), m]));

  // --- player-level edge cases ------------------------------------------------------------
  const edgeRng = createRng(seed, "player-edge-cases");
  const eventIds = [...simulatedByEvent.keys()].sort((a, b) => a - b);
  const realPlayers = new Set(rec.elementSummaryPaths.keys());
  const unconfirmedEventId = eventIds.length > 0 ? edgeRng.pick(eventIds) : null;
  const noHeatmapEvents = eventIds.filter((id) => id !== unconfirmedEventId);
  const eventWithoutHeatmapsId = noHeatmapEvents.length > 0 ? edgeRng.pick(noHeatmapEvents) : null;
  const appearancesIn = (eventId: number) => {
    const m = simulatedByEvent.get(eventId) as SimulatedMatch;
    return [...m.home.players, ...m.away.players].map((p) => ({ eventId, p }));
  };
  const heatmapCandidates = eventIds
    .filter((id) => id !== eventWithoutHeatmapsId)
    .flatMap(appearancesIn)
    .filter(({ p }) => p.minutes > 0 && !realPlayers.has(p.element.id));
  const planted = (
    x: { eventId: number; p: SimulatedPlayer } | undefined,
  ): PlantedAppearance | null =>
    x
      ? {
          eventId: x.eventId,
          fplElementId: x.p.element.id,
          sofaPlayerId: sofaPlayerOf(x.p.element.id).id,
          minutes: x.p.minutes,
        }
      : null;
  const pickFrom = <T>(list: T[]) => (list.length > 0 ? edgeRng.pick(list) : undefined);
  const withoutHeatmap = planted(
    pickFrom(heatmapCandidates.filter(({ p }) => p.started && p.minutes >= 60)),
  );
  const emptyHeatmap = planted(
    pickFrom(
      heatmapCandidates.filter(
        ({ p }) => !p.started && p.element.id !== withoutHeatmap?.fplElementId,
      ),
    ),
  );
  const takenPlayers = new Set([withoutHeatmap?.fplElementId, emptyHeatmap?.fplElementId]);
  const missingCandidate = pickFrom(
    eventIds
      .flatMap(appearancesIn)
      .filter(
        ({ p }) => p.started && !realPlayers.has(p.element.id) && !takenPlayers.has(p.element.id),
      ),
  );
  const missingElementId = missingCandidate?.p.element.id;
  if (missingElementId !== undefined) takenPlayers.add(missingElementId);
  const lineupElementIds = [
    ...new Set(eventIds.flatMap(appearancesIn).map(({ p }) => p.element.id)),
  ].sort((a, b) => a - b);
  const attrCandidates = lineupElementIds.filter(
    (id) => !takenPlayers.has(id) && !realPlayers.has(id),
  );
  const emptyPlayerAttrId = pickFrom(attrCandidates);
  const emptyAllAttrId = pickFrom(attrCandidates.filter((id) => id !== emptyPlayerAttrId));

  // --- FPL --------------------------------------------------------------------------------
  const fplApi = path.join("fpl", season, "api");
  copy(rec.bootstrapPath, path.join(fplApi, "bootstrap-static.json"));
  write(path.join(fplApi, "fixtures.json"), overlay.fixtures);
  const dialect: FplDialect = {
    hasExpected: elements.some((el) => el.expected_goals !== undefined),
  };
  const liveSource: Record<string, "recorded" | "generated"> = {};
  for (let gw = from; gw <= to; gw++) {
    const recorded = rec.livePaths.get(gw);
    const rel = path.join(fplApi, "event", String(gw), "live.json");
    if (recorded) copy(recorded, rel);
    else
      write(
        rel,
        buildEventLive(
          elements,
          simulated.filter((m) => m.fixture.event === gw),
          dialect,
        ),
      );
    liveSource[String(gw)] = recorded ? "recorded" : "generated";
  }
  const upcoming = overlay.fixtures.filter((f) => f.event === null || f.event > to).sort(byKickoff);
  let generatedSummaries = 0;
  for (const el of elements) {
    const rel = path.join(fplApi, "element-summary", `${el.id}.json`);
    const recorded = rec.elementSummaryPaths.get(el.id);
    if (recorded) {
      copy(recorded, rel);
      continue;
    }
    const selected = Math.round(
      (Number(el.selected_by_percent) / 100) * rec.bootstrap.total_players,
    );
    write(rel, buildElementSummary(el, simulated, upcoming, selected, dialect));
    generatedSummaries++;
  }

  // --- SofaScore: mappings ----------------------------------------------------------------
  const teamMapping = Object.fromEntries(
    [...teams.values()].map((t) => [
      String(t.id),
      {
        sofasport_id: String(t.id),
        sofasport_name: t.name,
        fpl_id: t.fplId,
        fpl_name: t.shortName,
        match_score: t.matchScore,
      },
    ]),
  );
  write(path.join("sofascore", "mappings", "team_mapping.json"), teamMapping, true);
  const playerMapping = Object.fromEntries(
    elements
      .filter((el) => el.id !== missingElementId)
      .map((el) => {
        const p = sofaPlayerOf(el.id);
        return [
          String(p.id),
          {
            sofasport_id: String(p.id),
            sofasport_name: p.name,
            fpl_id: el.id,
            fpl_web_name: el.web_name,
            fpl_full_name: `${el.first_name} ${el.second_name}`,
            fpl_team_id: el.team,
            sofasport_team_id: String(sofaTeamOf(el.team).id),
            match_score: p.matchScore,
          },
        ];
      }),
  );
  write(path.join("sofascore", "mappings", "player_mapping.json"), playerMapping, true);

  // --- SofaScore: rounds, events, lineups, heatmaps ---------------------------------------
  const sofaRoot = "sofascore";
  const seasonDir = path.join(
    sofaRoot,
    "unique-tournament",
    String(UNIQUE_TOURNAMENT),
    "season",
    String(sofaSeason.id),
  );
  const overlayById = new Map(overlay.fixtures.map((f) => [f.id, f]));
  let eventCount = 0;
  let heatmapCount = 0;
  let emptyHeatmapCount = 0;
  const seasonEvents: GeneratedSofaEvent[] = [];
  for (let round = from; round <= to; round++) {
    const roundFixtures = rec.fixtures
      .filter((f) => f.event === round)
      .map((f) => overlayById.get(f.id) as FplFixture)
      .filter((f) => (f.kickoff_time ?? originalById.get(f.id)?.kickoff_time) !== null);
    const events = roundFixtures.map((f) => {
      const eventId = eventIdOf(f.id);
      const postponed = overlay.postponed?.fixtureId === f.id;
      return buildSofaEvent({
        seed,
        eventId,
        round,
        kickoff: (f.kickoff_time ?? originalById.get(f.id)?.kickoff_time) as string,
        fixture: f,
        status: postponed ? "postponed" : simulatedByEvent.has(eventId) ? "finished" : "notstarted",
        season: sofaSeason,
        home: sofaTeamOf(f.team_h),
        away: sofaTeamOf(f.team_a),
        hasPlayerHeatmaps: eventId !== eventWithoutHeatmapsId,
      });
    });
    events.sort((a, b) => a.startTimestamp - b.startTimestamp || a.id - b.id);
    write(path.join(seasonDir, "events", "round", `${round}.json`), { events });
    seasonEvents.push(...events);
    for (const event of events) {
      eventCount++;
      write(path.join(sofaRoot, "event", `${event.id}.json`), { event });
      const match = simulatedByEvent.get(event.id);
      if (!match) continue;
      const lineups = buildSofaLineups(
        { seed, eventId: event.id, confirmed: event.id !== unconfirmedEventId, teams, players },
        match,
      );
      write(path.join(sofaRoot, "event", String(event.id), "lineups.json"), lineups);
      if (!event.hasEventPlayerHeatMap) continue;
      for (const p of [...match.home.players, ...match.away.players]) {
        if (p.minutes <= 0) continue;
        const isPlanted = (x: PlantedAppearance | null) =>
          x?.eventId === event.id && x.fplElementId === p.element.id;
        if (isPlanted(withoutHeatmap)) continue;
        const points = isPlanted(emptyHeatmap) ? [] : buildHeatmapPoints(seed, event.id, p);
        if (points.length === 0) emptyHeatmapCount++;
        else heatmapCount++;
        write(
          path.join(
            sofaRoot,
            "event",
            String(event.id),
            "player",
            String(sofaPlayerOf(p.element.id).id),
            "heatmap.json",
          ),
          { heatmap: points },
        );
      }
    }
  }

  const pages = sofaEventPages(seasonEvents);
  for (const direction of ["last", "next"] as const) {
    pages[direction].forEach((page, n) =>
      write(path.join(seasonDir, "events", direction, `${n}.json`), page),
    );
  }

  // --- SofaScore: season statistics and attribute overviews --------------------------------
  const appearancesByElement = new Map<number, SimulatedPlayer[]>();
  for (const m of simulated) {
    for (const p of [...m.home.players, ...m.away.players]) {
      if (p.minutes > 0)
        appearancesByElement.set(p.element.id, [
          ...(appearancesByElement.get(p.element.id) ?? []),
          p,
        ]);
    }
  }
  let seasonStatsCount = 0;
  const withoutSeasonStats: number[] = [];
  for (const el of elements) {
    const sofaId = sofaPlayerOf(el.id).id;
    const apps = appearancesByElement.get(el.id);
    if (!apps) {
      if (el.id !== missingElementId) withoutSeasonStats.push(sofaId);
      continue;
    }
    const body = buildSeasonStatistics(
      apps,
      sofaTeamOf(el.team),
      hashString(`stats:${seed}:${el.code}`) % 10_000_000,
    );
    write(
      path.join(
        sofaRoot,
        "player",
        String(sofaId),
        "unique-tournament",
        String(UNIQUE_TOURNAMENT),
        "season",
        String(sofaSeason.id),
        "statistics",
        "overall.json",
      ),
      body,
    );
    seasonStatsCount++;
  }
  const radars = new Map(elements.map((el) => [el.id, playerAttributeOverviews(seed, el)]));
  const currentByPosition = new Map<SofaPosition, AttributeOverviewJson[]>();
  for (const el of elements) {
    const current = radars.get(el.id)?.find((o) => o.yearShift === 0);
    const pos = sofaPositionOf(el.element_type);
    if (current) currentByPosition.set(pos, [...(currentByPosition.get(pos) ?? []), current]);
  }
  const averages = positionalAverages(currentByPosition, seed);
  for (const el of elements) {
    const average = averages.get(sofaPositionOf(el.element_type));
    const body = {
      playerAttributeOverviews:
        el.id === emptyPlayerAttrId || el.id === emptyAllAttrId ? [] : radars.get(el.id),
      averageAttributeOverviews: el.id === emptyAllAttrId || !average ? [] : [average],
    };
    write(
      path.join(sofaRoot, "player", String(sofaPlayerOf(el.id).id), "attribute-overviews.json"),
      body,
    );
  }

  // --- manifest ---------------------------------------------------------------------------
  const moved = overlay.moved;
  const dgwFixtures = moved
    ? overlay.fixtures
        .filter(
          (f) =>
            f.event === moved.newGameweek &&
            moved.fplTeamIds.some((t) => t === f.team_h || t === f.team_a),
        )
        .map((f) => f.id)
        .sort((a, b) => a - b)
    : [];
  const idFor = (elementId: number | undefined) =>
    elementId === undefined
      ? null
      : { fplElementId: elementId, sofaPlayerId: sofaPlayerOf(elementId).id };
  const manifest: GeneratedManifest = {
    generator: "matchday-etl-generate/1",
    season,
    gameweeks: [from, to],
    seed,
    sofascore: {
      uniqueTournamentId: UNIQUE_TOURNAMENT,
      seasonId: sofaSeason.id,
      seasonIdSource: season === "2025-26" ? "known" : "invented",
      rounds: Array.from({ length: to - from + 1 }, (_, k) => from + k),
    },
    fpl: {
      fixturesSource: rec.fixturesSource,
      live: liveSource,
      recordedElementSummaries: [...rec.elementSummaryPaths.keys()].sort((a, b) => a - b),
      generatedElementSummaries: generatedSummaries,
    },
    teams: [...teams.values()].map((t) => ({
      fplId: t.fplId,
      sofaId: t.id,
      name: t.name,
      source: t.source,
    })),
    counts: {
      events: eventCount,
      finishedEvents: simulated.length,
      lineups: simulated.length,
      heatmaps: heatmapCount,
      emptyHeatmaps: emptyHeatmapCount,
      seasonStatistics: seasonStatsCount,
      attributeOverviews: elements.length,
      playersFromMapping: [...players.values()].filter((p) => p.source === "mapping").length,
      playersInvented: [...players.values()].filter((p) => p.source === "invented").length,
    },
    edgeCases: {
      postponed: overlay.postponed
        ? { ...overlay.postponed, eventId: eventIdOf(overlay.postponed.fixtureId) }
        : null,
      movedKickoff: moved ? { ...moved, eventId: eventIdOf(moved.fixtureId) } : null,
      doubleGameweek: moved
        ? {
            gameweek: moved.newGameweek,
            fplTeamIds: [...moved.fplTeamIds],
            fixtureIds: dgwFixtures,
          }
        : null,
      blankGameweek: moved
        ? { gameweek: moved.originalGameweek, fplTeamIds: [...moved.fplTeamIds] }
        : null,
      playerMissingFromMapping:
        missingElementId !== undefined
          ? {
              fplElementId: missingElementId,
              sofaPlayerId: sofaPlayerOf(missingElementId).id,
              eventIds: eventIds.filter((id) =>
                appearancesIn(id).some(({ p }) => p.element.id === missingElementId),
              ),
            }
          : null,
      unconfirmedLineups: unconfirmedEventId !== null ? { eventId: unconfirmedEventId } : null,
      eventWithoutHeatmaps:
        eventWithoutHeatmapsId !== null ? { eventId: eventWithoutHeatmapsId } : null,
      playerWithoutHeatmap: withoutHeatmap,
      emptyHeatmap,
      emptyPlayerAttributeList: idFor(emptyPlayerAttrId),
      emptyAttributeLists: idFor(emptyAllAttrId),
      playersWithoutSeasonStatistics: withoutSeasonStats.sort((a, b) => a - b),
    },
    notes: [
      "FPL bootstrap, fixtures and any recorded live/element-summary files are the real recordings; fixtures carry the postponed/moved overlay listed under edgeCases.",
      "SofaScore ids: teams and players from the 2025/26 mapping files matched by name, others invented (team 990000+code, player 90000000+code); event id 80000000+(start year mod 100)*1000+FPL fixture id; season id invented unless 2025-26 (76986).",
      "Matchday squads follow the FPL fixture stats (everyone with a bps entry played); starters, substitutions and SofaScore per-match statistics are simulated from the seed.",
      "Goals conceded per player are the team's goals scaled by minutes/90; clean sheets need 60+ minutes and a team clean sheet; influence/creativity/threat are simple sums of simulated statistics.",
      "SofaScore season statistics sum the generated gameweeks only; players with no minutes there have no statistics file (404).",
      "Element summaries of generated players have history for the generated gameweeks only and an empty history_past.",
    ],
  };
  write("manifest.json", manifest, true);
  return { outDir, manifest, filesWritten: out.count };
}
