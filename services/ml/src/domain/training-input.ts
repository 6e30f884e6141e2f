import {
  selectTrainingRows,
  trainingFingerprint,
  type MatchRecord,
  type ModelSettings,
  type PlayedMatch,
} from "@matchday/model";

const DAY_MS = 86_400_000;

/** What one league's fit would be trained on: the rows, the window and their fingerprint. */
export type TrainingInput = {
  /** Start of the window (inclusive): cutoff − windowDays. */
  from: Date;
  cutoff: Date;
  rows: PlayedMatch[];
  /** `trainingFingerprint` of the rows (what the fit will store). */
  fingerprint: string;
};

/** The start of the training window for a cutoff. */
export function windowStart(cutoff: Date, windowDays: number): Date {
  return new Date(cutoff.getTime() - windowDays * DAY_MS);
}

/**
 * The training input of a fit at `cutoff`, through the model package's own row selection and
 * fingerprint, so the skip decision and the stored version agree on what "the same data" is.
 */
export function trainingInput(
  matches: readonly MatchRecord[],
  cutoff: Date,
  settings: ModelSettings,
): TrainingInput {
  const from = windowStart(cutoff, settings.windowDays);
  const rows = selectTrainingRows(matches, from, cutoff);
  return { from, cutoff, rows, fingerprint: trainingFingerprint(rows) };
}

/** The settings of two fits are the same (so the same rows give the same parameters). */
export function sameSettings(a: ModelSettings, b: ModelSettings): boolean {
  return (
    a.windowDays === b.windowDays &&
    a.xi === b.xi &&
    a.ridge === b.ridge &&
    a.shotsWeight === b.shotsWeight
  );
}
