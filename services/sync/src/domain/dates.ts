import { expandTwoDigitYear } from "./season.js";

/** A calendar date without a time zone (month 1–12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time (hour 0–23, minute 0–59). */
export interface ClockTime {
  hour: number;
  minute: number;
}

const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const HOURS_MINUTES = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses football-data's `Date`: `dd/mm/yy` or `dd/mm/yyyy`, decided per value (E0 2015/16 already
 * writes four digits while E0 2016/17 writes two). Two-digit years expand with
 * `expandTwoDigitYear`. Returns undefined for anything else, including dates that do not exist
 * (`31/02/2020`).
 */
export function parseDayMonthYear(text: string): CalendarDate | undefined {
  const m = DAY_MONTH_YEAR.exec(text.trim());
  if (!m) return undefined;
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  const year = y.length === 2 ? expandTwoDigitYear(Number(y)) : Number(y);
  const date = { year, month: Number(mo), day: Number(d) };
  return isRealDate(date) ? date : undefined;
}

/** Parses `HH:MM` (or `H:MM`, `HH:MM:SS` with the seconds ignored); undefined when invalid. */
export function parseClockTime(text: string): ClockTime | undefined {
  const m = HOURS_MINUTES.exec(text.trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute };
}

/** True when the date exists in the proleptic Gregorian calendar. */
export function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** `YYYY-MM-DD`. */
export function formatIsoDate({ year, month, day }: CalendarDate): string {
  const p = (n: number, w: number) => String(n).padStart(w, "0");
  return `${p(year, 4)}-${p(month, 2)}-${p(day, 2)}`;
}

/** Midnight UTC of a calendar date: how a kickoff with no known time is stored (`has_time = false`). */
export function dateAtUtcMidnight({ year, month, day }: CalendarDate): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** The wall-clock reading in London at `utcMs`, as if it were a UTC timestamp (ms). */
function londonWallClockMs(utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of LONDON.formatToParts(utcMs)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const get = (k: string) => parts[k] ?? 0;
  return Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
}

/** London's offset from UTC at `utcMs` straight from Intl (slow: ~50 µs a call). */
function intlLondonOffsetMs(utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return londonWallClockMs(whole) - whole;
}

/** A year's offset changes: the offset from 1 Jan 00:00 UTC, then each change and the offset after. */
interface YearOffsets {
  initial: number;
  changes: { atMs: number; offsetMs: number }[];
}

const yearOffsets = new Map<number, YearOffsets>();

/**
 * Finds a year's offset changes once (monthly probes, then a bisection to the second: about 50 Intl
 * calls a year) so that converting thousands of kickoffs costs table look-ups, not Intl calls.
 */
function offsetsOfYear(year: number): YearOffsets {
  const cached = yearOffsets.get(year);
  if (cached) return cached;
  const probes = Array.from({ length: 13 }, (_, m) => Date.UTC(year, m, 1));
  const offsets = probes.map(intlLondonOffsetMs);
  const changes: YearOffsets["changes"] = [];
  for (let m = 0; m < 12; m++) {
    let lo = probes[m] ?? 0;
    let hi = probes[m + 1] ?? 0;
    const before = offsets[m] ?? 0;
    if (before === offsets[m + 1]) continue;
    // Invariant: offset(lo) === before, offset(hi) !== before. Assumes one change a month at most.
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (intlLondonOffsetMs(mid) === before) lo = mid;
      else hi = mid;
    }
    changes.push({ atMs: hi, offsetMs: intlLondonOffsetMs(hi) });
  }
  const result = { initial: offsets[0] ?? 0, changes };
  yearOffsets.set(year, result);
  return result;
}

/** London's offset from UTC at `utcMs`, in ms (0 in GMT, 3 600 000 in BST). */
export function londonOffsetMs(utcMs: number): number {
  const { initial, changes } = offsetsOfYear(new Date(utcMs).getUTCFullYear());
  let offset = initial;
  for (const change of changes) {
    if (utcMs >= change.atMs) offset = change.offsetMs;
  }
  return offset;
}

const PROBE_MS = 6 * 60 * 60 * 1000;

/**
 * Converts a UK wall-clock date and time (football-data's `Date` + `Time`) to the UTC instant, with
 * the DST rules of the runtime's time-zone database (Intl; no date library). Like Temporal's
 * "compatible" disambiguation: a time repeated when clocks go back (01:30 on the last Sunday of
 * October) takes the earlier, BST instant; a time skipped when clocks go forward (01:30 on the last
 * Sunday of March) moves forward by the gap (02:30 BST = 01:30 UTC).
 */
export function londonLocalToUtc(date: CalendarDate, time: ClockTime): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  const offsets = new Set([londonOffsetMs(wall - PROBE_MS), londonOffsetMs(wall + PROBE_MS)]);
  const valid = [...offsets]
    .map((offset) => wall - offset)
    .filter((utc) => utc + londonOffsetMs(utc) === wall)
    .sort((a, b) => a - b);
  const first = valid[0];
  if (first !== undefined) return new Date(first);
  // In the spring-forward gap: use the offset in force before the change.
  return new Date(wall - londonOffsetMs(wall - PROBE_MS));
}
