/**
 * Summary statistics for benchmark samples. Percentiles use the nearest-rank method on the sorted
 * samples (no interpolation): p99 of 1,000 samples is the 990th smallest, a value that was observed.
 */

/** Latency summary in milliseconds. `count` 0 gives NaN figures (nothing was measured). */
export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

/** The nearest-rank `p`-th percentile (0 < p ≤ 100) of `sorted` (ascending); NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** p50, p99, max and mean of latency samples in milliseconds. */
export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    meanMs: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Items per second for `count` items done in `elapsedMs` milliseconds. */
export function perSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1_000) / elapsedMs : Number.NaN;
}

/** A milliseconds figure for a table: `1.23`, `12.3`, `123`, or `—` when not measured. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

/** A rate for a table, rounded to a whole number with thousands separators; `—` when not measured. */
export function formatRate(perS: number): string {
  return Number.isFinite(perS) ? Math.round(perS).toLocaleString("en-US") : "—";
}
