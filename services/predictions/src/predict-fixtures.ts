import {
  readActiveModel,
  readPreMatchOdds,
  type Db,
  type FootballMatch,
  type ModelVersionRow,
  type NewPredictionRow,
} from "@matchday/shared";
import { predictionRow } from "./domain/prediction-row.js";

/** The predictions of a set of fixtures, and the leagues that had no model to predict with. */
export type FixturePredictions = {
  rows: NewPredictionRow[];
  models: Map<string, ModelVersionRow>;
  withoutModel: string[];
};

/**
 * Predicts fixtures as of `now` with each league's active model (the newest version whose cutoff is
 * not after `now`), attaching the pre-match odds that exist now. Fixtures kicking off at or before
 * `now` are left out: a prediction is never made at or after kick-off.
 */
export async function predictFixtures(
  db: Db,
  fixtures: readonly FootballMatch[],
  now: Date,
): Promise<FixturePredictions> {
  const upcoming = fixtures.filter((f) => f.date.getTime() > now.getTime());
  const models = new Map<string, ModelVersionRow>();
  const withoutModel: string[] = [];
  for (const league of [...new Set(upcoming.map((f) => f.league))].sort()) {
    const model = await readActiveModel(db, league, now);
    if (model) models.set(league, model);
    else withoutModel.push(league);
  }
  const predictable = upcoming.filter((f) => models.has(f.league));
  const odds = await readPreMatchOdds(
    db,
    predictable.map((f) => f.matchId),
  );
  const rows = predictable.map((f) => {
    const model = models.get(f.league)!;
    return predictionRow(
      { id: model.id, league: model.league, params: model.params },
      f,
      now,
      odds.get(f.matchId),
    );
  });
  return { rows, models, withoutModel };
}
