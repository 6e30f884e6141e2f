import {
  NonRetryableError,
  readMatchesByIds,
  type Db,
  type generatePredictionForMatch,
  type PayloadOf,
  type ResultInputOf,
  type TaskContext,
} from "@matchday/shared";
import { predictFixtures } from "../predict-fixtures.js";
import { findPrediction, insertPredictions } from "../repo/predictions.js";

/**
 * `generate_prediction_for_match`: predicts one match now. An unknown id, a match already kicked
 * off, or a league without a model are permanent for this message: `NonRetryableError`, so the run
 * is dead-lettered with its reason instead of retried.
 */
export async function handleGeneratePredictionForMatch(
  payload: PayloadOf<typeof generatePredictionForMatch>,
  ctx: TaskContext,
  deps: { db: Db },
): Promise<ResultInputOf<typeof generatePredictionForMatch>> {
  const now = ctx.now();
  const id = /^\d{1,9}$/.test(payload.match_id) ? Number(payload.match_id) : undefined;
  const [match] = id === undefined ? [] : await readMatchesByIds(deps.db, [id]);
  if (!match) throw new NonRetryableError(`unknown match id ${JSON.stringify(payload.match_id)}`);
  if (match.date.getTime() <= now.getTime()) {
    throw new NonRetryableError(
      `match ${match.matchId} (${match.homeName}–${match.awayName}) kicked off at ${match.date.toISOString()}: no prediction at or after kick-off`,
    );
  }
  const { rows, models } = await predictFixtures(deps.db, [match], now);
  const model = models.get(match.league);
  const row = rows[0];
  if (!model || !row) {
    throw new NonRetryableError(`league ${match.league} has no model yet: run retrain_model first`);
  }
  await insertPredictions(deps.db, [row]);
  const stored = await findPrediction(deps.db, model.id, match.matchId);
  if (!stored) throw new Error(`prediction of match ${match.matchId} was not stored`);
  return {
    matchId: String(match.matchId),
    predictionId: String(stored.id),
    pHome: stored.pHome,
    pDraw: stored.pDraw,
    pAway: stored.pAway,
  };
}
