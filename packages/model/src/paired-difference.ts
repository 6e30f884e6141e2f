/**
 * Mean of the per-item differences a[i] − b[i] and its standard error sd/√n (sample sd, n − 1).
 * Used for "model − market" on the same matches: pairing removes the match-to-match variance both
 * share, so the SE is far smaller than comparing two independent means. se is NaN for n < 2.
 */
export function pairedDifference(
  a: readonly number[],
  b: readonly number[],
): { mean: number; se: number; n: number } {
  if (a.length !== b.length) throw new RangeError("paired samples differ in length");
  const n = a.length;
  if (n === 0) return { mean: Number.NaN, se: Number.NaN, n };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += a[i]! - b[i]!;
  mean /= n;
  if (n < 2) return { mean, se: Number.NaN, n };
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]! - mean;
    ss += d * d;
  }
  return { mean, se: Math.sqrt(ss / (n - 1) / n), n };
}
