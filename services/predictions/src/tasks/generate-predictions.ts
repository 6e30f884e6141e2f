import {
  DAY,
  readMatches,
  type Db,
  type generatePredictions,
  type PayloadOf,
  type ResultInputOf,
  type TaskContext,
} from "@matchday/shared";
import { predictFixtures } from "../predict-fixtures.js";
import { insertPredictions } from "../repo/predictions.js";

/**
 * `generate_predictions`: predicts every fixture kicking off in (now, now + days] with its league's
 * active model. Stored per (model version, match): a second run with the same models inserts
 * nothing and reports the fixtures as unchanged.
 */
export async function handleGeneratePredictions(
  payload: PayloadOf<typeof generatePredictions>,
  ctx: TaskContext,
  deps: { db: Db },
): Promise<ResultInputOf<typeof generatePredictions>> {
  const now = ctx.now();
  const fixtures = await readMatches(deps.db, {
    status: "scheduled",
    from: new Date(now.getTime() + 1),
    before: new Date(now.getTime() + payload.days * DAY + 1),
  });
  ctx.signal.throwIfAborted();
  const { rows, withoutModel } = await predictFixtures(deps.db, fixtures, now);
  const predicted = await insertPredictions(deps.db, rows);
  ctx.logger.info(
    { fixtures: fixtures.length, predicted, unchanged: rows.length - predicted, withoutModel },
    "predictions generated",
  );
  return { predicted, unchanged: rows.length - predicted, withoutModel };
}
