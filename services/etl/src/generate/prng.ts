import { seededRandom } from "@matchday/shared";

/**
 * A seeded pseudo-random number generator (the shared mulberry32) and the few distributions the
 * offline data generator needs. Everything here is deterministic: the same seed and label give
 * the same sequence on every machine, which is what makes the generator's output byte-identical
 * for a given seed.
 */

/** A seeded source of uniform numbers in [0, 1) plus helpers built on it. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Standard normal (Box–Muller) scaled to `mean` and `sd`. */
  normal(mean: number, sd: number): number;
  /** Poisson-distributed count with mean `lambda` (≥ 0). */
  poisson(lambda: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** 32-bit FNV-1a hash of a string: turns a seed plus a label into a 32-bit generator state. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A generator for one purpose, derived from the run's seed and a label (for example
 * `talent:223094`). Deriving independent streams per label keeps values stable: adding a player
 * or a gameweek does not shift the random numbers every other player receives.
 */
export function createRng(seed: number, label: string): Rng {
  const next = seededRandom(hashString(`${seed}\u0000${label}`));
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    uniform: (min, max) => min + next() * (max - min),
    normal: (mean, sd) => {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    poisson: (lambda) => {
      if (lambda <= 0) return 0;
      if (lambda > 30) return Math.max(0, Math.round(rng.normal(lambda, Math.sqrt(lambda))));
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
  };
  return rng;
}

/** Rounds to `digits` decimals (for stable, readable JSON numbers). */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Clamps into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
