import { SECOND } from "@matchday/shared";
import * as z from "zod";

import { createDirectoryJsonTransport } from "./directory-json-transport.js";
import {
  BASE_HTTP_DEFAULTS,
  createHttpJsonTransport,
  type HttpSourceOptions,
} from "./http-json-transport.js";
import type { JsonTransport } from "./json-transport.js";
import { parseResponse } from "./parse-response.js";
import {
  PREMIER_LEAGUE_UNIQUE_TOURNAMENT_ID,
  sofaApiV1Paths,
  sofaRapidApiPaths,
  type SofaPageDirection,
} from "./sofascore-paths.js";
import { collectSeasonEvents } from "./sofascore-season-events.js";
import {
  SofaAttributeOverviews,
  SofaEvent,
  SofaEventResponse,
  SofaEventsPage,
  SofaHeatmap,
  SofaHeatmapPoint,
  SofaLineups,
  SofaPlayerSeasonStats,
  SofaRoundEvents,
} from "./schemas/sofascore.js";
import { isUpstreamNotFound } from "./upstream-not-found-error.js";

/** Why a player's match heatmap is not there. Recorded as "unavailable", never as a failure. */
export type HeatmapUnavailableReason =
  /** HTTP 404 or no recorded file: SofaScore keeps none for this player in this match. */
  | "not-found"
  /** An empty list: the player was in the squad but has no samples (did not play). */
  | "empty"
  /** The event says `hasEventPlayerHeatMap: false`; nothing was requested. */
  | "event-without-heatmaps";

/** A heatmap, or why there is none. Errors (timeouts, 5xx, drift) are thrown, not returned. */
export type HeatmapResult =
  | { available: false; reason: HeatmapUnavailableReason }
  | { available: true; points: SofaHeatmapPoint[] };

/**
 * The SofaScore data the ETL reads, one competition (default the Premier League, unique
 * tournament 17). Every answer is checked with its zod schema before it is returned. Event and
 * season ids are SofaScore's; events carry their `season`, which callers store with each record.
 */
export interface SofaSource {
  /** Base URL or directory, for logs. */
  readonly origin: string;
  /** Events of one round (matchweek) of a season. */
  roundEvents(seasonId: number, round: number, signal?: AbortSignal): Promise<SofaRoundEvents>;
  /** One page (0-based) of a season's past (`last`) or upcoming (`next`) events. */
  eventsPage(
    seasonId: number,
    direction: SofaPageDirection,
    page: number,
    signal?: AbortSignal,
  ): Promise<SofaEventsPage>;
  /** One event. `UpstreamNotFoundError` for an unknown id. */
  event(eventId: number, signal?: AbortSignal): Promise<SofaEvent>;
  /** Both lineups with per-player match statistics. */
  lineups(eventId: number, signal?: AbortSignal): Promise<SofaLineups>;
  /** A player's heatmap in one match; 404 and `[]` come back as `{ available: false }`. */
  heatmap(eventId: number, playerId: number, signal?: AbortSignal): Promise<HeatmapResult>;
  /** A player's overall statistics in the competition's season `seasonId`. */
  playerSeasonStats(
    playerId: number,
    seasonId: number,
    signal?: AbortSignal,
  ): Promise<SofaPlayerSeasonStats>;
  /** A player's radar ratings (this and earlier seasons) and his position's averages. */
  attributeOverviews(playerId: number, signal?: AbortSignal): Promise<SofaAttributeOverviews>;
}

/** `api-v1`: SofaScore's own paths and payloads; `rapidapi`: the SofaSport proxy (`{data: …}`). */
export type SofaApiStyle = "api-v1" | "rapidapi";

export interface HttpSofaSourceOptions extends HttpSourceOptions {
  /**
   * `api-v1` with `baseUrl` `https://api.sofascore.com/api/v1/`, or `rapidapi` with
   * `https://sofasport.p.rapidapi.com/v1/` and `headers` `x-rapidapi-key`/`x-rapidapi-host`.
   */
  style: SofaApiStyle;
  /** Default 17, the Premier League. */
  uniqueTournamentId?: number;
}

/**
 * HTTP defaults for SofaScore: one request every 500 ms, the pace the system we replace kept
 * without being blocked (SofaScore answers bursts with 403/429). A gameweek's heatmaps (10
 * matches × ~30 players) then take about 2.5 minutes.
 */
export const SOFASCORE_HTTP_DEFAULTS = {
  ...BASE_HTTP_DEFAULTS,
  minIntervalMs: 500,
  timeoutMs: 15 * SECOND,
};

/** The RapidAPI envelope around any payload. */
function envelope<S extends z.ZodType>(schema: S) {
  return z.looseObject({ data: schema });
}

function heatmapResult(points: SofaHeatmapPoint[]): HeatmapResult {
  return points.length === 0 ? { available: false, reason: "empty" } : { available: true, points };
}

async function orUnavailable(
  fetchPoints: () => Promise<SofaHeatmapPoint[]>,
): Promise<HeatmapResult> {
  try {
    return heatmapResult(await fetchPoints());
  } catch (err) {
    if (isUpstreamNotFound(err)) return { available: false, reason: "not-found" };
    throw err;
  }
}

function createSofaSource(transport: JsonTransport, style: SofaApiStyle, ut: number): SofaSource {
  async function get<S extends z.ZodType>(schema: S, location: string, signal?: AbortSignal) {
    const doc = await transport.get(location, signal);
    return parseResponse(schema, doc.json, doc.where);
  }

  if (style === "api-v1") {
    const p = sofaApiV1Paths;
    return {
      origin: transport.origin,
      roundEvents: async (seasonId, round, signal) =>
        get(SofaRoundEvents, p.roundEvents(ut, seasonId, round), signal),
      eventsPage: async (seasonId, direction, page, signal) =>
        get(SofaEventsPage, p.eventsPage(ut, seasonId, direction, page), signal),
      event: async (eventId, signal) =>
        (await get(SofaEventResponse, p.event(eventId), signal)).event,
      lineups: async (eventId, signal) => get(SofaLineups, p.lineups(eventId), signal),
      heatmap: (eventId, playerId, signal) =>
        orUnavailable(
          async () => (await get(SofaHeatmap, p.heatmap(eventId, playerId), signal)).heatmap,
        ),
      playerSeasonStats: async (playerId, seasonId, signal) =>
        get(SofaPlayerSeasonStats, p.playerSeasonStats(playerId, ut, seasonId), signal),
      attributeOverviews: async (playerId, signal) =>
        get(SofaAttributeOverviews, p.attributeOverviews(playerId), signal),
    };
  }

  const r = sofaRapidApiPaths;
  const source: SofaSource = {
    origin: transport.origin,
    // The proxy has no by-round endpoint: read the season's pages and keep the round's events.
    roundEvents: async (seasonId, round, signal) => {
      const { events } = await collectSeasonEvents(source, seasonId, { signal });
      return { events: events.filter((e) => e.roundInfo?.round === round) };
    },
    eventsPage: async (seasonId, direction, page, signal) =>
      (await get(envelope(SofaEventsPage), r.eventsPage(ut, seasonId, direction, page), signal))
        .data,
    event: async (eventId, signal) =>
      (await get(envelope(SofaEvent), r.event(eventId), signal)).data,
    lineups: async (eventId, signal) =>
      (await get(envelope(SofaLineups), r.lineups(eventId), signal)).data,
    heatmap: (eventId, playerId, signal) =>
      orUnavailable(
        async () =>
          (await get(envelope(z.array(SofaHeatmapPoint)), r.heatmap(eventId, playerId), signal))
            .data,
      ),
    playerSeasonStats: async (playerId, seasonId, signal) =>
      (
        await get(
          envelope(SofaPlayerSeasonStats),
          r.playerSeasonStats(playerId, ut, seasonId),
          signal,
        )
      ).data,
    attributeOverviews: async (playerId, signal) =>
      (await get(envelope(SofaAttributeOverviews), r.attributeOverviews(playerId), signal)).data,
  };
  return source;
}

/**
 * The live SofaScore API (`SOFASCORE_API_URL`), in either path style. Retries 429/5xx with
 * jittered backoff honouring Retry-After; 403/404 fail at once, non-retryable (a heatmap 404 is
 * returned as unavailable instead).
 */
export function createHttpSofaSource(options: HttpSofaSourceOptions): SofaSource {
  const { style, uniqueTournamentId, ...http } = options;
  return createSofaSource(
    createHttpJsonTransport(http, SOFASCORE_HTTP_DEFAULTS, ""),
    style,
    uniqueTournamentId ?? PREMIER_LEAGUE_UNIQUE_TOURNAMENT_ID,
  );
}

/**
 * Recorded SofaScore answers (`SOFASCORE_DATA_DIR`), in the `api/v1` form (never the RapidAPI
 * `{data: …}` envelope), one file per request path plus `.json`:
 *
 * ```
 * <dir>/unique-tournament/<ut>/season/<season>/events/round/<n>.json      {events:[Event]}
 * <dir>/unique-tournament/<ut>/season/<season>/events/last/<page>.json    {events, hasNextPage}
 * <dir>/unique-tournament/<ut>/season/<season>/events/next/<page>.json    {events, hasNextPage}
 * <dir>/event/<id>.json                                                    {event: Event}
 * <dir>/event/<id>/lineups.json                                            {confirmed, home, away}
 * <dir>/event/<id>/player/<playerId>/heatmap.json                          {heatmap:[{x,y}]}
 * <dir>/player/<id>/unique-tournament/<ut>/season/<season>/statistics/overall.json
 * <dir>/player/<id>/attribute-overviews.json
 * ```
 *
 * (`<ut>` is 17 for the Premier League.) A missing heatmap file means "SofaScore has none"
 * (unavailable, like its 404); any other missing file is `UpstreamNotFoundError`.
 */
export function createDirectorySofaSource(
  dir: string,
  options: { uniqueTournamentId?: number } = {},
): SofaSource {
  return createSofaSource(
    createDirectoryJsonTransport(dir),
    "api-v1",
    options.uniqueTournamentId ?? PREMIER_LEAGUE_UNIQUE_TOURNAMENT_ID,
  );
}

/**
 * A player's heatmap for `event`, skipping the request when the event says SofaScore keeps no
 * heatmaps for it (`hasEventPlayerHeatMap: false`).
 */
export async function fetchPlayerHeatmap(
  source: SofaSource,
  event: Pick<SofaEvent, "id" | "hasEventPlayerHeatMap">,
  playerId: number,
  signal?: AbortSignal,
): Promise<HeatmapResult> {
  if (event.hasEventPlayerHeatMap === false) {
    return { available: false, reason: "event-without-heatmaps" };
  }
  return source.heatmap(event.id, playerId, signal);
}
