import { validatePrediction } from "@matchday/model";
import {
  readMatchesByIds,
  type Db,
  type ResultInputOf,
  type TaskContext,
  type validatePredictions,
  type ValidationRow,
} from "@matchday/shared";
import { countingPrediction } from "../domain/counting-prediction.js";
import {
  listPredictionStamps,
  upsertValidations,
  validationsByMatch,
} from "../repo/predictions.js";

/**
 * `validate_predictions`: for every predicted match that has a result, scores the prediction that
 * counts (the last one made before kick-off): outcome, hit, RPS, log loss, Brier. Idempotent: a
 * match is (re)written only when it is new, its result was corrected or another prediction counts,
 * and `validated` reports only those.
 */
export async function handleValidatePredictions(
  _payload: unknown,
  ctx: TaskContext,
  deps: { db: Db },
): Promise<ResultInputOf<typeof validatePredictions>> {
  const stamps = await listPredictionStamps(deps.db);
  const byMatch = new Map<number, typeof stamps>();
  for (const s of stamps) {
    const list = byMatch.get(s.matchId);
    if (list) list.push(s);
    else byMatch.set(s.matchId, [s]);
  }
  const finished = (await readMatchesByIds(deps.db, [...byMatch.keys()])).filter(
    (m) => m.homeGoals !== undefined && m.awayGoals !== undefined,
  );
  const existing = await validationsByMatch(deps.db);
  const now = ctx.now();
  const writes: ValidationRow[] = [];
  for (const m of finished) {
    const p = countingPrediction(byMatch.get(m.matchId) ?? [], m.date);
    if (!p) continue;
    const old = existing.get(m.matchId);
    if (
      old &&
      old.predictionId === p.id &&
      old.homeGoals === m.homeGoals &&
      old.awayGoals === m.awayGoals
    ) {
      continue;
    }
    const v = validatePrediction(
      { home: p.pHome, draw: p.pDraw, away: p.pAway },
      m.homeGoals!,
      m.awayGoals!,
    );
    writes.push({
      matchId: m.matchId,
      predictionId: p.id,
      homeGoals: m.homeGoals!,
      awayGoals: m.awayGoals!,
      ...v,
      validatedAt: now,
    });
  }
  await upsertValidations(deps.db, writes);
  ctx.logger.info(
    { predictedMatches: byMatch.size, finished: finished.length, validated: writes.length },
    "predictions validated",
  );
  return { validated: writes.length, matchIds: writes.map((w) => String(w.matchId)) };
}
