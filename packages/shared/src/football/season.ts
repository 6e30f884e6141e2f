import { NonRetryableError } from "../tasks/errors.js";

/**
 * Season codes as football-data.co.uk writes them in its URLs: four digits, the last two digits of
 * the starting year then of the ending year (`1920` = 2019/20, `9900` = 1999/2000). A season starts on
 * July 1 (UTC) of its first year: `2526` from 2025-07-01T00:00Z. The boundary is nominal: 2019/20 ran
 * into August 2020 (COVID), so never use it to validate match dates.
 */
export type SeasonCode = string;

const SEASON_CODE = /^\d{4}$/;

/** Months are 0-based in `Date`: July is 6. */
const SEASON_START_MONTH = 6;

/**
 * Expands a two-digit year: 70–99 → 1970–1999, 00–69 → 2000–2069. football-data.co.uk starts in
 * 1993/94, so the pivot only has to keep the 1990s apart from the 2000s.
 */
export function expandTwoDigitYear(yy: number): number {
  return yy >= 70 ? 1900 + yy : 2000 + yy;
}

/** True when `code` is four digits naming two consecutive years (`2526`, `9900`; not `2527`). */
export function isSeasonCode(code: string): code is SeasonCode {
  if (!SEASON_CODE.test(code)) return false;
  const first = Number(code.slice(0, 2));
  const second = Number(code.slice(2, 4));
  return (first + 1) % 100 === second;
}

/** The calendar year a season starts in (`2526` → 2025); throws a `NonRetryableError` on a bad code. */
export function seasonStartYear(code: string): number {
  assertSeasonCode(code);
  return expandTwoDigitYear(Number(code.slice(0, 2)));
}

/** Throws a `NonRetryableError` (no retry fixes a bad season id) unless `code` is a season code. */
export function assertSeasonCode(code: string): asserts code is SeasonCode {
  if (!isSeasonCode(code)) {
    throw new NonRetryableError(
      `invalid season code "${code}": expected four digits naming consecutive years, e.g. 2526`,
    );
  }
}

/** The code of the season starting in `year` (2025 → `2526`). */
export function seasonCodeOfStartYear(year: number): SeasonCode {
  if (!Number.isInteger(year) || year < 1970 || year > 2069) {
    throw new RangeError(`no season code for a season starting in ${year}`);
  }
  const two = (n: number) => String(n % 100).padStart(2, "0");
  return `${two(year)}${two(year + 1)}`;
}

/** The season `date` falls in, with the July 1 (UTC) boundary: 2025-06-30 → `2425`, 2025-07-01 → `2526`. */
export function seasonCodeFor(date: Date): SeasonCode {
  const year = date.getUTCFullYear();
  return seasonCodeOfStartYear(date.getUTCMonth() >= SEASON_START_MONTH ? year : year - 1);
}

/**
 * The current season: `fixed` when configuration pins one (replays, a season that overruns), else
 * the season of `now` (the service clock).
 */
export function currentSeason(now: Date, fixed?: string): SeasonCode {
  if (fixed !== undefined) {
    assertSeasonCode(fixed);
    return fixed;
  }
  return seasonCodeFor(now);
}

/** The season `offset` seasons after `code` (negative: before). */
export function shiftSeason(code: string, offset: number): SeasonCode {
  return seasonCodeOfStartYear(seasonStartYear(code) + offset);
}

/**
 * The `n` seasons before `code`, oldest first (`previousSeasons("2526", 2)` → `["2324", "2425"]`):
 * the complete seasons `sync_historical_data` loads, in the order they happened.
 */
export function previousSeasons(code: string, n: number): SeasonCode[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`season count must be >= 0, got ${n}`);
  const start = seasonStartYear(code);
  return Array.from({ length: n }, (_, i) => seasonCodeOfStartYear(start - n + i));
}

/** First instant of the season: July 1 of its first year, 00:00 UTC. */
export function seasonStart(code: string): Date {
  return new Date(Date.UTC(seasonStartYear(code), SEASON_START_MONTH, 1));
}

/** End of the season, exclusive: the next season's start (July 1 of its second year, 00:00 UTC). */
export function seasonEnd(code: string): Date {
  return new Date(Date.UTC(seasonStartYear(code) + 1, SEASON_START_MONTH, 1));
}

/** Human label: `2526` → `2025/26`, `9900` → `1999/00`. */
export function seasonLabel(code: string): string {
  return `${seasonStartYear(code)}/${code.slice(2, 4)}`;
}
