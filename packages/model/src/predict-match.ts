import type { DixonColesParams } from "./dixon-coles.js";
import type { ScorelineMatrix } from "./scoreline-matrix.js";
import { DEFAULT_MAX_GOALS, scorelineMatrix } from "./scoreline-matrix.js";
import type { Probs1x2 } from "./types.js";

/** Every market the predictions service publishes, all read from one scoreline matrix. */
export type MatchPrediction = {
  /** P(home win), P(draw), P(away win); sums to 1. */
  probs: Probs1x2;
  /** Poisson rates of the model (expected goals of each side). */
  expectedGoals: { home: number; away: number };
  /** The single most probable score and its probability. */
  mostLikelyScore: { home: number; away: number; probability: number };
  /** P(total goals ≥ 3) and its complement. */
  over25: number;
  under25: number;
  /** P(both teams score) and its complement. */
  bttsYes: number;
  bttsNo: number;
  /** Mass lost to truncation before renormalising (see `ScorelineMatrix.truncatedMass`). */
  truncatedMass: number;
};

/**
 * Predicts one fixture. The matrix is renormalised over the kept scores so the markets are
 * mutually consistent and each sums to exactly 1. Unknown teams (no history in the training
 * window) count as average, so a promoted club always gets a prediction.
 */
export function predictMatch(
  params: DixonColesParams,
  home: string,
  away: string,
  maxGoals: number = DEFAULT_MAX_GOALS,
): MatchPrediction {
  return marketsFromMatrix(scorelineMatrix(params, home, away, maxGoals));
}

/** Reads all markets off a scoreline matrix (renormalised over its kept scores). */
export function marketsFromMatrix(matrix: ScorelineMatrix): MatchPrediction {
  let total = 0;
  let home = 0;
  let draw = 0;
  let over = 0;
  let btts = 0;
  let best = { home: 0, away: 0, probability: -1 };
  matrix.p.forEach((row, h) =>
    row.forEach((v, a) => {
      total += v;
      if (h > a) home += v;
      else if (h === a) draw += v;
      if (h + a > 2) over += v;
      if (h > 0 && a > 0) btts += v;
      if (v > best.probability) best = { home: h, away: a, probability: v };
    }),
  );
  const pHome = home / total;
  const pDraw = draw / total;
  const pOver = over / total;
  const pBtts = btts / total;
  return {
    probs: { home: pHome, draw: pDraw, away: Math.max(0, 1 - pHome - pDraw) },
    expectedGoals: { home: matrix.lambdaHome, away: matrix.lambdaAway },
    mostLikelyScore: { ...best, probability: best.probability / total },
    over25: pOver,
    under25: 1 - pOver,
    bttsYes: pBtts,
    bttsNo: 1 - pBtts,
    truncatedMass: matrix.truncatedMass,
  };
}
