import type { DixonColesParams } from "./dixon-coles.js";
import type { Objective } from "./lbfgs.js";

/**
 * Training rows in column form, ready for the objective. `homeTarget`/`awayTarget` are the counts
 * the Poisson part is fitted to (the goals, or a blend of goals and shots on target); the τ
 * correction always uses the actual goals.
 */
export type TrainingSet = {
  teams: string[];
  homeIndex: Int32Array;
  awayIndex: Int32Array;
  homeTarget: Float64Array;
  awayTarget: Float64Array;
  homeGoals: Int32Array;
  awayGoals: Int32Array;
  /** Time-decay weight of each row (1 = a match on the cutoff day). */
  weight: Float64Array;
};

/**
 * Where each parameter sits in the flat vector the optimiser sees, for `teamCount` teams:
 * attack[0..n), defence[n..2n), then intercept, home advantage and ρ.
 */
export function parameterLayout(teamCount: number) {
  const n = teamCount;
  return {
    attack: 0,
    defence: n,
    intercept: 2 * n,
    homeAdvantage: 2 * n + 1,
    rho: 2 * n + 2,
    size: 2 * n + 3,
  };
}

/**
 * The penalised negative weighted log-likelihood
 *   f(x) = −Σ w·[yH·log λ − λ + yA·log μ − μ + log τ(goals; λ, μ, ρ)] + ridge·Σ_teams (attack² + defence²)
 * (the constant −log y! terms are dropped) with its analytic gradient. The ridge penalty both
 * identifies the team strengths (no sum-to-zero constraint needed) and shrinks teams with little
 * data toward average. `ridge` is in log-likelihood units per squared log-rate.
 * Returns +Infinity where some τ ≤ 0 (outside the model's domain).
 */
export function createObjective(data: TrainingSet, ridge: number): Objective {
  const n = data.teams.length;
  const at = parameterLayout(n);
  const rows = data.weight.length;
  return (x, grad) => {
    grad.fill(0);
    const intercept = x[at.intercept]!;
    const home = x[at.homeAdvantage]!;
    const rho = x[at.rho]!;
    let nll = 0;
    let gIntercept = 0;
    let gHome = 0;
    let gRho = 0;
    for (let r = 0; r < rows; r++) {
      const h = data.homeIndex[r]!;
      const a = data.awayIndex[r]!;
      const w = data.weight[r]!;
      const logLambda = intercept + home + x[h]! - x[n + a]!;
      const logMu = intercept + x[a]! - x[n + h]!;
      const lambda = Math.exp(logLambda);
      const mu = Math.exp(logMu);
      const yH = data.homeTarget[r]!;
      const yA = data.awayTarget[r]!;
      let ll = yH * logLambda - lambda + yA * logMu - mu;
      // d ll / d log λ and d ll / d log μ.
      let dL = yH - lambda;
      let dM = yA - mu;
      const gh = data.homeGoals[r]!;
      const ga = data.awayGoals[r]!;
      if (gh <= 1 && ga <= 1) {
        let t: number;
        let dTdL = 0; // ∂τ/∂log λ
        let dTdM = 0; // ∂τ/∂log μ
        let dTdRho: number;
        if (gh === 0 && ga === 0) {
          t = 1 - lambda * mu * rho;
          dTdL = -lambda * mu * rho;
          dTdM = dTdL;
          dTdRho = -lambda * mu;
        } else if (gh === 0) {
          t = 1 + lambda * rho;
          dTdL = lambda * rho;
          dTdRho = lambda;
        } else if (ga === 0) {
          t = 1 + mu * rho;
          dTdM = mu * rho;
          dTdRho = mu;
        } else {
          t = 1 - rho;
          dTdRho = -1;
        }
        if (!(t > 0)) return Number.POSITIVE_INFINITY;
        ll += Math.log(t);
        dL += dTdL / t;
        dM += dTdM / t;
        gRho -= (w * dTdRho) / t;
      }
      nll -= w * ll;
      const wdL = w * dL;
      const wdM = w * dM;
      gIntercept -= wdL + wdM;
      gHome -= wdL;
      grad[h] = grad[h]! - wdL;
      grad[n + a] = grad[n + a]! + wdL;
      grad[a] = grad[a]! - wdM;
      grad[n + h] = grad[n + h]! + wdM;
    }
    let penalty = 0;
    for (let i = 0; i < 2 * n; i++) {
      penalty += x[i]! * x[i]!;
      grad[i] = grad[i]! + 2 * ridge * x[i]!;
    }
    grad[at.intercept] = gIntercept;
    grad[at.homeAdvantage] = gHome;
    grad[at.rho] = gRho;
    return nll + ridge * penalty;
  };
}

/** Reads a flat parameter vector back into named parameters. */
export function unpackParameters(x: Float64Array, teams: string[]): DixonColesParams {
  const at = parameterLayout(teams.length);
  const attack: Record<string, number> = {};
  const defence: Record<string, number> = {};
  teams.forEach((team, i) => {
    attack[team] = x[at.attack + i]!;
    defence[team] = x[at.defence + i]!;
  });
  return {
    teams: [...teams],
    attack,
    defence,
    intercept: x[at.intercept]!,
    homeAdvantage: x[at.homeAdvantage]!,
    rho: x[at.rho]!,
  };
}

/**
 * Builds the starting vector for `teams`: from `init` where it knows a team (warm start), else 0
 * (average); intercept, home advantage and ρ from `init` or from `defaults`.
 */
export function packParameters(
  teams: string[],
  defaults: { intercept: number; homeAdvantage: number; rho: number },
  init?: DixonColesParams,
): Float64Array {
  const at = parameterLayout(teams.length);
  const x = new Float64Array(at.size);
  teams.forEach((team, i) => {
    x[at.attack + i] = init?.attack[team] ?? 0;
    x[at.defence + i] = init?.defence[team] ?? 0;
  });
  x[at.intercept] = init?.intercept ?? defaults.intercept;
  x[at.homeAdvantage] = init?.homeAdvantage ?? defaults.homeAdvantage;
  x[at.rho] = init?.rho ?? defaults.rho;
  return x;
}
