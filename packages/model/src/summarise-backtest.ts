import { marketProbabilities } from "./market-probabilities.js";
import type { EvaluationRow } from "./model-metrics.js";
import { computeModelMetrics } from "./model-metrics.js";
import type { MarginMethod } from "./remove-margin.js";
import type { MatchRecord } from "./types.js";
import { isPlayed, outcomeOf } from "./types.js";
import type { WalkForwardPrediction } from "./walk-forward.js";

/**
 * One row of the backtest table: model vs market on the same matches (played, with market odds).
 * gap = mean per-match (model RPS − market RPS), gapSe its standard error; negative favours the
 * model. logLoss, brier, accuracy and ece are the model's; the market's follow with a prefix.
 */
export type BacktestRow = {
  n: number;
  rps: number;
  marketRps: number;
  gap: number;
  gapSe: number;
  logLoss: number;
  brier: number;
  accuracy: number;
  ece: number;
  marketLogLoss: number;
  marketBrier: number;
  marketAccuracy: number;
  marketEce: number;
  logLossGap: number;
  logLossGapSe: number;
};

/** The backtest JSON: pooled over all seasons, and one row per season in order. */
export type BacktestSummary = {
  pooled: BacktestRow;
  seasons: (BacktestRow & { season: string })[];
};

/**
 * Joins walk-forward predictions with the matches' results and market odds (by match id) and
 * tabulates model vs market per season and pooled. Predictions without a result or without odds
 * are left out of the table, for model and market alike.
 */
export function summariseBacktest(
  predictions: readonly WalkForwardPrediction[],
  matches: readonly MatchRecord[],
  options: { marginMethod?: MarginMethod; bins?: number } = {},
): BacktestSummary {
  const byId = new Map(matches.map((m) => [m.id, m]));
  const rows: (EvaluationRow & { season: string })[] = [];
  for (const p of predictions) {
    const m = byId.get(p.matchId);
    if (!m || !isPlayed(m)) continue;
    const market = marketProbabilities(m, options.marginMethod);
    if (!market) continue;
    rows.push({
      season: p.season,
      probs: p.prediction.probs,
      outcome: outcomeOf(m.homeGoals, m.awayGoals),
      marketProbs: market.probs,
    });
  }
  const seasons = [...new Set(rows.map((r) => r.season))].sort();
  return {
    pooled: backtestRow(rows, options.bins),
    seasons: seasons.map((season) => ({
      season,
      ...backtestRow(
        rows.filter((r) => r.season === season),
        options.bins,
      ),
    })),
  };
}

function backtestRow(rows: readonly EvaluationRow[], bins?: number): BacktestRow {
  const m = computeModelMetrics(rows, bins);
  return {
    n: m.market.n,
    rps: m.modelOnMarketRows.rps,
    marketRps: m.market.rps,
    gap: m.gap.rps.mean,
    gapSe: m.gap.rps.se,
    logLoss: m.modelOnMarketRows.logLoss,
    brier: m.modelOnMarketRows.brier,
    accuracy: m.modelOnMarketRows.accuracy,
    ece: m.modelOnMarketRows.calibration.ece,
    marketLogLoss: m.market.logLoss,
    marketBrier: m.market.brier,
    marketAccuracy: m.market.accuracy,
    marketEce: m.market.calibration.ece,
    logLossGap: m.gap.logLoss.mean,
    logLossGapSe: m.gap.logLoss.se,
  };
}
