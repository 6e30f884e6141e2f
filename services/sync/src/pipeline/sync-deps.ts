import type { Db } from "@matchday/shared";
import type { FootballDataSource } from "../clients/football-data.js";
import type { SyncConfig } from "../config.js";

/** What the scheduled sync tasks follow, from the configuration. */
export interface SyncSettings {
  /** SYNC_LEAGUES. */
  leagues: readonly string[];
  /** SYNC_SEASON: the pinned current season, or undefined to follow the service clock. */
  fixedSeason: string | undefined;
  /** SYNC_HISTORY_SEASONS: complete seasons `sync_historical_data` loads when its payload says none. */
  historySeasons: number;
}

/** What every sync handler works with besides its payload and task context. */
export interface SyncDeps {
  db: Db;
  source: FootballDataSource;
  settings: SyncSettings;
}

export function syncSettingsFromConfig(
  config: Pick<SyncConfig, "SYNC_LEAGUES" | "SYNC_SEASON" | "SYNC_HISTORY_SEASONS">,
): SyncSettings {
  return {
    leagues: [...config.SYNC_LEAGUES],
    fixedSeason: config.SYNC_SEASON,
    historySeasons: config.SYNC_HISTORY_SEASONS,
  };
}
