import type { MarginMethod } from "./remove-margin.js";
import { removeMargin } from "./remove-margin.js";
import type { MatchRecord, Odds1x2, Probs1x2 } from "./types.js";

/** Which odds the market benchmark came from. */
export type MarketSource = "pinnacle-closing" | "average-closing" | "pre-match";

/**
 * The market's margin-free probabilities for a match, the benchmark the model is judged against:
 * Pinnacle closing odds where present, else the closing market average, else the pre-match odds.
 * Undefined when the match carries no usable odds.
 */
export function marketProbabilities(
  match: MatchRecord,
  method: MarginMethod = "proportional",
): { probs: Probs1x2; source: MarketSource } | undefined {
  const candidates: [Odds1x2 | undefined, MarketSource][] = [
    [match.closingOdds?.pinnacle, "pinnacle-closing"],
    [match.closingOdds?.average, "average-closing"],
    [match.preMatchOdds?.odds, "pre-match"],
  ];
  for (const [odds, source] of candidates) {
    if (odds && isUsable(odds)) return { probs: removeMargin(odds, method), source };
  }
  return undefined;
}

function isUsable(odds: Odds1x2): boolean {
  return [odds.home, odds.draw, odds.away].every((o) => Number.isFinite(o) && o > 1);
}
