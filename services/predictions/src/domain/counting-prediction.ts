/** The fields that decide which prediction of a match counts. */
export type PredictionStamp = { id: number; madeAt: Date };

/**
 * The prediction validation scores for a match: the last one made strictly before its kick-off
 * (latest `madeAt`, then highest id). Undefined when none was (say the match moved earlier than
 * every prediction).
 */
export function countingPrediction<T extends PredictionStamp>(
  candidates: readonly T[],
  kickoff: Date,
): T | undefined {
  let best: T | undefined;
  for (const c of candidates) {
    if (c.madeAt.getTime() >= kickoff.getTime()) continue;
    if (
      !best ||
      c.madeAt.getTime() > best.madeAt.getTime() ||
      (c.madeAt.getTime() === best.madeAt.getTime() && c.id > best.id)
    ) {
      best = c;
    }
  }
  return best;
}
