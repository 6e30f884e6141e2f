import { removeMargin } from "./remove-margin.js";
import type { OddsQuote, Outcome, Probs1x2 } from "./types.js";
import { OUTCOMES } from "./types.js";

/** One predicted match offered to the value strategy. */
export type ValueBetCandidate = {
  probs: Probs1x2;
  /** The result (home, draw, away). */
  outcome: Outcome;
  /** When the prediction was made; odds quoted later are refused (no look-ahead). */
  madeAt: Date;
  /** The odds available to bet on; never closing odds quoted after the prediction. */
  quote?: OddsQuote;
};

export type ValueBet = {
  /** Index of the candidate in the input. */
  index: number;
  outcome: Outcome;
  odds: number;
  probability: number;
  /** The bookmaker's margin-free probability of the same outcome (proportional method). */
  fairProbability: number;
  /** Expected return per unit staked, probability·odds − 1. */
  expectedValue: number;
  /** Profit of the unit stake: odds − 1 if it won, −1 otherwise. */
  profit: number;
};

export type ValueBetReturns = {
  bets: ValueBet[];
  /** Units staked (one per bet). */
  staked: number;
  profit: number;
  /** profit / staked (NaN without bets). */
  roi: number;
  /** Standard error of the ROI from the per-bet profits. */
  roiSe: number;
  /** Candidates without a quote, or whose quote was published after the prediction. */
  skipped: number;
};

/**
 * Flat-stake value strategy: stake one unit on every outcome where probability × odds > 1 +
 * `threshold` (positive expected value by at least the threshold at the price actually paid).
 * Uses only quotes with `quotedAt ≤ madeAt`. The margin-free market probability is reported beside
 * each bet, so the edge is never read against raw 1/odds.
 */
export function valueBetReturns(
  candidates: readonly ValueBetCandidate[],
  threshold = 0.05,
): ValueBetReturns {
  const bets: ValueBet[] = [];
  let skipped = 0;
  candidates.forEach((c, index) => {
    if (!c.quote || c.quote.quotedAt.getTime() > c.madeAt.getTime()) {
      skipped++;
      return;
    }
    const fair = removeMargin(c.quote.odds);
    for (const k of OUTCOMES) {
      const odds = c.quote.odds[k];
      const expectedValue = c.probs[k] * odds - 1;
      if (expectedValue > threshold) {
        bets.push({
          index,
          outcome: k,
          odds,
          probability: c.probs[k],
          fairProbability: fair[k],
          expectedValue,
          profit: c.outcome === k ? odds - 1 : -1,
        });
      }
    }
  });
  const staked = bets.length;
  const profit = bets.reduce((s, b) => s + b.profit, 0);
  const roi = staked > 0 ? profit / staked : Number.NaN;
  const variance =
    staked > 1 ? bets.reduce((s, b) => s + (b.profit - roi) ** 2, 0) / (staked - 1) : Number.NaN;
  return { bets, staked, profit, roi, roiSe: Math.sqrt(variance / staked), skipped };
}
