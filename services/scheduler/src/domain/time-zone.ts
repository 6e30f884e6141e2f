import { DAY } from "@matchday/shared";

import { InvalidTimezoneError } from "./errors.js";

/**
 * UTC offsets and DST transitions of IANA zones, read from the runtime's `Intl` data (no tz library).
 * All instants and offsets are in milliseconds; an offset is `local wall clock - UTC`
 * (Europe/London: 0 in winter, 3_600_000 in summer).
 */

/** One change of a zone's UTC offset: from `atMs` on, the wall clock reads `instant + offsetAfterMs`. */
export interface ZoneTransition {
  /** The first instant (whole second, ms since the epoch) with the new offset. */
  atMs: number;
  offsetBeforeMs: number;
  offsetAfterMs: number;
}

/** The wall-clock fields of an instant in a zone (month 1-12, hour 0-23, weekday 0 = Sunday). */
export interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: timezone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        weekday: "short",
      });
    } catch (cause) {
      throw new InvalidTimezoneError(timezone, { cause });
    }
    formatters.set(timezone, f);
  }
  return f;
}

/**
 * Throws `InvalidTimezoneError` unless `timezone` is an IANA zone name this runtime knows.
 * Raw offsets (`+01:00`) are refused even where `Intl` accepts them: they have no DST rules.
 */
export function assertTimezone(timezone: string): void {
  if (timezone.trim() === "" || /^[+-]/.test(timezone)) throw new InvalidTimezoneError(timezone);
  formatterFor(timezone);
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock fields of `instantMs` in `timezone` (sub-second part ignored). */
export function localFields(timezone: string, instantMs: number): LocalFields {
  const parts = formatterFor(timezone).formatToParts(new Date(instantMs));
  const out: LocalFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const p of parts) {
    switch (p.type) {
      case "year":
      case "month":
      case "day":
      case "hour":
      case "minute":
      case "second":
        out[p.type] = Number(p.value);
        break;
      case "weekday":
        out.weekday = WEEKDAYS[p.value] ?? 0;
        break;
    }
  }
  return out;
}

/** The zone's offset at `instantMs`, in ms (`wall clock - UTC`), to the second. */
export function offsetMsAt(timezone: string, instantMs: number): number {
  const wholeSecondMs = Math.floor(instantMs / 1000) * 1000;
  const f = localFields(timezone, wholeSecondMs);
  const wallMs = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  // Date.UTC maps years 0-99 to 1900-1999; irrelevant for the dates a scheduler sees.
  return wallMs - wholeSecondMs;
}

/**
 * Offsets are sampled this far apart (one `Intl` call each, the costly part), then each change is
 * pinned to the second by bisection. Two transitions less than a day apart would be seen as one
 * (or none, if they cancel out); DST changes in the tz database are weeks apart.
 */
const SAMPLE_STEP_MS = DAY;

const yearCache = new Map<string, ZoneTransition[]>();

/** Every transition with `atMs` in (start of `year` UTC, start of `year + 1` UTC], cached. */
function transitionsOfYear(timezone: string, year: number): ZoneTransition[] {
  const key = `${timezone}|${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const found: ZoneTransition[] = [];
  let prevAt = start;
  let prevOffset = offsetMsAt(timezone, start);
  while (prevAt < end) {
    const at = Math.min(prevAt + SAMPLE_STEP_MS, end);
    const offset = offsetMsAt(timezone, at);
    if (offset !== prevOffset) {
      // Bisect on whole seconds: lo keeps the old offset, hi has the new one.
      let lo = prevAt / 1000;
      let hi = at / 1000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMsAt(timezone, mid * 1000) === prevOffset) lo = mid;
        else hi = mid;
      }
      found.push({ atMs: hi * 1000, offsetBeforeMs: prevOffset, offsetAfterMs: offset });
    }
    prevAt = at;
    prevOffset = offset;
  }
  yearCache.set(key, found);
  return found;
}

function yearOf(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

/** The first transition with `atMs > afterMs` and `atMs <= untilMs`, if any. */
export function nextTransition(
  timezone: string,
  afterMs: number,
  untilMs: number,
): ZoneTransition | undefined {
  // A transition at exactly 1 Jan 00:00 UTC is filed under the previous year.
  for (let y = yearOf(afterMs) - 1; y <= yearOf(untilMs); y++) {
    for (const t of transitionsOfYear(timezone, y)) {
      if (t.atMs > afterMs && t.atMs <= untilMs) return t;
    }
  }
  return undefined;
}

/** The last transition with `sinceMs <= atMs <= atOrBeforeMs`, if any. */
export function previousTransition(
  timezone: string,
  atOrBeforeMs: number,
  sinceMs: number,
): ZoneTransition | undefined {
  for (let y = yearOf(atOrBeforeMs); y >= yearOf(sinceMs) - 1; y--) {
    const list = transitionsOfYear(timezone, y);
    for (let i = list.length - 1; i >= 0; i--) {
      const t = list[i]!;
      if (t.atMs <= atOrBeforeMs && t.atMs >= sinceMs) return t;
    }
  }
  return undefined;
}
