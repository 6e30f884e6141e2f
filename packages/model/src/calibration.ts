import type { Outcome, Probs1x2 } from "./types.js";
import { OUTCOMES } from "./types.js";

export type CalibrationBin = {
  /** Bin edges on the predicted probability: [lower, upper), the last bin includes 1. */
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin (NaN when empty). */
  meanPredicted: number;
  /** Share of the bin's matches where the outcome happened (NaN when empty). */
  observedRate: number;
};

export type CalibrationTable = {
  /** One table per outcome, ordered home, draw, away. */
  byOutcome: Record<Outcome, { bins: CalibrationBin[]; ece: number }>;
  /** Expected calibration error averaged over the three outcomes. */
  ece: number;
};

/**
 * Reliability table with `bins` equal-width bins per outcome and the expected calibration error
 * ECE = Σ_b (n_b / N)·|meanPredicted_b − observedRate_b| (0 = perfectly calibrated). An empty
 * input gives empty bins and ECE NaN.
 */
export function calibration(
  probs: readonly Probs1x2[],
  outcomes: readonly Outcome[],
  bins = 10,
): CalibrationTable {
  if (probs.length !== outcomes.length) throw new RangeError("probs and outcomes differ in length");
  const byOutcome = {} as CalibrationTable["byOutcome"];
  for (const k of OUTCOMES) {
    const count = new Array<number>(bins).fill(0);
    const sumP = new Array<number>(bins).fill(0);
    const hits = new Array<number>(bins).fill(0);
    probs.forEach((p, i) => {
      const b = Math.min(bins - 1, Math.max(0, Math.floor(p[k] * bins)));
      count[b]!++;
      sumP[b]! += p[k];
      if (outcomes[i] === k) hits[b]!++;
    });
    const table = count.map((c, b) => ({
      lower: b / bins,
      upper: (b + 1) / bins,
      count: c,
      meanPredicted: c > 0 ? sumP[b]! / c : Number.NaN,
      observedRate: c > 0 ? hits[b]! / c : Number.NaN,
    }));
    const n = probs.length;
    const ece =
      n === 0
        ? Number.NaN
        : table.reduce(
            (s, bin) =>
              bin.count > 0
                ? s + (bin.count / n) * Math.abs(bin.meanPredicted - bin.observedRate)
                : s,
            0,
          );
    byOutcome[k] = { bins: table, ece };
  }
  const ece = (byOutcome.home.ece + byOutcome.draw.ece + byOutcome.away.ece) / 3;
  return { byOutcome, ece };
}
