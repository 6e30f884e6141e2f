import { SECOND } from "@matchday/shared";
import type * as z from "zod";

import { createDirectoryJsonTransport } from "./directory-json-transport.js";
import {
  BASE_HTTP_DEFAULTS,
  createHttpJsonTransport,
  type HttpSourceOptions,
} from "./http-json-transport.js";
import type { JsonTransport } from "./json-transport.js";
import { parseResponse } from "./parse-response.js";
import { pathId } from "./path-id.js";
import { FplBootstrap, FplElementSummary, FplEventLive, FplFixtures } from "./schemas/fpl.js";

/**
 * The Fantasy Premier League data the ETL reads. Every answer is checked against its zod schema
 * before it is returned (drift → `UpstreamDriftError`, nothing returned). FPL serves only the
 * current season, and its ids are per season: derive the season from the bootstrap with
 * `fplSeasonOf` and store it with every record.
 */
export interface FplSource {
  /** Where the data comes from (base URL or directory), for logs. */
  readonly origin: string;
  /** `bootstrap-static/`: teams, players, positions, gameweeks. */
  bootstrap(signal?: AbortSignal): Promise<FplBootstrap>;
  /** `fixtures/`: all fixtures of the season. */
  fixtures(signal?: AbortSignal): Promise<FplFixtures>;
  /** `element-summary/{id}/`: one player's matches. `UpstreamNotFoundError` for an unknown id. */
  elementSummary(elementId: number, signal?: AbortSignal): Promise<FplElementSummary>;
  /** `event/{gw}/live/`: every player's points in gameweek `gameweek` (1–38). */
  eventLive(gameweek: number, signal?: AbortSignal): Promise<FplEventLive>;
}

/**
 * HTTP defaults for FPL. The API publishes no limit; community tools fetch all ~700 element
 * summaries in a few minutes, so 4 requests/s (250 ms apart) is polite and keeps a full pass
 * under 3 minutes. The bootstrap is 2+ MB, hence the 20 s per-attempt timeout.
 */
export const FPL_HTTP_DEFAULTS = {
  ...BASE_HTTP_DEFAULTS,
  minIntervalMs: 250,
  timeoutMs: 20 * SECOND,
};

function createFplSource(transport: JsonTransport): FplSource {
  async function get<S extends z.ZodType>(schema: S, location: string, signal?: AbortSignal) {
    const doc = await transport.get(location, signal);
    return parseResponse(schema, doc.json, doc.where);
  }
  return {
    origin: transport.origin,
    bootstrap: async (signal) => get(FplBootstrap, "bootstrap-static", signal),
    fixtures: async (signal) => get(FplFixtures, "fixtures", signal),
    elementSummary: async (elementId, signal) =>
      get(FplElementSummary, `element-summary/${pathId(elementId, "FPL element id")}`, signal),
    eventLive: async (gameweek, signal) =>
      get(FplEventLive, `event/${pathId(gameweek, "FPL gameweek")}/live`, signal),
  };
}

/**
 * The live FPL API. `baseUrl` is `FPL_API_URL`, normally `https://fantasy.premierleague.com/api/`;
 * every path gets FPL's trailing slash (`bootstrap-static/`). Retries 429/5xx with jittered
 * backoff honouring Retry-After; 403/404 fail at once with a non-retryable error.
 */
export function createHttpFplSource(options: HttpSourceOptions): FplSource {
  return createFplSource(createHttpJsonTransport(options, FPL_HTTP_DEFAULTS, "/"));
}

/**
 * Recorded FPL answers for ONE season (`FPL_DATA_DIR`): pass the season's `api` directory, e.g.
 * `<shared data>/fpl/2022-23/api`. Layout, mirroring the API paths:
 *
 * ```
 * <dir>/bootstrap-static.json        GET bootstrap-static/
 * <dir>/fixtures.json                GET fixtures/
 * <dir>/element-summary/<id>.json    GET element-summary/<id>/
 * <dir>/event/<gw>/live.json         GET event/<gw>/live/
 * ```
 *
 * A missing file is `UpstreamNotFoundError` (like a 404); a file that fails its schema is
 * `UpstreamDriftError` naming the file.
 */
export function createDirectoryFplSource(dir: string): FplSource {
  return createFplSource(createDirectoryJsonTransport(dir));
}
