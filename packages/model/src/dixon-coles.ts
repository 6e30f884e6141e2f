/**
 * The Dixon–Coles (1997) match model: home goals ~ Poisson(λ), away goals ~ Poisson(μ) with
 *   log λ = intercept + homeAdvantage + attack[home] − defence[away]
 *   log μ = intercept + attack[away] − defence[home]
 * and the low-score correction τ(x, y; λ, μ, ρ) multiplying the four scores 0-0, 1-0, 0-1, 1-1.
 * A positive attack scores more than average, a positive defence concedes less than average; a team
 * the model has not seen (a promoted club) counts as average (0, 0), which is where the ridge
 * penalty shrinks teams with little data.
 */
export type DixonColesParams = {
  /** Teams present in the training data, sorted. */
  teams: string[];
  /** Attack strength per team (log scale, 0 = average). */
  attack: Record<string, number>;
  /** Defence strength per team (log scale, 0 = average, positive = concedes less). */
  defence: Record<string, number>;
  /** Log goal rate of an average team playing away to an average team. */
  intercept: number;
  /** Home advantage on the log scale (exp(homeAdvantage) multiplies the home goal rate). */
  homeAdvantage: number;
  /** Dixon–Coles low-score dependence ρ (negative: more 0-0 and 1-1 than independence). */
  rho: number;
};

/** Expected goals (Poisson rates) of the home and away side. Unknown teams count as average. */
export function expectedGoals(
  params: DixonColesParams,
  home: string,
  away: string,
): { home: number; away: number } {
  const aH = params.attack[home] ?? 0;
  const dH = params.defence[home] ?? 0;
  const aA = params.attack[away] ?? 0;
  const dA = params.defence[away] ?? 0;
  return {
    home: Math.exp(params.intercept + params.homeAdvantage + aH - dA),
    away: Math.exp(params.intercept + aA - dH),
  };
}

/**
 * The Dixon–Coles correction factor τ for the score (x, y): 1 − λμρ at 0-0, 1 + λρ at 0-1,
 * 1 + μρ at 1-0, 1 − ρ at 1-1 and 1 elsewhere. It can be ≤ 0 for extreme (λ, μ, ρ), where the model
 * is undefined; callers treat that as infeasible.
 */
export function tau(x: number, y: number, lambda: number, mu: number, rho: number): number {
  if (x === 0 && y === 0) return 1 - lambda * mu * rho;
  if (x === 0 && y === 1) return 1 + lambda * rho;
  if (x === 1 && y === 0) return 1 + mu * rho;
  if (x === 1 && y === 1) return 1 - rho;
  return 1;
}

/** log k! for a non-negative integer k. */
export function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

/** log of the Poisson probability of k events at rate `rate`. */
export function logPoisson(k: number, rate: number): number {
  return k * Math.log(rate) - rate - logFactorial(k);
}

/**
 * The Dixon–Coles log-likelihood of one observed score: log τ + log Pois(x; λ) + log Pois(y; μ).
 * Returns −Infinity when τ ≤ 0.
 */
export function scoreLogLikelihood(
  params: DixonColesParams,
  home: string,
  away: string,
  homeGoals: number,
  awayGoals: number,
): number {
  const rates = expectedGoals(params, home, away);
  const t = tau(homeGoals, awayGoals, rates.home, rates.away, params.rho);
  if (!(t > 0)) return Number.NEGATIVE_INFINITY;
  return Math.log(t) + logPoisson(homeGoals, rates.home) + logPoisson(awayGoals, rates.away);
}
