import type { Db } from "@matchday/shared";

import type { FplSource } from "../clients/fpl.js";
import type { SofaSource } from "../clients/sofascore.js";
import type { EtlConfig } from "../config.js";
import { DEFAULT_QUALIFY_RULE, QualifyRule } from "../domain/qualify.js";

/** The knobs of the ETL tasks, from the configuration. */
export interface EtlSettings {
  /** `ETL_SEASON`; undefined: the season of the service clock. */
  season: string | undefined;
  /** `SOFASCORE_SEASON_ID`; undefined: the known id of the season. */
  sofaSeasonId: number | undefined;
  /** Which appearances get a heatmap (`HEATMAP_RULE`). */
  heatmapRule: QualifyRule;
  /** Minimum league minutes for our radar (`RADAR_MIN_MINUTES`). */
  radarMinMinutes: number;
}

/** What every ETL handler works with; one instance per service, shared by its handlers. */
export interface EtlDeps {
  db: Db;
  fpl: FplSource;
  sofa: SofaSource;
  /** The directory of the id mapping files (resolved when a task first needs it). */
  mappingsDir: () => string;
  settings: EtlSettings;
}

/** `EtlSettings` from the parsed configuration. */
export function etlSettingsFromConfig(
  config: Pick<
    EtlConfig,
    "ETL_SEASON" | "SOFASCORE_SEASON_ID" | "HEATMAP_RULE" | "RADAR_MIN_MINUTES"
  >,
): EtlSettings {
  return {
    season: config.ETL_SEASON,
    sofaSeasonId: config.SOFASCORE_SEASON_ID,
    heatmapRule:
      config.HEATMAP_RULE === "any-of"
        ? DEFAULT_QUALIFY_RULE
        : QualifyRule.parse({ mode: "everyone-who-played" }),
    radarMinMinutes: config.RADAR_MIN_MINUTES,
  };
}
