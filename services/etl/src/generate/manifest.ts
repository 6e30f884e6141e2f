/**
 * `manifest.json`, written at the root of a generated directory: what was generated from what,
 * and every planted edge case with the ids a test (or an operator) needs to find it.
 */
import type { MovedFixture, PostponedFixture } from "./fixture-edge-cases.js";

/** One planted player-level edge case. */
export interface PlantedPlayer {
  fplElementId: number;
  sofaPlayerId: number;
  /** Events the player appears in (lineups). */
  eventIds: number[];
}

/** A planted player-in-one-match edge case. */
export interface PlantedAppearance {
  eventId: number;
  fplElementId: number;
  sofaPlayerId: number;
  minutes: number;
}

/** The manifest. Contains no timestamps, so it is as deterministic as the rest. */
export interface GeneratedManifest {
  generator: "matchday-etl-generate/1";
  season: string;
  gameweeks: [number, number];
  seed: number;
  sofascore: {
    uniqueTournamentId: 17;
    seasonId: number;
    seasonIdSource: "known" | "invented";
    rounds: number[];
  };
  fpl: {
    fixturesSource: "api" | "csv";
    /** Gameweek → whether its live file is the recording or was generated. */
    live: Record<string, "recorded" | "generated">;
    recordedElementSummaries: number[];
    generatedElementSummaries: number;
  };
  teams: { fplId: number; sofaId: number; name: string; source: "mapping" | "invented" }[];
  counts: {
    events: number;
    finishedEvents: number;
    lineups: number;
    heatmaps: number;
    emptyHeatmaps: number;
    seasonStatistics: number;
    attributeOverviews: number;
    playersFromMapping: number;
    playersInvented: number;
  };
  edgeCases: {
    postponed: (PostponedFixture & { eventId: number }) | null;
    movedKickoff: (MovedFixture & { eventId: number }) | null;
    doubleGameweek: { gameweek: number; fplTeamIds: number[]; fixtureIds: number[] } | null;
    blankGameweek: { gameweek: number; fplTeamIds: number[] } | null;
    playerMissingFromMapping: PlantedPlayer | null;
    unconfirmedLineups: { eventId: number } | null;
    eventWithoutHeatmaps: { eventId: number } | null;
    playerWithoutHeatmap: PlantedAppearance | null;
    emptyHeatmap: PlantedAppearance | null;
    emptyPlayerAttributeList: { fplElementId: number; sofaPlayerId: number } | null;
    emptyAttributeLists: { fplElementId: number; sofaPlayerId: number } | null;
    /** Mapped players with no league minutes in the range: no season-statistics file (404). */
    playersWithoutSeasonStatistics: number[];
  };
  notes: string[];
}
