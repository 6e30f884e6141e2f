import * as z from "zod";
import {
  BaseConfig,
  blankAsUnset,
  configKeys,
  LeagueCode,
  ListEnv,
  Millis,
  optionalEnv,
  SeasonCode,
} from "@matchday/shared";
import { DEFAULT_LEAGUES } from "./clients/football-data.js";

/** A comma-separated list of distinct football-data league codes (`E0,SP1`), at least one. */
const LeagueList = ListEnv.pipe(
  z
    .array(LeagueCode)
    .min(1, "expected at least one league code, e.g. E0,SP1")
    .refine((codes) => new Set(codes).size === codes.length, "a league is listed twice"),
);

/**
 * The sync service's own variables (without the shared ones): what `.env.example` and the compose
 * file must carry for the sync service. See `SyncConfig` for the cross-field rule.
 */
export const SyncOwnConfig = z.object({
  /**
   * HTTP source: the site root, laid out like football-data.co.uk (season files at
   * `<url>mmz4281/<season>/<league>.csv`, upcoming matches at `<url>fixtures.csv`). Unset (and
   * FOOTBALL_DATA_DIR unset): https://www.football-data.co.uk/.
   */
  FOOTBALL_DATA_URL: optionalEnv(
    z.url({
      protocol: /^https?$/,
      message: "expected an http(s) URL such as https://www.football-data.co.uk/",
    }),
  ),
  /**
   * Directory source instead of HTTP (offline runs, tests): `<dir>/<season>/<league>.csv` and
   * `<dir>/fixtures.csv` or the newest `<dir>/fixtures/fixtures_<date>.csv`.
   */
  FOOTBALL_DATA_DIR: optionalEnv(z.string().min(1)),
  /** Leagues synced by the scheduled tasks, comma-separated football-data codes. */
  SYNC_LEAGUES: blankAsUnset(LeagueList.default([...DEFAULT_LEAGUES])),
  /**
   * Pins the "current season" (`2324`) instead of deriving it from the service clock (a season code
   * names the season starting in July of its first year: `2526` from 2025-07-01 UTC). For replays
   * and for a season that overruns into the next summer.
   */
  SYNC_SEASON: optionalEnv(SeasonCode),
  /** How many complete seasons before the current one `sync_historical_data` loads (1–30). */
  SYNC_HISTORY_SEASONS: blankAsUnset(z.coerce.number().int().min(1).max(30).default(5)),
  /** Per-attempt HTTP timeout in milliseconds (a season file is ~0.2 MB). */
  FOOTBALL_DATA_TIMEOUT_MS: blankAsUnset(Millis.min(1).default(30_000)),
  /** Polite rate limit: at least this many milliseconds between two requests to the site. */
  FOOTBALL_DATA_MIN_INTERVAL_MS: blankAsUnset(Millis.default(1_000)),
});

/**
 * The sync service's configuration: the shared variables plus `SyncOwnConfig`. FOOTBALL_DATA_URL and
 * FOOTBALL_DATA_DIR exclude each other: with both set the service refuses to start (one line naming
 * both), because silently preferring one would sync from a source the operator did not mean.
 */
export const SyncConfig = BaseConfig.extend(SyncOwnConfig.shape).superRefine((config, ctx) => {
  if (config.FOOTBALL_DATA_URL !== undefined && config.FOOTBALL_DATA_DIR !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["FOOTBALL_DATA_DIR"],
      message:
        "FOOTBALL_DATA_URL and FOOTBALL_DATA_DIR are both set: set FOOTBALL_DATA_URL for the website or FOOTBALL_DATA_DIR for a local directory, not both",
    });
  }
});
export type SyncConfig = z.infer<typeof SyncConfig>;

/** The variable names only the sync service reads (for the docker-compose consistency test). */
export const SYNC_CONFIG_KEYS: readonly string[] = Object.freeze(configKeys(SyncOwnConfig));
