import { performance } from "node:perf_hooks";

import type { DixonColesParams } from "./dixon-coles.js";
import { scoreLogLikelihood } from "./dixon-coles.js";
import type { TrainingSet } from "./dixon-coles-objective.js";
import { createObjective, packParameters, unpackParameters } from "./dixon-coles-objective.js";
import type { LbfgsOptions } from "./lbfgs.js";
import { minimizeLbfgs } from "./lbfgs.js";
import { trainingFingerprint } from "./training-fingerprint.js";
import type { MatchRecord, PlayedMatch } from "./types.js";
import { isPlayed } from "./types.js";

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** Hyper-parameters of a fit; see `DEFAULT_MODEL_SETTINGS` for the tuned values. */
export type ModelSettings = {
  /** Training window length in days before the cutoff (about three seasons). */
  windowDays: number;
  /** Exponential time decay per day: a match `d` days before the cutoff has weight exp(−xi·d). */
  xi: number;
  /** Ridge penalty on attack and defence, in log-likelihood units per squared log-rate. */
  ridge: number;
  /**
   * Share (0..1) of shots on target in the Poisson targets: each side's target is
   * (1 − s)·goals + s·k·shotsOnTarget, k = weighted goals per shot on target in the window.
   * 0 fits goals only (the classic model). Rows without shot counts use goals.
   */
  shotsWeight: number;
};

/**
 * Settings chosen on the 2010/11–2013/14 seasons only: weekly walk-forward over 2012/13 and
 * 2013/14 of E0, SP1, I1, D1 and F1 pooled (3652 matches), minimising the model's mean RPS over a
 * grid xi ∈ {0.001 … 0.0035}, ridge ∈ {0.3 … 10}, shotsWeight ∈ {0 … 0.8}. The surface is flat
 * near the optimum (±0.0001 RPS); shots on target gave the largest gain (0.1995 → 0.1985).
 * ξ = 0.003/day is a half-life of about 230 days.
 */
export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  windowDays: 1095,
  xi: 0.003,
  ridge: 0.5,
  shotsWeight: 0.5,
};

export type FitOptions = Partial<ModelSettings> & {
  /** Only matches kicking off strictly before this instant are used. */
  cutoff: Date;
  /** Previous parameters to start from (warm start); teams it does not know start at 0. */
  init?: DixonColesParams;
  optimizer?: LbfgsOptions;
};

export type FittedModel = {
  params: DixonColesParams;
  /** Weighted log-likelihood Σ w·log P(observed score) of the training rows at `params`. */
  logLik: number;
  /** The minimised penalised objective (see `createObjective`). */
  objective: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  /** max|∇objective| at the optimum. */
  gradientNorm: number;
  /** Wall-clock fit time in milliseconds (the only non-deterministic field). */
  fitMs: number;
  /** `trainingFingerprint` of the rows used. */
  fingerprint: string;
  training: ModelSettings & {
    cutoff: Date;
    /** Start of the window (inclusive). */
    from: Date;
    /** Number of played matches in the window. */
    matches: number;
  };
};

/** Played matches with `from ≤ date < cutoff`, in canonical order (date, home, away, id). */
export function selectTrainingRows(
  matches: readonly MatchRecord[],
  from: Date,
  cutoff: Date,
): PlayedMatch[] {
  const lo = from.getTime();
  const hi = cutoff.getTime();
  return matches
    .filter((m): m is PlayedMatch => isPlayed(m) && m.date.getTime() >= lo && m.date.getTime() < hi)
    .sort(
      (a, b) =>
        a.date.getTime() - b.date.getTime() ||
        compare(a.home, b.home) ||
        compare(a.away, b.away) ||
        compare(a.id, b.id),
    );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the column-form training set, weights and Poisson targets included. */
export function buildTrainingSet(
  rows: readonly PlayedMatch[],
  cutoff: Date,
  settings: Pick<ModelSettings, "xi" | "shotsWeight">,
): TrainingSet {
  const teams = [...new Set(rows.flatMap((m) => [m.home, m.away]))].sort(compare);
  const index = new Map(teams.map((t, i) => [t, i]));
  const n = rows.length;
  const set: TrainingSet = {
    teams,
    homeIndex: new Int32Array(n),
    awayIndex: new Int32Array(n),
    homeTarget: new Float64Array(n),
    awayTarget: new Float64Array(n),
    homeGoals: new Int32Array(n),
    awayGoals: new Int32Array(n),
    weight: new Float64Array(n),
  };
  const t0 = cutoff.getTime();
  let goals = 0;
  let shots = 0;
  rows.forEach((m, r) => {
    const w = Math.exp((-settings.xi * (t0 - m.date.getTime())) / DAY_MS);
    set.homeIndex[r] = index.get(m.home)!;
    set.awayIndex[r] = index.get(m.away)!;
    set.homeGoals[r] = m.homeGoals;
    set.awayGoals[r] = m.awayGoals;
    set.weight[r] = w;
    if (m.homeShotsOnTarget !== undefined && m.awayShotsOnTarget !== undefined) {
      goals += w * (m.homeGoals + m.awayGoals);
      shots += w * (m.homeShotsOnTarget + m.awayShotsOnTarget);
    }
  });
  const s = settings.shotsWeight;
  const k = shots > 0 ? goals / shots : 0;
  rows.forEach((m, r) => {
    const useShots =
      s > 0 && k > 0 && m.homeShotsOnTarget !== undefined && m.awayShotsOnTarget !== undefined;
    set.homeTarget[r] = useShots
      ? (1 - s) * m.homeGoals + s * k * m.homeShotsOnTarget!
      : m.homeGoals;
    set.awayTarget[r] = useShots
      ? (1 - s) * m.awayGoals + s * k * m.awayShotsOnTarget!
      : m.awayGoals;
  });
  return set;
}

/**
 * Fits the time-weighted Dixon–Coles model by penalised maximum likelihood (L-BFGS on the analytic
 * gradient) to the played matches in `[cutoff − windowDays, cutoff)`. Pure and deterministic:
 * the same matches (in any order) and options give the same parameters. Throws a RangeError when
 * the window holds no played match.
 */
export function fitDixonColes(matches: readonly MatchRecord[], options: FitOptions): FittedModel {
  const started = performance.now();
  const settings: ModelSettings = {
    windowDays: options.windowDays ?? DEFAULT_MODEL_SETTINGS.windowDays,
    xi: options.xi ?? DEFAULT_MODEL_SETTINGS.xi,
    ridge: options.ridge ?? DEFAULT_MODEL_SETTINGS.ridge,
    shotsWeight: options.shotsWeight ?? DEFAULT_MODEL_SETTINGS.shotsWeight,
  };
  const from = new Date(options.cutoff.getTime() - settings.windowDays * DAY_MS);
  const rows = selectTrainingRows(matches, from, options.cutoff);
  if (rows.length === 0) {
    throw new RangeError(
      `no played match in the training window ${from.toISOString()} – ${options.cutoff.toISOString()}`,
    );
  }
  const data = buildTrainingSet(rows, options.cutoff, settings);
  const meanGoals =
    rows.reduce((s, m) => s + m.homeGoals + m.awayGoals, 0) / (2 * rows.length) || 1;
  const x0 = packParameters(
    data.teams,
    { intercept: Math.log(Math.max(meanGoals, 0.1)), homeAdvantage: 0.25, rho: 0 },
    options.init,
  );
  const result = minimizeLbfgs(createObjective(data, settings.ridge), x0, options.optimizer);
  const params = unpackParameters(result.x, data.teams);
  let logLik = 0;
  rows.forEach((m, r) => {
    logLik +=
      data.weight[r]! * scoreLogLikelihood(params, m.home, m.away, m.homeGoals, m.awayGoals);
  });
  return {
    params,
    logLik,
    objective: result.f,
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations,
    gradientNorm: result.gradientNorm,
    fitMs: performance.now() - started,
    fingerprint: trainingFingerprint(rows),
    training: { ...settings, cutoff: options.cutoff, from, matches: rows.length },
  };
}
