import { currentSeason, previousSeasons } from "@matchday/shared";

/** One season file to sync. */
export interface SeasonTarget {
  league: string;
  season: string;
}

/** What the scheduled tasks read from configuration to choose their files. */
export interface PlanSettings {
  leagues: readonly string[];
  /** A pinned current season (SYNC_SEASON), or undefined to follow the clock. */
  fixedSeason: string | undefined;
}

/**
 * The current season of every league, in configuration order: what `sync_all_leagues` and
 * `update_recent_results` read. `now` is the service clock; the season turns on July 1 (UTC).
 */
export function currentSeasonTargets(settings: PlanSettings, now: Date): SeasonTarget[] {
  const season = currentSeason(now, settings.fixedSeason);
  return settings.leagues.map((league) => ({ league, season }));
}

/**
 * The `count` complete seasons before the current one, oldest season first and, within a season, in
 * configuration order: what `sync_historical_data` reads. On 5 April 2024 with count 2:
 * 2122 then 2223 (2324 is still being played).
 */
export function historicalTargets(
  settings: PlanSettings,
  now: Date,
  count: number,
): SeasonTarget[] {
  const current = currentSeason(now, settings.fixedSeason);
  return previousSeasons(current, count).flatMap((season) =>
    settings.leagues.map((league) => ({ league, season })),
  );
}
