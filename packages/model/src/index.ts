export {
  type Odds1x2,
  type Probs1x2,
  type Outcome,
  type OddsQuote,
  type MatchRecord,
  type PlayedMatch,
  OUTCOMES,
  isPlayed,
  outcomeOf,
} from "./types.js";
export {
  type DixonColesParams,
  expectedGoals,
  tau,
  scoreLogLikelihood,
  logPoisson,
} from "./dixon-coles.js";
export { minimizeLbfgs, type Objective, type LbfgsOptions, type LbfgsResult } from "./lbfgs.js";
export {
  fitDixonColes,
  selectTrainingRows,
  DEFAULT_MODEL_SETTINGS,
  type ModelSettings,
  type FitOptions,
  type FittedModel,
} from "./fit-dixon-coles.js";
export { trainingFingerprint } from "./training-fingerprint.js";
export {
  scorelineMatrix,
  poissonPmf,
  DEFAULT_MAX_GOALS,
  type ScorelineMatrix,
} from "./scoreline-matrix.js";
export { predictMatch, marketsFromMatrix, type MatchPrediction } from "./predict-match.js";
export { rps, logLoss, brier, predictedOutcome, LOG_LOSS_FLOOR } from "./scoring-rules.js";
export { validatePrediction, type PredictionValidation } from "./validate-prediction.js";
export { calibration, type CalibrationBin, type CalibrationTable } from "./calibration.js";
export { removeMargin, MarginMethod } from "./remove-margin.js";
export { marketProbabilities, type MarketSource } from "./market-probabilities.js";
export { pairedDifference } from "./paired-difference.js";
export {
  valueBetReturns,
  type ValueBet,
  type ValueBetCandidate,
  type ValueBetReturns,
} from "./value-bets.js";
export {
  computeModelMetrics,
  scoreSummary,
  type EvaluationRow,
  type ModelMetrics,
  type ScoreSummary,
  type Difference,
} from "./model-metrics.js";
export {
  walkForward,
  refitCutoff,
  seasonOf,
  startOfUtcDay,
  type RefitSchedule,
  type WalkForwardOptions,
  type WalkForwardPrediction,
  type WalkForwardFit,
  type WalkForwardResult,
} from "./walk-forward.js";
export { summariseBacktest, type BacktestRow, type BacktestSummary } from "./summarise-backtest.js";
