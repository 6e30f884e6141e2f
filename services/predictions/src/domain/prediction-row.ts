import { predictMatch, type DixonColesParams } from "@matchday/model";
import type { FootballMatch, NewPredictionRow, OddsAtPrediction } from "@matchday/shared";

/** The model a prediction comes from: a stored version's id, league and parameters. */
export type PredictingModel = { id: number; league: string; params: DixonColesParams };

/** Thrown for a prediction that would be made at or after kick-off (a programming error). */
export class KickedOffError extends Error {
  override name = "KickedOffError";
}

/**
 * The stored prediction of `match` by `model` made at `madeAt`: every market from one scoreline
 * matrix (`predictMatch`). Refuses a match whose kick-off is not strictly after `madeAt`.
 */
export function predictionRow(
  model: PredictingModel,
  match: Pick<FootballMatch, "matchId" | "league" | "season" | "date" | "home" | "away">,
  madeAt: Date,
  odds: OddsAtPrediction | undefined,
): NewPredictionRow {
  if (match.date.getTime() <= madeAt.getTime()) {
    throw new KickedOffError(
      `match ${match.matchId} kicked off at ${match.date.toISOString()}: no prediction at or after kick-off (now ${madeAt.toISOString()})`,
    );
  }
  const p = predictMatch(model.params, match.home, match.away);
  return {
    modelVersionId: model.id,
    matchId: match.matchId,
    league: match.league,
    season: match.season,
    kickoff: match.date,
    madeAt,
    pHome: p.probs.home,
    pDraw: p.probs.draw,
    pAway: p.probs.away,
    xgHome: p.expectedGoals.home,
    xgAway: p.expectedGoals.away,
    likelyHomeGoals: p.mostLikelyScore.home,
    likelyAwayGoals: p.mostLikelyScore.away,
    likelyScoreProbability: p.mostLikelyScore.probability,
    over25: p.over25,
    under25: p.under25,
    bttsYes: p.bttsYes,
    bttsNo: p.bttsNo,
    oddsAtPrediction: odds ?? null,
  };
}
