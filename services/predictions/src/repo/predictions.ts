import { and, eq, sql } from "drizzle-orm";
import {
  predictions,
  validations,
  type Db,
  type NewPredictionRow,
  type PredictionRow,
  type ValidationRow,
} from "@matchday/shared";

/**
 * Inserts predictions; a (model version, match) pair already stored is left as it is. Returns how
 * many rows were new.
 */
export async function insertPredictions(
  db: Db,
  rows: readonly NewPredictionRow[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const done = await db
      .insert(predictions)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing({ target: [predictions.modelVersionId, predictions.matchId] })
      .returning({ id: predictions.id });
    inserted += done.length;
  }
  return inserted;
}

/** The stored prediction of a match by a model version. */
export async function findPrediction(
  db: Db,
  modelVersionId: number,
  matchId: number,
): Promise<PredictionRow | undefined> {
  const [row] = await db
    .select()
    .from(predictions)
    .where(and(eq(predictions.modelVersionId, modelVersionId), eq(predictions.matchId, matchId)));
  return row;
}

/** Every stored prediction's id, match, time and probabilities (validation's candidates). */
export async function listPredictionStamps(db: Db) {
  return db
    .select({
      id: predictions.id,
      matchId: predictions.matchId,
      madeAt: predictions.madeAt,
      pHome: predictions.pHome,
      pDraw: predictions.pDraw,
      pAway: predictions.pAway,
    })
    .from(predictions);
}

/** Every stored validation, by match id. */
export async function validationsByMatch(db: Db): Promise<Map<number, ValidationRow>> {
  const rows = await db.select().from(validations);
  return new Map(rows.map((r) => [r.matchId, r]));
}

/** Writes validations, replacing a match's previous one. */
export async function upsertValidations(
  db: Db,
  rows: readonly (typeof validations.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(validations)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: validations.matchId,
        set: {
          predictionId: sql`excluded.prediction_id`,
          homeGoals: sql`excluded.home_goals`,
          awayGoals: sql`excluded.away_goals`,
          outcome: sql`excluded.outcome`,
          hit: sql`excluded.hit`,
          rps: sql`excluded.rps`,
          logLoss: sql`excluded.log_loss`,
          brier: sql`excluded.brier`,
          validatedAt: sql`excluded.validated_at`,
        },
      });
  }
}
