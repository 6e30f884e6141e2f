/**
 * `update_season_stats`, the pure part: SofaScore season-statistics JSON → typed columns (the
 * mapping table below), per-90 rates, and the FPL season totals, with the "no data" rule.
 *
 * - Typed columns: each entry of {@link SEASON_STAT_COLUMNS} maps one SofaScore JSON key to a
 *   snake_case column with a type and unit. A key that is absent gives `null` (not reported), a
 *   value of the wrong kind (non-number, or a fraction in an integer column) gives `null` and is
 *   listed in `invalid`; keys the table does not know are listed in `unmappedKeys` (they stay in
 *   the raw JSON kept beside the columns).
 * - Per 90: `value / minutes × 90` for the columns flagged `per90` (counts, not percentages or
 *   ratings); `null` when minutes are 0 or the value is null. SofaScore columns use SofaScore's
 *   `minutesPlayed`; FPL totals use FPL minutes.
 * - No data: a player with no league minutes in either source (FPL minutes 0 and SofaScore
 *   `minutesPlayed` absent or 0, or no SofaScore statistics at all) is recorded as
 *   `{status: "no-data", reason: "no-league-minutes"}`, not an error.
 */

/** Column value types. */
export type StatColumnType = "integer" | "decimal";
/** What a column measures. */
export type StatUnit = "count" | "minutes" | "percent" | "rating" | "expected-goals" | "goals";

/** One row of the mapping table. */
export interface SeasonStatColumn {
  /** SofaScore JSON key in `statistics`. */
  key: string;
  /** Column name (snake_case). */
  column: string;
  type: StatColumnType;
  unit: StatUnit;
  /** Whether a per-90 rate is computed for it. */
  per90: boolean;
}

const col = <K extends string, C extends string>(
  key: K,
  column: C,
  type: StatColumnType,
  unit: StatUnit,
  per90: boolean,
) => ({ key, column, type, unit, per90 }) as const;

/** The mapping table: SofaScore `statistics/overall` keys → typed columns. */
export const SEASON_STAT_COLUMNS = [
  col("rating", "rating", "decimal", "rating", false),
  col("totalRating", "total_rating", "decimal", "rating", false),
  col("countRating", "count_rating", "integer", "count", false),
  col("minutesPlayed", "minutes_played", "integer", "minutes", false),
  col("appearances", "appearances", "integer", "count", false),
  col("matchesStarted", "matches_started", "integer", "count", false),
  col("goals", "goals", "integer", "goals", true),
  col("assists", "assists", "integer", "count", true),
  col("expectedGoals", "expected_goals", "decimal", "expected-goals", true),
  col("expectedAssists", "expected_assists", "decimal", "expected-goals", true),
  col("bigChancesCreated", "big_chances_created", "integer", "count", true),
  col("bigChancesMissed", "big_chances_missed", "integer", "count", true),
  col("totalShots", "total_shots", "integer", "count", true),
  col("shotsOnTarget", "shots_on_target", "integer", "count", true),
  col("accuratePasses", "accurate_passes", "integer", "count", true),
  col("totalPasses", "total_passes", "integer", "count", true),
  col("accuratePassesPercentage", "accurate_passes_percentage", "decimal", "percent", false),
  col("keyPasses", "key_passes", "integer", "count", true),
  col("accurateLongBalls", "accurate_long_balls", "integer", "count", true),
  col("accurateLongBallsPercentage", "accurate_long_balls_percentage", "decimal", "percent", false),
  col("accurateCrosses", "accurate_crosses", "integer", "count", true),
  col("successfulDribbles", "successful_dribbles", "integer", "count", true),
  col("touches", "touches", "integer", "count", true),
  col("possessionLost", "possession_lost", "integer", "count", true),
  col("dispossessed", "dispossessed", "integer", "count", true),
  col("tackles", "tackles", "integer", "count", true),
  col("interceptions", "interceptions", "integer", "count", true),
  col("clearances", "clearances", "integer", "count", true),
  col("totalDuelsWon", "total_duels_won", "integer", "count", true),
  col("totalDuelsWonPercentage", "total_duels_won_percentage", "decimal", "percent", false),
  col("aerialDuelsWon", "aerial_duels_won", "integer", "count", true),
  col("groundDuelsWon", "ground_duels_won", "integer", "count", true),
  col("yellowCards", "yellow_cards", "integer", "count", true),
  col("redCards", "red_cards", "integer", "count", true),
  col("fouls", "fouls", "integer", "count", true),
  col("wasFouled", "was_fouled", "integer", "count", true),
  col("saves", "saves", "integer", "count", true),
  col("goalsPrevented", "goals_prevented", "decimal", "expected-goals", true),
  col("cleanSheet", "clean_sheets", "integer", "count", true),
  col("goalsConceded", "goals_conceded", "integer", "goals", true),
] as const satisfies readonly SeasonStatColumn[];

/** A column name of the table. */
export type SeasonStatColumnName = (typeof SEASON_STAT_COLUMNS)[number]["column"];
/** All typed columns (null = not reported or invalid). */
export type SeasonStatColumns = Record<SeasonStatColumnName, number | null>;
/** Per-90 rates of the `per90` columns, keyed by column name. */
export type SeasonStatPer90 = Partial<Record<SeasonStatColumnName, number | null>>;

/** Keys that describe the record rather than measure anything. */
const META_KEYS = new Set(["id", "type", "statisticsType"]);

/** The result of mapping one `statistics` object. */
export interface MappedSeasonStatistics {
  columns: SeasonStatColumns;
  /** Keys present in the JSON that the table does not map (kept only in the raw JSON). */
  unmappedKeys: string[];
  /** Mapped keys whose value had the wrong kind (their column is null). */
  invalid: { key: string; value: unknown }[];
}

/** SofaScore `statistics` object → typed columns (see the module comment). */
export function mapSeasonStatistics(
  statistics: Readonly<Record<string, unknown>>,
): MappedSeasonStatistics {
  const columns = {} as SeasonStatColumns;
  const invalid: { key: string; value: unknown }[] = [];
  const known = new Set<string>();
  for (const c of SEASON_STAT_COLUMNS) {
    known.add(c.key);
    const value = statistics[c.key];
    if (value === undefined || value === null) {
      columns[c.column] = null;
    } else if (
      typeof value !== "number" ||
      !Number.isFinite(value) ||
      (c.type === "integer" && !Number.isInteger(value))
    ) {
      columns[c.column] = null;
      invalid.push({ key: c.key, value });
    } else {
      columns[c.column] = value;
    }
  }
  const unmappedKeys = Object.keys(statistics)
    .filter((k) => !known.has(k) && !META_KEYS.has(k))
    .sort();
  return { columns, unmappedKeys, invalid };
}

/** `value` per 90 minutes; null when either is missing or minutes ≤ 0. */
export function per90(
  value: number | null | undefined,
  minutes: number | null | undefined,
): number | null {
  if (
    value === null ||
    value === undefined ||
    minutes === null ||
    minutes === undefined ||
    minutes <= 0
  )
    return null;
  return (value / minutes) * 90;
}

/** Per-90 rates of every `per90` column, over the SofaScore `minutes_played` column. */
export function seasonPer90(columns: SeasonStatColumns): SeasonStatPer90 {
  const out: SeasonStatPer90 = {};
  for (const c of SEASON_STAT_COLUMNS) {
    if (c.per90) out[c.column] = per90(columns[c.column], columns.minutes_played);
  }
  return out;
}

/** FPL season totals of one player (from his element-summary history). */
export interface FplSeasonTotals {
  /** Matches with minutes > 0. */
  appearances: number;
  minutes: number;
  goals: number;
  assists: number;
  points: number;
}

/** Sums element-summary `history` rows (one per fixture of his team). */
export function fplSeasonTotals(
  history: readonly {
    minutes: number;
    goals_scored: number;
    assists: number;
    total_points: number;
  }[],
): FplSeasonTotals {
  return history.reduce<FplSeasonTotals>(
    (t, h) => ({
      appearances: t.appearances + (h.minutes > 0 ? 1 : 0),
      minutes: t.minutes + h.minutes,
      goals: t.goals + h.goals_scored,
      assists: t.assists + h.assists,
      points: t.points + h.total_points,
    }),
    { appearances: 0, minutes: 0, goals: 0, assists: 0, points: 0 },
  );
}

/** One player's season record, or the "no data" marker. */
export type SeasonStatsRecord =
  | { status: "no-data"; reason: "no-league-minutes"; fpl: FplSeasonTotals }
  | {
      status: "ok";
      fpl: FplSeasonTotals;
      /** FPL goals, assists and points per 90 FPL minutes. */
      fplPer90: { goals: number | null; assists: number | null; points: number | null };
      /** null when SofaScore had no statistics for the player (404). */
      sofascore:
        (MappedSeasonStatistics & { per90: SeasonStatPer90; raw: Record<string, unknown> }) | null;
    };

/**
 * Combines the FPL totals and the SofaScore `statistics` object (undefined on 404) into a record,
 * applying the no-data rule.
 */
export function buildSeasonStatsRecord(
  fpl: FplSeasonTotals,
  sofaStatistics: Readonly<Record<string, unknown>> | undefined,
): SeasonStatsRecord {
  const mapped = sofaStatistics ? mapSeasonStatistics(sofaStatistics) : undefined;
  const sofaMinutes = mapped?.columns.minutes_played ?? 0;
  if (fpl.minutes <= 0 && sofaMinutes <= 0)
    return { status: "no-data", reason: "no-league-minutes", fpl };
  return {
    status: "ok",
    fpl,
    fplPer90: {
      goals: per90(fpl.goals, fpl.minutes),
      assists: per90(fpl.assists, fpl.minutes),
      points: per90(fpl.points, fpl.minutes),
    },
    sofascore:
      mapped && sofaStatistics
        ? { ...mapped, per90: seasonPer90(mapped.columns), raw: { ...sofaStatistics } }
        : null,
  };
}
