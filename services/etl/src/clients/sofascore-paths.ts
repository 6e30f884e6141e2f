import { pathId } from "./path-id.js";

/** SofaScore's id of the Premier League as a competition ("unique tournament"). */
export const PREMIER_LEAGUE_UNIQUE_TOURNAMENT_ID = 17;

/** Which page list of a season: past matches (`last`) or upcoming ones (`next`). */
export type SofaPageDirection = "last" | "next";

/**
 * SofaScore's own `api/v1` paths, relative to `https://api.sofascore.com/api/v1/`. The directory
 * source uses the same paths with `.json` appended, so this is also the recorded layout.
 */
export const sofaApiV1Paths = {
  roundEvents: (ut: number, seasonId: number, round: number) =>
    `unique-tournament/${pathId(ut, "unique tournament id")}/season/${pathId(seasonId, "season id")}/events/round/${pathId(round, "round")}`,
  eventsPage: (ut: number, seasonId: number, direction: SofaPageDirection, page: number) =>
    `unique-tournament/${pathId(ut, "unique tournament id")}/season/${pathId(seasonId, "season id")}/events/${direction}/${pathId(page, "page")}`,
  event: (eventId: number) => `event/${pathId(eventId, "event id")}`,
  lineups: (eventId: number) => `event/${pathId(eventId, "event id")}/lineups`,
  heatmap: (eventId: number, playerId: number) =>
    `event/${pathId(eventId, "event id")}/player/${pathId(playerId, "player id")}/heatmap`,
  playerSeasonStats: (playerId: number, ut: number, seasonId: number) =>
    `player/${pathId(playerId, "player id")}/unique-tournament/${pathId(ut, "unique tournament id")}/season/${pathId(seasonId, "season id")}/statistics/overall`,
  attributeOverviews: (playerId: number) =>
    `player/${pathId(playerId, "player id")}/attribute-overviews`,
} as const;

function query(endpoint: string, params: Record<string, string>): string {
  return `${endpoint}?${new URLSearchParams(params).toString()}`;
}

/**
 * The RapidAPI "SofaSport" proxy's query-parameter endpoints, relative to
 * `https://sofasport.p.rapidapi.com/v1/`. Each answers `{"data": <api/v1 payload>}`; the proxy has
 * no events-by-round endpoint (the source derives it from the season pages).
 */
export const sofaRapidApiPaths = {
  eventsPage: (ut: number, seasonId: number, direction: SofaPageDirection, page: number) =>
    query("seasons/events", {
      seasons_id: pathId(seasonId, "season id"),
      unique_tournament_id: pathId(ut, "unique tournament id"),
      course_events: direction,
      page: pathId(page, "page"),
    }),
  event: (eventId: number) => query("events/data", { event_id: pathId(eventId, "event id") }),
  lineups: (eventId: number) => query("events/lineups", { event_id: pathId(eventId, "event id") }),
  heatmap: (eventId: number, playerId: number) =>
    query("events/player-heatmap", {
      event_id: pathId(eventId, "event id"),
      player_id: pathId(playerId, "player id"),
    }),
  playerSeasonStats: (playerId: number, ut: number, seasonId: number) =>
    query("players/statistics/result", {
      player_id: pathId(playerId, "player id"),
      unique_tournament_id: pathId(ut, "unique tournament id"),
      seasons_id: pathId(seasonId, "season id"),
      player_stat_type: "overall",
    }),
  attributeOverviews: (playerId: number) =>
    query("players/attribute-overviews", { player_id: pathId(playerId, "player id") }),
} as const;
