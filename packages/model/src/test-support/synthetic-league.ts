// Test support: a seeded synthetic league drawn from a known Dixon–Coles-like model (independent
// Poisson goals), so fitting tests can check parameter recovery without the recorded data.
import { seededRandom } from "@matchday/shared";
import type { MatchRecord } from "../types.js";

/** Poisson draw by inversion. */
export function samplePoisson(rate: number, random: () => number): number {
  let k = 0;
  let p = Math.exp(-rate);
  let cdf = p;
  const u = random();
  while (u > cdf && k < 50) {
    k++;
    p = (p * rate) / k;
    cdf += p;
  }
  return k;
}

export type SyntheticLeague = {
  matches: MatchRecord[];
  truth: { attack: number[]; defence: number[]; intercept: number; homeAdvantage: number };
  teams: string[];
};

/**
 * `seasons` double round-robins of `teamCount` teams, one round per week on Saturdays from
 * 2020-08-01 (UTC), goals Poisson with log λ = intercept + home + attack[h] − defence[a].
 */
export function syntheticLeague(
  options: { seed?: number; teamCount?: number; seasons?: number; homeAdvantage?: number } = {},
): SyntheticLeague {
  const random = seededRandom(options.seed ?? 1);
  const teamCount = options.teamCount ?? 10;
  const teams = Array.from({ length: teamCount }, (_, i) => `Team ${String.fromCharCode(65 + i)}`);
  const attack = teams.map(() => (random() - 0.5) * 0.6);
  const defence = teams.map(() => (random() - 0.5) * 0.6);
  const truth = { attack, defence, intercept: 0.1, homeAdvantage: options.homeAdvantage ?? 0.3 };
  const matches: MatchRecord[] = [];
  let week = 0;
  const start = Date.UTC(2020, 7, 1);
  for (let s = 0; s < (options.seasons ?? 2); s++) {
    for (const leg of [0, 1]) {
      for (let r = 0; r < teamCount - 1; r++) {
        const date = new Date(start + week * 7 * 86_400_000);
        week++;
        // Circle method pairing.
        const order = [
          0,
          ...Array.from({ length: teamCount - 1 }, (_, i) => 1 + ((i + r) % (teamCount - 1))),
        ];
        for (let i = 0; i < teamCount / 2; i++) {
          let h = order[i]!;
          let a = order[teamCount - 1 - i]!;
          if (leg === 1) [h, a] = [a, h];
          const lambda = Math.exp(truth.intercept + truth.homeAdvantage + attack[h]! - defence[a]!);
          const mu = Math.exp(truth.intercept + attack[a]! - defence[h]!);
          matches.push({
            id: `s${s}-w${week}-${h}-${a}`,
            season: `S${s}`,
            date,
            home: teams[h]!,
            away: teams[a]!,
            homeGoals: samplePoisson(lambda, random),
            awayGoals: samplePoisson(mu, random),
          });
        }
      }
    }
  }
  return { matches, truth, teams };
}
