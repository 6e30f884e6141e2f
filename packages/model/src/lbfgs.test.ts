import { describe, expect, it } from "vitest";

import type { Objective } from "./lbfgs.js";
import { minimizeLbfgs } from "./lbfgs.js";

/** Extended Rosenbrock: Σ 100(x_{2i+1} − x_{2i}²)² + (1 − x_{2i})², minimum 0 at all ones. */
const rosenbrock: Objective = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i + 1 < x.length; i += 2) {
    const a = x[i]!;
    const b = x[i + 1]!;
    const t = b - a * a;
    f += 100 * t * t + (1 - a) * (1 - a);
    g[i] = -400 * a * t - 2 * (1 - a);
    g[i + 1] = 200 * t;
  }
  return f;
};

describe("minimizeLbfgs", () => {
  it("lbfgs - finds the Rosenbrock minimum in 10 dimensions", () => {
    const x0 = Float64Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const r = minimizeLbfgs(rosenbrock, x0, { gradientTolerance: 1e-8 });
    expect(r.converged).toBe(true);
    for (const v of r.x) expect(v).toBeCloseTo(1, 5);
    expect(r.f).toBeLessThan(1e-10);
    expect(x0[0]).toBe(-1.2); // the start vector is not modified
  });

  it("lbfgs - solves an ill-conditioned quadratic exactly", () => {
    // f = Σ c_i (x_i − i)² with c_i from 1 to 1e4.
    const c = [1, 10, 100, 1000, 10000];
    const f: Objective = (x, g) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        s += c[i]! * (x[i]! - i) ** 2;
        g[i] = 2 * c[i]! * (x[i]! - i);
      }
      return s;
    };
    const r = minimizeLbfgs(f, new Float64Array(5), { gradientTolerance: 1e-9 });
    expect(r.converged).toBe(true);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(i, 8));
  });

  it("lbfgs - backs off steps that leave the domain (objective +Infinity)", () => {
    // f = x − ln x on x > 0, minimum at 1; a long first step overshoots into x ≤ 0.
    const f: Objective = (x, g) => {
      const v = x[0]!;
      g[0] = 1 - 1 / v;
      return v > 0 ? v - Math.log(v) : Number.POSITIVE_INFINITY;
    };
    const r = minimizeLbfgs(f, Float64Array.of(0.01), { gradientTolerance: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
  });

  it("lbfgs - reports a hit iteration cap as not converged", () => {
    const x0 = Float64Array.of(-1.2, 1);
    const r = minimizeLbfgs(rosenbrock, x0, { maxIterations: 3 });
    expect(r.converged).toBe(false);
    expect(r.reason).toBe("max-iterations");
    expect(r.iterations).toBe(3);
  });

  it("lbfgs - is deterministic", () => {
    const x0 = Float64Array.of(-1.2, 1, 0.5, 0.5);
    expect(minimizeLbfgs(rosenbrock, x0).x).toEqual(minimizeLbfgs(rosenbrock, x0).x);
  });
});
