import { sql } from "drizzle-orm";
import {
  boolean,
  char,
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
 * The sync service's tables: football-data.co.uk results, fixtures and odds. Only the sync service
 * writes them; other services read them through functions in this package.
 */
export const sync = pgSchema("sync");

/** `scheduled` (a fixture, no score yet) or `finished` (full-time score known). */
export const matchStatus = sync.enum("match_status", ["scheduled", "finished"]);
export type MatchStatus = (typeof matchStatus.enumValues)[number];

/** `1x2` match result, `ou25` over/under 2.5 goals, `ah` Asian handicap. */
export const oddsMarket = sync.enum("odds_market", ["1x2", "ou25", "ah"]);
export type OddsMarket = (typeof oddsMarket.enumValues)[number];

const createdAt = () =>
  timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/** Leagues we follow, by football-data code (`E0`, `SP1`, …). */
export const leagues = sync.table("leagues", {
  code: text("code").primaryKey(),
  name: text("name"),
  createdAt: createdAt(),
});

/**
 * One row per (league, season) we have loaded, with what was last applied: `lastFileSha256` lets a
 * re-run see at once that the file has not changed.
 */
export const seasons = sync.table(
  "seasons",
  {
    league: text("league")
      .notNull()
      .references(() => leagues.code),
    /** football-data season code, `2526` = 2025/26. */
    season: char("season", { length: 4 }).notNull(),
    /** Where the last applied file came from (URL or path). */
    lastOrigin: text("last_origin"),
    lastFileSha256: text("last_file_sha256"),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true, mode: "date" }),
    matchCount: integer("match_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.league, t.season] })],
);

/**
 * One team, whatever each source calls it. A name no alias knows creates a team with
 * `needsReview = true` (reported by the sync, merged by an operator, never guessed).
 */
export const teams = sync.table(
  "teams",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** Display name (the first name we met it under until someone curates it). */
    name: text("name").notNull(),
    needsReview: boolean("needs_review").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("teams_needs_review_idx")
      .on(t.id)
      .where(sql`${t.needsReview}`),
  ],
);

/**
 * How each source names a team (`football-data` `Nott'm Forest`, `fpl` `Nott'm Forest`, `sofascore`
 * `Nottingham Forest`) → one team id. Unique per (source, name).
 */
export const teamAliases = sync.table(
  "team_aliases",
  {
    /** `football-data` now; `fpl` and `sofascore` later. */
    source: text("source").notNull(),
    /** The name exactly as the source writes it. */
    name: text("name").notNull(),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.source, t.name] }), index("team_aliases_team_idx").on(t.teamId)],
);

/**
 * One match. Identity is league + season + home team + away team (never the date: a rescheduled
 * match updates `kickoff`). Scores, statistics and referee are null when unknown, never 0.
 */
export const matches = sync.table(
  "matches",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    league: text("league")
      .notNull()
      .references(() => leagues.code),
    season: char("season", { length: 4 }).notNull(),
    homeTeamId: integer("home_team_id")
      .notNull()
      .references(() => teams.id),
    awayTeamId: integer("away_team_id")
      .notNull()
      .references(() => teams.id),
    /** UTC kickoff; 00:00 UTC of the UK date when `hasTime` is false (files before 2019/20). */
    kickoff: timestamp("kickoff", { withTimezone: true, mode: "date" }).notNull(),
    hasTime: boolean("has_time").notNull(),
    status: matchStatus("status").notNull(),
    ftHomeGoals: smallint("ft_home_goals"),
    ftAwayGoals: smallint("ft_away_goals"),
    /** `H` | `D` | `A`, derived from the goals (kept for readable queries). */
    ftResult: char("ft_result", { length: 1 }),
    htHomeGoals: smallint("ht_home_goals"),
    htAwayGoals: smallint("ht_away_goals"),
    htResult: char("ht_result", { length: 1 }),
    referee: text("referee"),
    homeShots: smallint("home_shots"),
    awayShots: smallint("away_shots"),
    homeShotsOnTarget: smallint("home_shots_on_target"),
    awayShotsOnTarget: smallint("away_shots_on_target"),
    homeFouls: smallint("home_fouls"),
    awayFouls: smallint("away_fouls"),
    homeCorners: smallint("home_corners"),
    awayCorners: smallint("away_corners"),
    homeYellowCards: smallint("home_yellow_cards"),
    awayYellowCards: smallint("away_yellow_cards"),
    homeRedCards: smallint("home_red_cards"),
    awayRedCards: smallint("away_red_cards"),
    /** Non-empty cells of columns the parser does not know, by header name (never dropped). */
    extra: jsonb("extra").$type<Record<string, string>>().notNull().default({}),
    /** Where the row was last written from: file (URL or path) and line. */
    sourceOrigin: text("source_origin"),
    sourceLine: integer("source_line"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("matches_identity_uq").on(t.league, t.season, t.homeTeamId, t.awayTeamId),
    index("matches_league_season_kickoff_idx").on(t.league, t.season, t.kickoff),
    index("matches_kickoff_idx").on(t.kickoff),
    index("matches_home_team_idx").on(t.homeTeamId),
    index("matches_away_team_idx").on(t.awayTeamId),
  ],
);

/**
 * Odds, one row per match × bookmaker × market × line × closing with the selections' decimal prices
 * as columns (null where not quoted; a missing cell is never 0). Why this shape:
 * - "Pinnacle closing 1X2 for these matches" is `WHERE match_id = ANY($1) AND bookmaker = 'pinnacle'
 *   AND market = '1x2' AND closing` on the primary key, one row (three prices) per match;
 * - a season (~380 matches × ~40 rows) loads as a few multi-row upserts;
 * - every family football-data ever published fits without a schema change (a new book is a value);
 * - no foreign key to `sync.matches` and no index beyond the primary key: the FK's per-row check
 *   cost ~4 s of PostgreSQL CPU on a full history load (673,628 rows), and a (bookmaker, market)
 *   index served no query (every read is by match id, which the primary key leads with). Only the
 *   sync writer inserts odds, in the transaction that inserted or updated their match and with ids
 *   `RETURNING` gave it; matches are never deleted.
 * `line` is the AH handicap from the home side, 0 for `1x2` and `ou25` (the market names its line).
 * Bookmaker ids: `pinnacle`, `bet365`, …, and the aggregates `market_max`/`market_avg` (2019/20 on)
 * and `betbrain_max`/`betbrain_avg` (up to 2018/19, `book_count` = books averaged).
 */
export const odds = sync.table(
  "odds",
  {
    matchId: integer("match_id").notNull(),
    bookmaker: text("bookmaker").notNull(),
    market: oddsMarket("market").notNull(),
    line: doublePrecision("line").notNull().default(0),
    closing: boolean("closing").notNull(),
    home: doublePrecision("home"),
    draw: doublePrecision("draw"),
    away: doublePrecision("away"),
    over: doublePrecision("over"),
    under: doublePrecision("under"),
    bookCount: smallint("book_count"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.matchId, t.bookmaker, t.market, t.closing, t.line] })],
);

/**
 * Rows a sync could not load (file, line, reason), and whole files rejected (line 0), kept so that
 * nothing is dropped silently. Append-only; `at` is when the sync saw them.
 */
export const rejectedRows = sync.table(
  "rejected_rows",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    league: text("league"),
    season: char("season", { length: 4 }),
    /** URL or path the file came from. */
    file: text("file").notNull(),
    /** Physical line (header = 1); 0 when the whole file was rejected. */
    line: integer("line").notNull(),
    reason: text("reason").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("rejected_rows_file_at_idx").on(t.file, t.at)],
);

/** Every table of the `sync` schema, for drizzle's `schema` option and for tests. */
export const syncSchema = {
  sync,
  matchStatus,
  oddsMarket,
  leagues,
  seasons,
  teams,
  teamAliases,
  matches,
  odds,
  rejectedRows,
};

export type LeagueRow = typeof leagues.$inferSelect;
export type SeasonRow = typeof seasons.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;
export type TeamAliasRow = typeof teamAliases.$inferSelect;
export type MatchRow = typeof matches.$inferSelect;
export type NewMatchRow = typeof matches.$inferInsert;
export type OddsRowRecord = typeof odds.$inferSelect;
export type RejectedRowRecord = typeof rejectedRows.$inferSelect;
