import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

/**
 * The etl service's tables: FPL ↔ SofaScore fixture mappings, lineups, heatmaps, season statistics
 * and radars. Only the etl service writes them. FPL ids (teams 1–20, fixtures 1–380, elements) are
 * per season and SofaScore ids are not, so EVERY primary key starts with `season` (`2025-26`):
 * next season's ids never overwrite this season's.
 */
export const etl = pgSchema("etl");

const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/** `collected` (points and grid stored) or `unavailable` (SofaScore has none: never fetched again). */
export const heatmapStatus = etl.enum("heatmap_status", ["collected", "unavailable"]);
export type HeatmapStatus = (typeof heatmapStatus.enumValues)[number];

/** A normalised heatmap grid as stored: row-major shares summing to 1 (the etl `HeatmapGrid`). */
export type StoredHeatmapGrid = { size: number; cells: number[]; pointCount: number };

/**
 * One FPL fixture mapped to its SofaScore event (`update_fixture_mappings`). Fixtures reported
 * unmapped or ambiguous have no row (they are in the run's result); a re-run replaces the season's
 * rows, so a mapping that no longer holds disappears.
 */
export const fixtureMappings = etl.table(
  "fixture_mappings",
  {
    /** FPL season label, `2025-26`. */
    season: text("season").notNull(),
    fplFixtureId: integer("fpl_fixture_id").notNull(),
    sofaEventId: integer("sofa_event_id").notNull(),
    sofaSeasonId: integer("sofa_season_id").notNull(),
    /** FPL gameweek (1–38). */
    gameweek: smallint("gameweek").notNull(),
    /** FPL kick-off, UTC. */
    kickoff: timestamp("kickoff", { withTimezone: true, mode: "date" }).notNull(),
    /** SofaScore kick-off minus FPL kick-off, in milliseconds. */
    kickoffDeltaMs: integer("kickoff_delta_ms").notNull(),
    fplHomeTeamId: integer("fpl_home_team_id").notNull(),
    fplAwayTeamId: integer("fpl_away_team_id").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.season, t.fplFixtureId] }),
    unique("fixture_mappings_event_uq").on(t.season, t.sofaEventId),
    index("fixture_mappings_gameweek_idx").on(t.season, t.gameweek),
  ],
);

/**
 * The lineups of one mapped event (`update_lineups`). `confirmed: false` (predicted lineups) is
 * fetched again by the next run until SofaScore confirms them; heatmaps wait for confirmation.
 */
export const eventLineups = etl.table(
  "event_lineups",
  {
    season: text("season").notNull(),
    sofaEventId: integer("sofa_event_id").notNull(),
    fplFixtureId: integer("fpl_fixture_id").notNull(),
    gameweek: smallint("gameweek").notNull(),
    confirmed: boolean("confirmed").notNull(),
    /** SofaScore `status.type` when the lineups were fetched (`finished`). */
    eventStatus: text("event_status").notNull(),
    /** false when the event says SofaScore keeps no player heatmaps (`hasEventPlayerHeatMap`). */
    hasPlayerHeatmaps: boolean("has_player_heatmaps").notNull(),
    homeFormation: text("home_formation"),
    awayFormation: text("away_formation"),
    fetchedAt: timestamp("fetched_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.season, t.sofaEventId] }),
    index("event_lineups_gameweek_idx").on(t.season, t.gameweek),
  ],
);

/**
 * One player of one lineup, with his match statistics. `fplElementId` is null for a SofaScore
 * player the player mapping does not know (kept, and listed in the run's result, never dropped).
 */
export const lineupPlayers = etl.table(
  "lineup_players",
  {
    season: text("season").notNull(),
    sofaEventId: integer("sofa_event_id").notNull(),
    sofaPlayerId: integer("sofa_player_id").notNull(),
    fplElementId: integer("fpl_element_id"),
    playerName: text("player_name").notNull(),
    /** `home` or `away`. */
    side: text("side").notNull(),
    sofaTeamId: integer("sofa_team_id").notNull(),
    /** SofaScore position in this match: G, D, M, F (null when not given). */
    position: text("position"),
    substitute: boolean("substitute").notNull(),
    /** Minutes played; 0 for an unused substitute. */
    minutes: smallint("minutes").notNull(),
    /** SofaScore match rating (null when not rated). */
    rating: doublePrecision("rating"),
    goals: smallint("goals").notNull(),
    assists: smallint("assists").notNull(),
    /** SofaScore's per-player match statistics, as sent (`{}` for an unused substitute). */
    statistics: jsonb("statistics").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.season, t.sofaEventId, t.sofaPlayerId] }),
    index("lineup_players_element_idx").on(t.season, t.fplElementId),
  ],
);

/**
 * One player's heatmap in one event (`collect_heatmaps`): the raw points and a normalised 10 × 10
 * grid, or `unavailable` with the reason (404, empty list, event without heatmaps), which is
 * final: the pair is never requested again. One row per (season, event, player): idempotent.
 */
export const heatmaps = etl.table(
  "heatmaps",
  {
    season: text("season").notNull(),
    sofaEventId: integer("sofa_event_id").notNull(),
    sofaPlayerId: integer("sofa_player_id").notNull(),
    fplElementId: integer("fpl_element_id"),
    gameweek: smallint("gameweek").notNull(),
    status: heatmapStatus("status").notNull(),
    /** `not-found` | `empty` | `event-without-heatmaps` when unavailable. */
    unavailableReason: text("unavailable_reason"),
    /** Raw SofaScore points, pitch units 0–100. */
    points: jsonb("points").$type<{ x: number; y: number }[]>(),
    grid: jsonb("grid").$type<StoredHeatmapGrid>(),
    pointCount: integer("point_count").notNull().default(0),
    /** Why the appearance qualified (`minutes`, `rating`, `started`, …). */
    qualifyReasons: text("qualify_reasons").array().notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.season, t.sofaEventId, t.sofaPlayerId] }),
    index("heatmaps_player_idx").on(t.season, t.sofaPlayerId),
  ],
);

/** A player's season heatmap: his collected match grids pooled (weighted by points). */
export const playerSeasonHeatmaps = etl.table(
  "player_season_heatmaps",
  {
    season: text("season").notNull(),
    sofaPlayerId: integer("sofa_player_id").notNull(),
    fplElementId: integer("fpl_element_id"),
    /** Matches with a collected heatmap. */
    matches: integer("matches").notNull(),
    pointCount: integer("point_count").notNull(),
    grid: jsonb("grid").$type<StoredHeatmapGrid>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.season, t.sofaPlayerId] })],
);

/**
 * One player's season statistics (`update_season_stats`): FPL totals and per-90 rates, and
 * SofaScore's season statistics as typed columns (`sofa_*`, one per entry of the etl service's
 * `SEASON_STAT_COLUMNS` mapping table) beside the raw JSON. A player with no league minutes is a
 * row with `status = 'no-data'`, not an error.
 */
export const playerSeasonStats = etl.table(
  "player_season_stats",
  {
    season: text("season").notNull(),
    fplElementId: integer("fpl_element_id").notNull(),
    /** null when the player mapping does not know the player. */
    sofaPlayerId: integer("sofa_player_id"),
    webName: text("web_name").notNull(),
    fplTeamId: integer("fpl_team_id").notNull(),
    /** GK, DEF, MID, FWD (from FPL `element_type`). */
    position: text("position").notNull(),
    /** `ok` or `no-data`. */
    status: text("status").notNull(),
    /** `no-league-minutes` when `status = 'no-data'`. */
    noDataReason: text("no_data_reason"),
    appearances: integer("appearances").notNull(),
    minutes: integer("minutes").notNull(),
    goals: integer("goals").notNull(),
    assists: integer("assists").notNull(),
    fplPoints: integer("fpl_points").notNull(),
    /** FPL goals, assists and points per 90 FPL minutes (null without minutes). */
    goalsPer90: doublePrecision("goals_per90"),
    assistsPer90: doublePrecision("assists_per90"),
    fplPointsPer90: doublePrecision("fpl_points_per90"),
    /** true when SofaScore had season statistics for the player. */
    hasSofaStats: boolean("has_sofa_stats").notNull(),
    sofaRating: doublePrecision("sofa_rating"),
    sofaTotalRating: doublePrecision("sofa_total_rating"),
    sofaCountRating: integer("sofa_count_rating"),
    sofaMinutesPlayed: integer("sofa_minutes_played"),
    sofaAppearances: integer("sofa_appearances"),
    sofaMatchesStarted: integer("sofa_matches_started"),
    sofaGoals: integer("sofa_goals"),
    sofaAssists: integer("sofa_assists"),
    sofaExpectedGoals: doublePrecision("sofa_expected_goals"),
    sofaExpectedAssists: doublePrecision("sofa_expected_assists"),
    sofaBigChancesCreated: integer("sofa_big_chances_created"),
    sofaBigChancesMissed: integer("sofa_big_chances_missed"),
    sofaTotalShots: integer("sofa_total_shots"),
    sofaShotsOnTarget: integer("sofa_shots_on_target"),
    sofaAccuratePasses: integer("sofa_accurate_passes"),
    sofaTotalPasses: integer("sofa_total_passes"),
    sofaAccuratePassesPercentage: doublePrecision("sofa_accurate_passes_percentage"),
    sofaKeyPasses: integer("sofa_key_passes"),
    sofaAccurateLongBalls: integer("sofa_accurate_long_balls"),
    sofaAccurateLongBallsPercentage: doublePrecision("sofa_accurate_long_balls_percentage"),
    sofaAccurateCrosses: integer("sofa_accurate_crosses"),
    sofaSuccessfulDribbles: integer("sofa_successful_dribbles"),
    sofaTouches: integer("sofa_touches"),
    sofaPossessionLost: integer("sofa_possession_lost"),
    sofaDispossessed: integer("sofa_dispossessed"),
    sofaTackles: integer("sofa_tackles"),
    sofaInterceptions: integer("sofa_interceptions"),
    sofaClearances: integer("sofa_clearances"),
    sofaTotalDuelsWon: integer("sofa_total_duels_won"),
    sofaTotalDuelsWonPercentage: doublePrecision("sofa_total_duels_won_percentage"),
    sofaAerialDuelsWon: integer("sofa_aerial_duels_won"),
    sofaGroundDuelsWon: integer("sofa_ground_duels_won"),
    sofaYellowCards: integer("sofa_yellow_cards"),
    sofaRedCards: integer("sofa_red_cards"),
    sofaFouls: integer("sofa_fouls"),
    sofaWasFouled: integer("sofa_was_fouled"),
    sofaSaves: integer("sofa_saves"),
    sofaGoalsPrevented: doublePrecision("sofa_goals_prevented"),
    sofaCleanSheets: integer("sofa_clean_sheets"),
    sofaGoalsConceded: integer("sofa_goals_conceded"),
    /** Per-90 rates of the SofaScore count columns, keyed by column name (without `sofa_`). */
    sofaPer90: jsonb("sofa_per90").$type<Record<string, number | null>>(),
    /** SofaScore keys the mapping table does not know (kept in `sofa_raw`). */
    sofaUnmappedKeys: text("sofa_unmapped_keys").array(),
    /** SofaScore's `statistics` object as sent. */
    sofaRaw: jsonb("sofa_raw").$type<Record<string, unknown>>(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.season, t.fplElementId] })],
);

/**
 * SofaScore's attribute overview of a player as the old system showed it: his own current radar,
 * or (his list empty) his position's average flagged `isAverage`, or nothing (`source = 'none'`).
 */
export const playerAttributes = etl.table(
  "player_attributes",
  {
    season: text("season").notNull(),
    fplElementId: integer("fpl_element_id").notNull(),
    sofaPlayerId: integer("sofa_player_id").notNull(),
    /** `player`, `positional-average` or `none`. */
    source: text("source").notNull(),
    isAverage: boolean("is_average").notNull(),
    /** 0–100 each; null when `source = 'none'`. */
    attacking: doublePrecision("attacking"),
    technical: doublePrecision("technical"),
    tactical: doublePrecision("tactical"),
    defending: doublePrecision("defending"),
    creativity: doublePrecision("creativity"),
    /** SofaScore position of the overview (G, D, M, F). */
    sofaPosition: text("sofa_position"),
    yearShift: smallint("year_shift"),
    /** The player's own overviews of earlier seasons (yearShift > 0). */
    history: jsonb("history").$type<unknown[]>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.season, t.fplElementId] })],
);

/**
 * Our own radar: percentile ranks (0–100) within position among players with at least
 * `minMinutes` league minutes. A player below the threshold has a row with `status =
 * 'below-minutes'` and no scores.
 */
export const playerRadars = etl.table(
  "player_radars",
  {
    season: text("season").notNull(),
    fplElementId: integer("fpl_element_id").notNull(),
    /** GK, DEF, MID, FWD. */
    position: text("position").notNull(),
    minutes: integer("minutes").notNull(),
    minMinutes: integer("min_minutes").notNull(),
    /** `ranked` or `below-minutes`. */
    status: text("status").notNull(),
    attacking: doublePrecision("attacking"),
    technical: doublePrecision("technical"),
    tactical: doublePrecision("tactical"),
    defending: doublePrecision("defending"),
    creativity: doublePrecision("creativity"),
    /** Per metric: value, percentile and number of peers. */
    metrics: jsonb("metrics")
      .$type<Record<string, { value: number; percentile: number; peers: number }>>()
      .notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.season, t.fplElementId] })],
);
