import {
  computeModelMetrics,
  marketProbabilities,
  valueBetReturns,
  type MarginMethod,
  type MatchRecord,
  type ModelMetrics,
  type ValueBetCandidate,
} from "@matchday/model";
import type { MetricsWindow, ScoredPrediction } from "@matchday/shared";

const DAY_MS = 86_400_000;

/** One metrics report: a (league, model version, window) group and everything computed on it. */
export type MetricsReport = {
  league: string;
  modelVersionId: number;
  window: MetricsWindow;
  /** The season code the `season` window covers (the league's latest with a validated match). */
  season?: string;
  matchIds: number[];
  metrics: ModelMetrics;
  /** Where each paired match's market probabilities came from (`pinnacle-closing`, …). */
  marketSources: Record<string, number>;
  valueBets: {
    threshold: number;
    staked: number;
    profit: number;
    roi: number;
    roiSe: number;
    /** Predictions without odds recorded at prediction time (no bet possible). */
    skipped: number;
  };
};

export type MetricsOptions = {
  now: Date;
  marginMethod: MarginMethod;
  valueBetThreshold: number;
};

/**
 * Groups validated predictions by league, model version and window (kicked off at most 30 days before `now`,
 * the league's latest season, all time) and computes each group's report: the model's scores and
 * calibration, the market's on the same matches (margin removed by `marginMethod`), the paired
 * model − market differences, and the flat-stake value strategy on the odds recorded when each
 * prediction was made. Empty groups give no report. `matches` maps match id → the match with its
 * closing odds (see `readMatchesByIds(…, { withOdds: true })`).
 */
export function buildMetricsReports(
  scored: readonly ScoredPrediction[],
  matches: ReadonlyMap<number, MatchRecord>,
  options: MetricsOptions,
): MetricsReport[] {
  const reports: MetricsReport[] = [];
  const since = options.now.getTime() - 30 * DAY_MS;
  const leagues = [...new Set(scored.map((s) => s.league))].sort();
  for (const league of leagues) {
    // Every validated prediction counts: it has a result, so it was played (even when a replay's
    // clock says otherwise).
    const inLeague = scored.filter((s) => s.league === league);
    const season = inLeague
      .map((s) => s.season)
      .sort()
      .at(-1);
    const versions = [...new Set(inLeague.map((s) => s.modelVersionId))].sort((a, b) => a - b);
    for (const modelVersionId of versions) {
      const ofVersion = inLeague.filter((s) => s.modelVersionId === modelVersionId);
      const windows: [MetricsWindow, ScoredPrediction[]][] = [
        ["last_30_days", ofVersion.filter((s) => s.kickoff.getTime() >= since)],
        ["season", ofVersion.filter((s) => s.season === season)],
        ["all_time", ofVersion],
      ];
      for (const [window, rows] of windows) {
        if (rows.length === 0) continue;
        reports.push({
          league,
          modelVersionId,
          window,
          ...(window === "season" && season ? { season } : {}),
          ...groupMetrics(rows, matches, options),
        });
      }
    }
  }
  return reports;
}

function groupMetrics(
  rows: readonly ScoredPrediction[],
  matches: ReadonlyMap<number, MatchRecord>,
  options: MetricsOptions,
): Pick<MetricsReport, "matchIds" | "metrics" | "marketSources" | "valueBets"> {
  const marketSources: Record<string, number> = {};
  const evaluation = rows.map((r) => {
    const match = matches.get(r.matchId);
    const market = match ? marketProbabilities(match, options.marginMethod) : undefined;
    if (market) marketSources[market.source] = (marketSources[market.source] ?? 0) + 1;
    return { probs: r.probs, outcome: r.outcome, ...(market ? { marketProbs: market.probs } : {}) };
  });
  const candidates: ValueBetCandidate[] = rows.map((r) => ({
    probs: r.probs,
    outcome: r.outcome,
    madeAt: r.madeAt,
    ...(r.oddsAtPrediction
      ? {
          quote: {
            odds: {
              home: r.oddsAtPrediction.home,
              draw: r.oddsAtPrediction.draw,
              away: r.oddsAtPrediction.away,
            },
            // Read from the database by the run that made the prediction: they existed then.
            quotedAt: r.madeAt,
          },
        }
      : {}),
  }));
  const v = valueBetReturns(candidates, options.valueBetThreshold);
  return {
    matchIds: rows.map((r) => r.matchId),
    metrics: computeModelMetrics(evaluation),
    marketSources,
    valueBets: {
      threshold: options.valueBetThreshold,
      staked: v.staked,
      profit: v.profit,
      roi: v.roi,
      roiSe: v.roiSe,
      skipped: v.skipped,
    },
  };
}
