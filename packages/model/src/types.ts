/** Decimal odds for the three 1X2 outcomes (home win, draw, away win), each > 1. */
export type Odds1x2 = { home: number; draw: number; away: number };

/** Probabilities of home win, draw and away win, in that order; they sum to 1. */
export type Probs1x2 = { home: number; draw: number; away: number };

/** A match outcome, always ordered home, draw, away (never swapped). */
export type Outcome = "home" | "draw" | "away";

/** The outcomes in the order every vector-valued metric uses: home, draw, away. */
export const OUTCOMES: readonly Outcome[] = ["home", "draw", "away"];

/**
 * One odds quote together with the instant it existed, so that consumers (the value-bet strategy)
 * can refuse odds that were published after a prediction was made.
 */
export type OddsQuote = { odds: Odds1x2; quotedAt: Date };

/**
 * One match as the model sees it: plain data, no DB rows. Results and statistics are absent for
 * fixtures not yet played.
 */
export type MatchRecord = {
  /** Stable id of the match (any string unique within the data set). */
  id: string;
  /** League code, e.g. "E0" (informational). */
  league?: string;
  /** Season label, e.g. "2014/15"; used to group backtest tables (derived from `date` when absent). */
  season?: string;
  /** Kick-off instant (UTC). When only the day is known, midnight UTC of that day. */
  date: Date;
  home: string;
  away: string;
  homeGoals?: number;
  awayGoals?: number;
  homeShots?: number;
  awayShots?: number;
  homeShotsOnTarget?: number;
  awayShotsOnTarget?: number;
  /**
   * Closing odds (quoted at kick-off). Used only to benchmark the model against the market after
   * the fact, never as a model input nor for value bets.
   */
  closingOdds?: { pinnacle?: Odds1x2; average?: Odds1x2 };
  /**
   * Odds quoted before kick-off (football-data.co.uk collects them on Friday afternoon for weekend
   * games, Tuesday for midweek games), with the instant they existed. The value-bet strategy may use
   * them only when `quotedAt` is not after the prediction.
   */
  preMatchOdds?: OddsQuote;
};

/** A match with a known result (both goal counts present). */
export type PlayedMatch = MatchRecord & { homeGoals: number; awayGoals: number };

/** True when both goal counts are known. */
export function isPlayed(m: MatchRecord): m is PlayedMatch {
  return m.homeGoals !== undefined && m.awayGoals !== undefined;
}

/** The outcome of a score, ordered home, draw, away. */
export function outcomeOf(homeGoals: number, awayGoals: number): Outcome {
  if (homeGoals > awayGoals) return "home";
  if (homeGoals < awayGoals) return "away";
  return "draw";
}
