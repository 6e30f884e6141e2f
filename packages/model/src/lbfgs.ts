/**
 * A small limited-memory BFGS minimiser (Nocedal & Wright, Numerical Optimization, 2nd ed.,
 * algorithms 7.4 and 7.5) with a backtracking line search on the Armijo condition that
 * interpolates a safeguarded quadratic step, and a curvature check before each memory update.
 * Written here because the package takes no numerical dependencies.
 */

/**
 * The function to minimise: it returns f(x) and writes ∇f(x) into `grad` (same length as `x`).
 * It may return a non-finite value for an infeasible x; the line search then shortens the step.
 */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export type LbfgsOptions = {
  /** Number of (s, y) correction pairs kept. Default 10. */
  memory?: number;
  /** Iteration cap. Default 1000. */
  maxIterations?: number;
  /** Stop when max|∇f| ≤ this, in objective units per parameter unit. Default 1e-5. */
  gradientTolerance?: number;
  /** Stop when the relative decrease of f in one iteration is below this. Default 1e-14. */
  functionTolerance?: number;
  /** Armijo sufficient-decrease constant c1. Default 1e-4. */
  armijo?: number;
  /** Line-search trial cap per iteration. Default 50. */
  maxLineSearchSteps?: number;
};

export type LbfgsResult = {
  x: Float64Array;
  f: number;
  /** max|∇f(x)| at the returned point. */
  gradientNorm: number;
  iterations: number;
  /** Objective evaluations, line-search trials included. */
  evaluations: number;
  /** True when the gradient or function tolerance was met (not when a cap was hit). */
  converged: boolean;
  reason: "gradient" | "function" | "max-iterations" | "line-search";
};

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/**
 * Minimises `objective` from `x0` (not modified). Deterministic: the same inputs give bit-identical
 * results.
 */
export function minimizeLbfgs(
  objective: Objective,
  x0: Float64Array,
  options: LbfgsOptions = {},
): LbfgsResult {
  const m = options.memory ?? 10;
  const maxIterations = options.maxIterations ?? 1000;
  const gtol = options.gradientTolerance ?? 1e-5;
  const ftol = options.functionTolerance ?? 1e-14;
  const c1 = options.armijo ?? 1e-4;
  const maxLs = options.maxLineSearchSteps ?? 50;
  const n = x0.length;

  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let f = objective(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f)) throw new RangeError("L-BFGS: objective is not finite at the start");

  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rhoList: number[] = [];
  const alpha = new Float64Array(m);
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);

  let iterations = 0;
  let reason: LbfgsResult["reason"] = "max-iterations";
  if (maxAbs(g) <= gtol) reason = "gradient";

  while (reason === "max-iterations" && iterations < maxIterations) {
    // Two-loop recursion: d = -H g.
    for (let i = 0; i < n; i++) d[i] = -g[i]!;
    const k = sList.length;
    for (let j = k - 1; j >= 0; j--) {
      const a = rhoList[j]! * dot(sList[j]!, d);
      alpha[j] = a;
      const yj = yList[j]!;
      for (let i = 0; i < n; i++) d[i] = d[i]! - a * yj[i]!;
    }
    if (k > 0) {
      const yLast = yList[k - 1]!;
      const gamma = dot(sList[k - 1]!, yLast) / dot(yLast, yLast);
      for (let i = 0; i < n; i++) d[i] = d[i]! * gamma;
    }
    for (let j = 0; j < k; j++) {
      const b = rhoList[j]! * dot(yList[j]!, d);
      const sj = sList[j]!;
      const a = alpha[j]!;
      for (let i = 0; i < n; i++) d[i] = d[i]! + (a - b) * sj[i]!;
    }

    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      sList.length = 0;
      yList.length = 0;
      rhoList.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = dot(g, d);
    }

    // First step (no curvature information yet): a unit-length move along -g.
    let step = sList.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let fNew = Number.NaN;
    let accepted = false;
    for (let t = 0; t < maxLs; t++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!;
      fNew = objective(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= f + c1 * step * slope) {
        accepted = true;
        break;
      }
      if (!Number.isFinite(fNew)) {
        step *= 0.5;
      } else {
        // Minimiser of the quadratic through f(0), f'(0) and f(step), kept in [0.1, 0.5]·step.
        const q = (-slope * step * step) / (2 * (fNew - f - slope * step));
        step = Math.min(0.5 * step, Math.max(0.1 * step, q));
      }
    }
    if (!accepted) {
      reason = "line-search";
      break;
    }

    iterations++;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    // Keep the pair only when it carries positive curvature, so H stays positive definite.
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (sList.length === m) {
        sList.shift();
        yList.shift();
        rhoList.shift();
      }
      sList.push(s);
      yList.push(y);
      rhoList.push(1 / sy);
    }
    const fOld = f;
    x.set(xNew);
    g.set(gNew);
    f = fNew;

    if (maxAbs(g) <= gtol) reason = "gradient";
    else if (fOld - f <= ftol * Math.max(1, Math.abs(f))) reason = "function";
  }

  return {
    x,
    f,
    gradientNorm: maxAbs(g),
    iterations,
    evaluations,
    converged: reason === "gradient" || reason === "function",
    reason,
  };
}
