import type { CalibrationTable } from "./calibration.js";
import { calibration } from "./calibration.js";
import { pairedDifference } from "./paired-difference.js";
import { brier, logLoss, predictedOutcome, rps } from "./scoring-rules.js";
import type { Outcome, Probs1x2 } from "./types.js";

/** One validated prediction, with the market's margin-free probabilities when known. */
export type EvaluationRow = { probs: Probs1x2; outcome: Outcome; marketProbs?: Probs1x2 };

/** Mean scores of one forecaster over a set of matches. */
export type ScoreSummary = {
  n: number;
  /** Share of matches whose most probable outcome happened. */
  accuracy: number;
  rps: number;
  logLoss: number;
  brier: number;
  calibration: CalibrationTable;
};

export type Difference = { mean: number; se: number; n: number };

export type ModelMetrics = {
  /** The model on every row. */
  model: ScoreSummary;
  /** The model on the rows that have market probabilities (the paired comparison set). */
  modelOnMarketRows: ScoreSummary;
  /** The market on the same rows. */
  market: ScoreSummary;
  /** Per-match model − market on the same rows (negative = the model is better), with SE. */
  gap: { rps: Difference; logLoss: Difference; brier: Difference };
};

/** Scores a forecaster's probabilities against outcomes. */
export function scoreSummary(
  probs: readonly Probs1x2[],
  outcomes: readonly Outcome[],
  bins = 10,
): ScoreSummary {
  const n = probs.length;
  const mean = (f: (p: Probs1x2, o: Outcome) => number) =>
    n === 0 ? Number.NaN : probs.reduce((s, p, i) => s + f(p, outcomes[i]!), 0) / n;
  return {
    n,
    accuracy: mean((p, o) => (predictedOutcome(p) === o ? 1 : 0)),
    rps: mean(rps),
    logLoss: mean(logLoss),
    brier: mean(brier),
    calibration: calibration(probs, outcomes, bins),
  };
}

/**
 * What `calculate_model_metrics` stores for one (league, model version, window) group: the
 * model's scores, the market's on the same matches, and the paired model − market differences.
 */
export function computeModelMetrics(rows: readonly EvaluationRow[], bins = 10): ModelMetrics {
  const paired = rows.filter((r): r is Required<EvaluationRow> => r.marketProbs !== undefined);
  const outcomes = paired.map((r) => r.outcome);
  const gapOf = (f: (p: Probs1x2, o: Outcome) => number) =>
    pairedDifference(
      paired.map((r) => f(r.probs, r.outcome)),
      paired.map((r) => f(r.marketProbs, r.outcome)),
    );
  return {
    model: scoreSummary(
      rows.map((r) => r.probs),
      rows.map((r) => r.outcome),
      bins,
    ),
    modelOnMarketRows: scoreSummary(
      paired.map((r) => r.probs),
      outcomes,
      bins,
    ),
    market: scoreSummary(
      paired.map((r) => r.marketProbs),
      outcomes,
      bins,
    ),
    gap: { rps: gapOf(rps), logLoss: gapOf(logLoss), brier: gapOf(brier) },
  };
}
