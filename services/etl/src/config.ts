import * as z from "zod";
import { BaseConfig, blankAsUnset, configKeys, FplSeason, optionalEnv } from "@matchday/shared";
import { DEFAULT_RADAR_MIN_MINUTES } from "./domain/radar.js";
import { KNOWN_SOFASCORE_SEASON_IDS } from "./domain/run-season.js";

const HttpUrl = z.url({ protocol: /^https?$/, message: "expected an http(s) URL" });

/** The FPL API when neither FPL_API_URL nor FPL_DATA_DIR is set. */
export const DEFAULT_FPL_API_URL = "https://fantasy.premierleague.com/api/";
/** SofaScore's own API when neither SOFASCORE_API_URL nor SOFASCORE_DATA_DIR is set (api-v1). */
export const DEFAULT_SOFASCORE_API_URL = "https://api.sofascore.com/api/v1/";
/** The RapidAPI "SofaSport" proxy, the default URL of `SOFASCORE_API_STYLE=rapidapi`. */
export const DEFAULT_SOFASCORE_RAPIDAPI_URL = "https://sofasport.p.rapidapi.com/v1/";

/**
 * The etl service's own variables (without the shared ones): what `.env.example` and the compose
 * file must carry for it. See `EtlConfig` for the cross-field rules.
 */
export const EtlOwnConfig = z.object({
  /** FPL over HTTP (default https://fantasy.premierleague.com/api/). Excludes FPL_DATA_DIR. */
  FPL_API_URL: optionalEnv(HttpUrl),
  /** Recorded FPL answers of ONE season: the season's `api` directory (`…/fpl/2025-26/api`). */
  FPL_DATA_DIR: optionalEnv(z.string().min(1)),
  /** SofaScore over HTTP (default per SOFASCORE_API_STYLE). Excludes SOFASCORE_DATA_DIR. */
  SOFASCORE_API_URL: optionalEnv(HttpUrl),
  /** Recorded SofaScore answers in the `api/v1` layout (see `createDirectorySofaSource`). */
  SOFASCORE_DATA_DIR: optionalEnv(z.string().min(1)),
  /** `api-v1` (SofaScore's own paths) or `rapidapi` (the SofaSport proxy, `{data: …}`). */
  SOFASCORE_API_STYLE: blankAsUnset(z.enum(["api-v1", "rapidapi"]).default("api-v1")),
  /** RapidAPI key (`x-rapidapi-key`); required with `rapidapi`, refused otherwise. Never logged. */
  SOFASCORE_API_KEY: optionalEnv(z.string().min(1)),
  /**
   * The FPL season the tasks work on, `2025-26`. Unset: the season of the service clock (a season
   * starts on 1 July). A task payload may name it too, but only this one: FPL serves one season and
   * SOFASCORE_SEASON_ID belongs to it.
   */
  ETL_SEASON: optionalEnv(FplSeason),
  /** SofaScore's id of that season (76986 = 2025-26, the one known by default). */
  SOFASCORE_SEASON_ID: optionalEnv(z.coerce.number().int().positive()),
  /** Directory with `team_mapping.json` and `player_mapping.json`. Unset: the shared data's. */
  ETL_MAPPINGS_DIR: optionalEnv(z.string().min(1)),
  /** Which appearances get a heatmap: the old system's `any-of` rule, or `everyone-who-played`. */
  HEATMAP_RULE: blankAsUnset(z.enum(["any-of", "everyone-who-played"]).default("any-of")),
  /** League minutes a player needs for our radar (below: listed, no radar). */
  RADAR_MIN_MINUTES: blankAsUnset(
    z.coerce.number().int().nonnegative().default(DEFAULT_RADAR_MIN_MINUTES),
  ),
});

type EtlSettings = z.infer<typeof EtlOwnConfig>;

/** The contradictions `EtlConfig` refuses, each as one line naming the variables. */
export function etlConfigProblems(c: EtlSettings): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (c.FPL_API_URL !== undefined && c.FPL_DATA_DIR !== undefined) {
    out.push({
      path: "FPL_DATA_DIR",
      message:
        "FPL_API_URL and FPL_DATA_DIR are both set: set FPL_API_URL for the API or FPL_DATA_DIR for a local directory, not both",
    });
  }
  if (c.SOFASCORE_API_URL !== undefined && c.SOFASCORE_DATA_DIR !== undefined) {
    out.push({
      path: "SOFASCORE_DATA_DIR",
      message:
        "SOFASCORE_API_URL and SOFASCORE_DATA_DIR are both set: set one source for SofaScore, not both",
    });
  }
  if (c.SOFASCORE_API_STYLE === "rapidapi") {
    if (c.SOFASCORE_DATA_DIR !== undefined) {
      out.push({
        path: "SOFASCORE_API_STYLE",
        message:
          "SOFASCORE_API_STYLE=rapidapi with SOFASCORE_DATA_DIR: a directory is always read in the api-v1 layout",
      });
    } else if (c.SOFASCORE_API_KEY === undefined) {
      out.push({
        path: "SOFASCORE_API_KEY",
        message: "SOFASCORE_API_STYLE=rapidapi needs SOFASCORE_API_KEY (the x-rapidapi-key header)",
      });
    }
  } else if (c.SOFASCORE_API_KEY !== undefined) {
    out.push({
      path: "SOFASCORE_API_KEY",
      message:
        "SOFASCORE_API_KEY is set but SOFASCORE_API_STYLE is api-v1, which sends no key: set SOFASCORE_API_STYLE=rapidapi or unset the key",
    });
  }
  const known = c.ETL_SEASON === undefined ? undefined : KNOWN_SOFASCORE_SEASON_IDS[c.ETL_SEASON];
  if (
    known !== undefined &&
    c.SOFASCORE_SEASON_ID !== undefined &&
    known !== c.SOFASCORE_SEASON_ID
  ) {
    out.push({
      path: "SOFASCORE_SEASON_ID",
      message: `SOFASCORE_SEASON_ID ${c.SOFASCORE_SEASON_ID} is not SofaScore's id of ETL_SEASON ${c.ETL_SEASON} (${known})`,
    });
  }
  const wellFormed = c.ETL_SEASON !== undefined && FplSeason.safeParse(c.ETL_SEASON).success;
  if (wellFormed && known === undefined && c.SOFASCORE_SEASON_ID === undefined) {
    out.push({
      path: "SOFASCORE_SEASON_ID",
      message: `ETL_SEASON ${c.ETL_SEASON} needs SOFASCORE_SEASON_ID (known by default only for ${Object.keys(KNOWN_SOFASCORE_SEASON_IDS).join(", ")})`,
    });
  }
  if (c.ETL_SEASON === undefined && c.SOFASCORE_SEASON_ID !== undefined) {
    out.push({
      path: "ETL_SEASON",
      message:
        "SOFASCORE_SEASON_ID is set without ETL_SEASON: the id names one season, so name that season too",
    });
  }
  return out;
}

/**
 * The etl service's configuration: the shared variables plus `EtlOwnConfig`, refusing
 * contradictory settings (two sources for one upstream, a key without the proxy, a season id that
 * is not the season's) with one line each, before anything connects.
 */
export const EtlConfig = BaseConfig.extend(EtlOwnConfig.shape).superRefine((config, ctx) => {
  for (const p of etlConfigProblems(config)) {
    ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
  }
});
export type EtlConfig = z.infer<typeof EtlConfig>;

/** The variable names only the etl service reads (for `.env.example` and the compose file). */
export const ETL_CONFIG_KEYS: readonly string[] = Object.freeze(configKeys(EtlOwnConfig));
