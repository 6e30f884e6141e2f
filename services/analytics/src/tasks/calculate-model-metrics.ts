import type { MarginMethod } from "@matchday/model";
import {
  readMatchesByIds,
  readScoredPredictions,
  type calculateModelMetrics,
  type Db,
  type ResultInputOf,
  type TaskContext,
} from "@matchday/shared";
import { buildMetricsReports } from "../domain/metrics-reports.js";
import { upsertMetricsReports } from "../repo/model-metrics.js";

export type MetricsDeps = { db: Db; marginMethod: MarginMethod; valueBetThreshold: number };

/**
 * `calculate_model_metrics`: one report per league, model version and window over the validated
 * predictions, with the market benchmark on the same matches, stored at the run's "now".
 */
export async function handleCalculateModelMetrics(
  _payload: unknown,
  ctx: TaskContext,
  deps: MetricsDeps,
): Promise<ResultInputOf<typeof calculateModelMetrics>> {
  const now = ctx.now();
  const scored = await readScoredPredictions(deps.db);
  const matches = await readMatchesByIds(
    deps.db,
    scored.map((s) => s.matchId),
    { withOdds: true },
  );
  ctx.signal.throwIfAborted();
  const reports = buildMetricsReports(scored, new Map(matches.map((m) => [m.matchId, m])), {
    now,
    marginMethod: deps.marginMethod,
    valueBetThreshold: deps.valueBetThreshold,
  });
  await upsertMetricsReports(deps.db, reports, now);
  const covered = new Set(reports.flatMap((r) => r.matchIds));
  ctx.logger.info({ reports: reports.length, matches: covered.size }, "model metrics stored");
  return { reports: reports.length, matches: covered.size };
}
