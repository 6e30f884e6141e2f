/**
 * zod schemas for the Fantasy Premier League API (`https://fantasy.premierleague.com/api/`).
 *
 * Each object is loose: upstream adds fields every season (2023-24 added `expected_*`, 2025-26 the
 * defensive-contribution fields), and those pass through untouched. What is declared is what the
 * ETL reads, with the types and nullability observed in the real recordings under
 * `../shared/data/fpl/<season>/api` (2022-23, 2023-24, 2026-27). Fields that exist only from some
 * season on are `.optional()`. FPL ids (teams, elements, fixtures) are per season: a record built
 * from these must carry its season.
 */
import * as z from "zod";

/** FPL sends decimals as strings ("53.8", "0.19"): keep them exact, but refuse non-numbers. */
export const FplDecimal = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a decimal string");
export type FplDecimal = z.infer<typeof FplDecimal>;

/** ISO-8601 UTC instant as FPL writes it: `2022-08-05T19:00:00Z`. */
export const FplInstant = z.iso.datetime({ offset: true });
export type FplInstant = z.infer<typeof FplInstant>;

const Id = z.number().int().nonnegative();
const Count = z.number().int();

/** A gameweek (`bootstrap-static.events[]`). */
export const FplGameweek = z.looseObject({
  id: Id,
  name: z.string(),
  /** Transfer deadline, UTC. */
  deadline_time: FplInstant,
  finished: z.boolean(),
  data_checked: z.boolean(),
  is_previous: z.boolean(),
  is_current: z.boolean(),
  is_next: z.boolean(),
});
export type FplGameweek = z.infer<typeof FplGameweek>;

/** A Premier League club (`bootstrap-static.teams[]`); `id` is 1–20 and changes between seasons. */
export const FplTeam = z.looseObject({
  id: Id,
  /** Stable across seasons (Arsenal is 3 every year), unlike `id`. */
  code: Id,
  name: z.string().min(1),
  short_name: z.string().min(1),
  /** null in the 2026-27 pre-season capture. */
  strength: z.number().int().nullable(),
  pulse_id: Id,
});
export type FplTeam = z.infer<typeof FplTeam>;

/** A player (`bootstrap-static.elements[]`). */
export const FplElement = z.looseObject({
  id: Id,
  /** Stable across seasons (Opta-derived), unlike `id`. */
  code: Id,
  web_name: z.string().min(1),
  first_name: z.string(),
  second_name: z.string(),
  /** `FplTeam.id` of the same season. */
  team: Id,
  team_code: Id,
  /** 1 GK, 2 DEF, 3 MID, 4 FWD (`element_types[].id`). */
  element_type: Id,
  /** Price in tenths of £m (55 = £5.5m). */
  now_cost: Count,
  /** a available, d doubtful, i injured, s suspended, u unavailable, n not in squad. */
  status: z.string().min(1),
  news: z.string(),
  chance_of_playing_next_round: z.number().int().nullable(),
  total_points: Count,
  minutes: Count,
  goals_scored: Count,
  assists: Count,
  clean_sheets: Count,
  goals_conceded: Count,
  yellow_cards: Count,
  red_cards: Count,
  saves: Count,
  bonus: Count,
  bps: Count,
  form: FplDecimal,
  points_per_game: FplDecimal,
  selected_by_percent: FplDecimal,
  influence: FplDecimal,
  creativity: FplDecimal,
  threat: FplDecimal,
  ict_index: FplDecimal,
  /** From 2023-24 on. */
  starts: Count.optional(),
  expected_goals: FplDecimal.optional(),
  expected_assists: FplDecimal.optional(),
  expected_goal_involvements: FplDecimal.optional(),
  expected_goals_conceded: FplDecimal.optional(),
  /** From 2025-26 on. */
  defensive_contribution: Count.optional(),
});
export type FplElement = z.infer<typeof FplElement>;

/** A position (`bootstrap-static.element_types[]`). */
export const FplElementType = z.looseObject({
  id: Id,
  singular_name: z.string(),
  singular_name_short: z.string(),
  plural_name_short: z.string(),
});
export type FplElementType = z.infer<typeof FplElementType>;

/** `GET bootstrap-static/`: teams, players, positions and gameweeks of the current season. */
export const FplBootstrap = z.looseObject({
  events: z.array(FplGameweek).min(1),
  teams: z.array(FplTeam).min(1),
  elements: z.array(FplElement),
  element_types: z.array(FplElementType).min(1),
  total_players: Count,
});
export type FplBootstrap = z.infer<typeof FplBootstrap>;

/** One `{element, value}` entry of a fixture's per-stat lists. */
export const FplFixtureStatValue = z.looseObject({ element: Id, value: z.number() });
export type FplFixtureStatValue = z.infer<typeof FplFixtureStatValue>;

/** `fixtures[].stats[]`: goals_scored, assists, bonus, bps, … split by home (`h`) and away (`a`). */
export const FplFixtureStat = z.looseObject({
  identifier: z.string().min(1),
  h: z.array(FplFixtureStatValue),
  a: z.array(FplFixtureStatValue),
});
export type FplFixtureStat = z.infer<typeof FplFixtureStat>;

/** A fixture (`GET fixtures/` element). `id` is 1–380 within its season. */
export const FplFixture = z.looseObject({
  id: Id,
  code: Id,
  /** Gameweek; null while unscheduled (a postponed match waiting for a new date). */
  event: Id.nullable(),
  /** Kick-off, UTC; null while the date is to be confirmed. */
  kickoff_time: FplInstant.nullable(),
  team_h: Id,
  team_a: Id,
  /** null until the match has been played. */
  team_h_score: Count.nullable(),
  team_a_score: Count.nullable(),
  finished: z.boolean(),
  finished_provisional: z.boolean(),
  started: z.boolean(),
  minutes: Count,
  provisional_start_time: z.boolean(),
  team_h_difficulty: Count,
  team_a_difficulty: Count,
  pulse_id: Id,
  stats: z.array(FplFixtureStat),
});
export type FplFixture = z.infer<typeof FplFixture>;

/** `GET fixtures/`: every fixture of the season. */
export const FplFixtures = z.array(FplFixture);
export type FplFixtures = z.infer<typeof FplFixtures>;

/** `element-summary.fixtures[]`: the player's upcoming fixtures. */
export const FplUpcomingFixture = z.looseObject({
  id: Id,
  code: Id,
  team_h: Id,
  team_a: Id,
  event: Id.nullable(),
  kickoff_time: FplInstant.nullable(),
  finished: z.boolean(),
  is_home: z.boolean(),
  difficulty: Count,
});
export type FplUpcomingFixture = z.infer<typeof FplUpcomingFixture>;

/** Per-match totals shared by `element-summary.history[]` and `history_past[]`. */
const FplMatchTotals = {
  total_points: Count,
  minutes: Count,
  goals_scored: Count,
  assists: Count,
  clean_sheets: Count,
  goals_conceded: Count,
  own_goals: Count,
  penalties_saved: Count,
  penalties_missed: Count,
  yellow_cards: Count,
  red_cards: Count,
  saves: Count,
  bonus: Count,
  bps: Count,
  influence: FplDecimal,
  creativity: FplDecimal,
  threat: FplDecimal,
  ict_index: FplDecimal,
  /** From 2023-24 on. */
  starts: Count.optional(),
  expected_goals: FplDecimal.optional(),
  expected_assists: FplDecimal.optional(),
  expected_goal_involvements: FplDecimal.optional(),
  expected_goals_conceded: FplDecimal.optional(),
};

/** `element-summary.history[]`: one row per fixture the player's team played this season. */
export const FplPlayerMatch = z.looseObject({
  element: Id,
  fixture: Id,
  opponent_team: Id,
  was_home: z.boolean(),
  kickoff_time: FplInstant,
  team_h_score: Count.nullable(),
  team_a_score: Count.nullable(),
  /** Gameweek. */
  round: Id,
  /** Price in tenths of £m at the time. */
  value: Count,
  selected: Count,
  transfers_in: Count,
  transfers_out: Count,
  transfers_balance: Count,
  ...FplMatchTotals,
});
export type FplPlayerMatch = z.infer<typeof FplPlayerMatch>;

/** `element-summary.history_past[]`: one row per earlier Premier League season. */
export const FplPlayerPastSeason = z.looseObject({
  /** "2022/23". */
  season_name: z.string().regex(/^\d{4}\/\d{2}$/),
  element_code: Id,
  start_cost: Count,
  end_cost: Count,
  ...FplMatchTotals,
});
export type FplPlayerPastSeason = z.infer<typeof FplPlayerPastSeason>;

/** `GET element-summary/{id}/`: one player's fixtures, this season's matches and past seasons. */
export const FplElementSummary = z.looseObject({
  fixtures: z.array(FplUpcomingFixture),
  history: z.array(FplPlayerMatch),
  history_past: z.array(FplPlayerPastSeason),
});
export type FplElementSummary = z.infer<typeof FplElementSummary>;

/** `event/{gw}/live.elements[].stats`: the gameweek's totals for one player. */
export const FplLiveStats = z.looseObject({
  ...FplMatchTotals,
  in_dreamteam: z.boolean(),
});
export type FplLiveStats = z.infer<typeof FplLiveStats>;

/** `event/{gw}/live.elements[].explain[]`: how the points of one fixture were made up. */
export const FplLiveExplain = z.looseObject({
  fixture: Id,
  stats: z.array(
    z.looseObject({ identifier: z.string().min(1), points: Count, value: z.number() }),
  ),
});
export type FplLiveExplain = z.infer<typeof FplLiveExplain>;

/** `GET event/{gw}/live/`: every player's points in one gameweek. */
export const FplEventLive = z.looseObject({
  elements: z.array(
    z.looseObject({
      id: Id,
      stats: FplLiveStats,
      explain: z.array(FplLiveExplain),
      /** Present in the current API, absent from the 2022 capture. */
      modified: z.boolean().optional(),
    }),
  ),
});
export type FplEventLive = z.infer<typeof FplEventLive>;
