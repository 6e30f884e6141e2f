import { dateAtUtcMidnight } from "./dates.js";
import { sameOddsRows, toOddsRows, type OddsRow } from "./odds-rows.js";
import type { MatchStats, ParsedMatch } from "./parsed-match.js";

/** The values of a match as `sync.matches` (+ `sync.odds`) stores them: what the diff compares. */
export interface MatchValues {
  /** UTC instant; 00:00 UTC of the UK date when `hasTime` is false. */
  kickoff: Date;
  hasTime: boolean;
  status: "scheduled" | "finished";
  ftHome: number | null;
  ftAway: number | null;
  htHome: number | null;
  htAway: number | null;
  referee: string | null;
  stats: MatchStats;
  extra: Record<string, string>;
  odds: OddsRow[];
}

/** A match already stored for the (league, season) being synced. */
export interface StoredMatch extends MatchValues {
  id: number;
  homeTeamId: number;
  awayTeamId: number;
}

/** What can differ between a stored match and its row in a new file. */
export type MatchField = "kickoff" | "status" | "result" | "referee" | "stats" | "extra" | "odds";

export interface MatchInsert {
  match: ParsedMatch;
  homeTeamId: number;
  awayTeamId: number;
  values: MatchValues;
}

export interface MatchUpdate {
  id: number;
  match: ParsedMatch;
  values: MatchValues;
  /** The fields that differ, in a fixed order. */
  changes: MatchField[];
  /** The full-time or half-time score changed (a correction, or a scheduled match now played). */
  resultChanged: boolean;
}

/** How a parsed file relates to what is stored. Nothing is ever deleted. */
export interface MatchDiff {
  inserts: MatchInsert[];
  updates: MatchUpdate[];
  unchanged: { id: number; match: ParsedMatch }[];
  /** Later rows of a home/away pair the file already had (identity clash); not applied, reported. */
  duplicates: { match: ParsedMatch; firstLine: number }[];
  /** Stored matches whose result changed: what downstream (predictions, metrics) must revisit. */
  changedResultMatchIds: number[];
  /** Stored matches absent from the file (kept as they are; reported for review). */
  missing: StoredMatch[];
}

/** The stored values a parsed row amounts to. */
export function matchValuesOf(match: ParsedMatch): MatchValues {
  const [year, month, day] = match.date.split("-").map(Number) as [number, number, number];
  return {
    kickoff: match.hasTime ? new Date(match.kickoff) : dateAtUtcMidnight({ year, month, day }),
    hasTime: match.hasTime,
    status: match.status,
    ftHome: match.fullTime?.home ?? null,
    ftAway: match.fullTime?.away ?? null,
    htHome: match.halfTime?.home ?? null,
    htAway: match.halfTime?.away ?? null,
    referee: match.referee,
    stats: match.stats,
    extra: match.extra,
    odds: toOddsRows(match.odds, match.betbrainBookCounts),
  };
}

/**
 * Classifies each parsed match of one (league, season) file against the stored matches of that
 * (league, season). Identity is the pair of team ids, never the date: a rescheduled match updates its
 * kickoff instead of becoming a second row. `teamIdOf` maps a football-data name to its team id (the
 * caller resolves aliases first, creating flagged teams for unknown names). Applying the same file
 * twice gives only `unchanged`; a corrected score gives an update with `resultChanged` and the id in
 * `changedResultMatchIds`. Pure: no I/O, inputs untouched.
 */
export function diffMatches(input: {
  existing: readonly StoredMatch[];
  parsed: readonly ParsedMatch[];
  teamIdOf: (name: string) => number;
}): MatchDiff {
  const stored = new Map(input.existing.map((m) => [pairKey(m.homeTeamId, m.awayTeamId), m]));
  const seen = new Map<string, number>();
  const diff: MatchDiff = {
    inserts: [],
    updates: [],
    unchanged: [],
    duplicates: [],
    changedResultMatchIds: [],
    missing: [],
  };
  for (const match of input.parsed) {
    const homeTeamId = input.teamIdOf(match.homeTeam);
    const awayTeamId = input.teamIdOf(match.awayTeam);
    const key = pairKey(homeTeamId, awayTeamId);
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      diff.duplicates.push({ match, firstLine });
      continue;
    }
    seen.set(key, match.line);
    const values = matchValuesOf(match);
    const old = stored.get(key);
    if (!old) {
      diff.inserts.push({ match, homeTeamId, awayTeamId, values });
      continue;
    }
    const changes = changedFields(old, values);
    if (changes.length === 0) {
      diff.unchanged.push({ id: old.id, match });
      continue;
    }
    const resultChanged = changes.includes("result");
    diff.updates.push({ id: old.id, match, values, changes, resultChanged });
    if (resultChanged) diff.changedResultMatchIds.push(old.id);
  }
  diff.missing = input.existing.filter((m) => !seen.has(pairKey(m.homeTeamId, m.awayTeamId)));
  return diff;
}

/** The fields in which `next` differs from `old`. */
export function changedFields(old: MatchValues, next: MatchValues): MatchField[] {
  const changes: MatchField[] = [];
  if (old.kickoff.getTime() !== next.kickoff.getTime() || old.hasTime !== next.hasTime) {
    changes.push("kickoff");
  }
  if (old.status !== next.status) changes.push("status");
  if (
    old.ftHome !== next.ftHome ||
    old.ftAway !== next.ftAway ||
    old.htHome !== next.htHome ||
    old.htAway !== next.htAway
  ) {
    changes.push("result");
  }
  if (old.referee !== next.referee) changes.push("referee");
  if (!sameRecord(old.stats, next.stats)) changes.push("stats");
  if (!sameRecord(old.extra, next.extra)) changes.push("extra");
  if (!sameOddsRows(old.odds, next.odds)) changes.push("odds");
  return changes;
}

function pairKey(home: number, away: number): string {
  return `${home}-${away}`;
}

/** Shallow equality of two flat records of primitives (a missing key equals an undefined one). */
function sameRecord<T extends object>(a: T, b: T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  }
  return true;
}
