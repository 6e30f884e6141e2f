import { sql } from "drizzle-orm";
import { modelMetrics, type Db } from "@matchday/shared";
import type { MetricsReport } from "../domain/metrics-reports.js";

/** A number a column can hold: NaN and ±∞ (a mean over nothing, an SE over one) become null. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * Stores reports computed at `computedAt`, one row per (league, model version, window,
 * computed_at); a run repeated at the same instant rewrites its rows instead of adding new ones.
 */
export async function upsertMetricsReports(
  db: Db,
  reports: readonly MetricsReport[],
  computedAt: Date,
): Promise<void> {
  const rows = reports.map((r) => ({
    league: r.league,
    modelVersionId: r.modelVersionId,
    window: r.window,
    computedAt,
    n: r.metrics.model.n,
    accuracy: finiteOrNull(r.metrics.model.accuracy),
    rps: finiteOrNull(r.metrics.model.rps),
    logLoss: finiteOrNull(r.metrics.model.logLoss),
    brier: finiteOrNull(r.metrics.model.brier),
    ece: finiteOrNull(r.metrics.model.calibration.ece),
    marketN: r.metrics.market.n,
    marketRps: finiteOrNull(r.metrics.market.rps),
    rpsGap: finiteOrNull(r.metrics.gap.rps.mean),
    rpsGapSe: finiteOrNull(r.metrics.gap.rps.se),
    // JSON has no NaN: JSON.stringify writes null, which is what "not defined" should read as.
    details: JSON.parse(
      JSON.stringify({
        season: r.season ?? null,
        matchIds: r.matchIds,
        ...r.metrics,
        marketSources: r.marketSources,
        valueBets: r.valueBets,
      }),
    ) as Record<string, unknown>,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insert(modelMetrics)
      .values(rows.slice(i, i + 200))
      .onConflictDoUpdate({
        target: [
          modelMetrics.league,
          modelMetrics.modelVersionId,
          modelMetrics.window,
          modelMetrics.computedAt,
        ],
        set: {
          n: sql`excluded.n`,
          accuracy: sql`excluded.accuracy`,
          rps: sql`excluded.rps`,
          logLoss: sql`excluded.log_loss`,
          brier: sql`excluded.brier`,
          ece: sql`excluded.ece`,
          marketN: sql`excluded.market_n`,
          marketRps: sql`excluded.market_rps`,
          rpsGap: sql`excluded.rps_gap`,
          rpsGapSe: sql`excluded.rps_gap_se`,
          details: sql`excluded.details`,
        },
      });
  }
}
