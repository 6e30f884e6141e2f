import type { DixonColesParams } from "./dixon-coles.js";
import type { FitOptions, ModelSettings } from "./fit-dixon-coles.js";
import { DAY_MS, fitDixonColes } from "./fit-dixon-coles.js";
import type { MatchPrediction } from "./predict-match.js";
import { predictMatch } from "./predict-match.js";
import { DEFAULT_MAX_GOALS } from "./scoreline-matrix.js";
import type { MatchRecord } from "./types.js";

/** How often the walk-forward refits: every Monday 00:00 UTC, or at 00:00 UTC of each match day. */
export type RefitSchedule = "weekly" | "daily";

export type WalkForwardOptions = Partial<ModelSettings> & {
  /** First kick-off to predict (inclusive). */
  from: Date;
  /** Last kick-off to predict (exclusive). */
  to: Date;
  /** Default "weekly". */
  refit?: RefitSchedule;
  maxGoals?: number;
  optimizer?: FitOptions["optimizer"];
};

export type WalkForwardPrediction = {
  matchId: string;
  season: string;
  date: Date;
  home: string;
  away: string;
  /** The model's data cutoff: it saw only matches kicking off strictly before this instant. */
  modelCutoff: Date;
  /** When the prediction counts as made: 00:00 UTC of the match day (never before the cutoff). */
  madeAt: Date;
  modelFingerprint: string;
  prediction: MatchPrediction;
};

export type WalkForwardFit = {
  cutoff: Date;
  matches: number;
  iterations: number;
  converged: boolean;
  fitMs: number;
  fingerprint: string;
  params: DixonColesParams;
};

export type WalkForwardResult = {
  predictions: WalkForwardPrediction[];
  fits: WalkForwardFit[];
  /** Matches in [from, to) left unpredicted because no played match preceded them in the window. */
  skipped: string[];
};

/** 00:00 UTC of the instant's day. */
export function startOfUtcDay(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
}

/** The refit instant governing a kick-off: its day start, or the Monday 00:00 UTC before it. */
export function refitCutoff(kickoff: Date, schedule: RefitSchedule): Date {
  const day = startOfUtcDay(kickoff);
  if (schedule === "daily") return day;
  const daysSinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - daysSinceMonday * DAY_MS);
}

/** Season label "YYYY/YY" of a date, seasons running July to June (used when a match has none). */
export function seasonOf(date: Date): string {
  const y = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 6 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/**
 * Walks forward through history as the services would have: for each refit instant, fit on the
 * played matches strictly before it (through `fitDixonColes`, warm-started from the previous fit)
 * and predict every match in [from, to) governed by that instant (through `predictMatch`).
 * A prediction therefore never depends on any result at or after its model cutoff.
 */
export function walkForward(
  matches: readonly MatchRecord[],
  options: WalkForwardOptions,
): WalkForwardResult {
  const schedule = options.refit ?? "weekly";
  const lo = options.from.getTime();
  const hi = options.to.getTime();
  const targets = matches
    .filter((m) => m.date.getTime() >= lo && m.date.getTime() < hi)
    .sort(
      (a, b) => a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const groups = new Map<number, MatchRecord[]>();
  for (const m of targets) {
    const key = refitCutoff(m.date, schedule).getTime();
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const result: WalkForwardResult = { predictions: [], fits: [], skipped: [] };
  let previous: DixonColesParams | undefined;
  for (const [cutoffMs, group] of groups) {
    const cutoff = new Date(cutoffMs);
    let fit;
    try {
      fit = fitDixonColes(matches, {
        cutoff,
        windowDays: options.windowDays,
        xi: options.xi,
        ridge: options.ridge,
        shotsWeight: options.shotsWeight,
        init: previous,
        optimizer: options.optimizer,
      });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      result.skipped.push(...group.map((m) => m.id));
      continue;
    }
    previous = fit.params;
    result.fits.push({
      cutoff,
      matches: fit.training.matches,
      iterations: fit.iterations,
      converged: fit.converged,
      fitMs: fit.fitMs,
      fingerprint: fit.fingerprint,
      params: fit.params,
    });
    for (const m of group) {
      const day = startOfUtcDay(m.date);
      result.predictions.push({
        matchId: m.id,
        season: m.season ?? seasonOf(m.date),
        date: m.date,
        home: m.home,
        away: m.away,
        modelCutoff: cutoff,
        madeAt: day.getTime() < cutoffMs ? cutoff : day,
        modelFingerprint: fit.fingerprint,
        prediction: predictMatch(fit.params, m.home, m.away, options.maxGoals ?? DEFAULT_MAX_GOALS),
      });
    }
  }
  return result;
}
