import { DAY, HOUR } from "./units.js";

/** A time zone that is not an IANA zone name this runtime knows (e.g. `Mars/Base`, `+01:00`). */
export class InvalidTimezoneError extends Error {
  override name = "InvalidTimezoneError";
  constructor(
    readonly timezone: string,
    options?: { cause?: unknown },
  ) {
    super(`unknown time zone "${timezone}" (expected an IANA name such as Europe/London)`, options);
  }
}

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

/** A zone's year: its offset at 1 Jan 00:00 UTC and its transitions after that. */
interface ZoneYear {
  startOffsetMs: number;
  transitions: ZoneTransition[];
}

const yearCache = new Map<string, ZoneYear>();

/** Every transition with `atMs` in (start of `year` UTC, start of `year + 1` UTC], cached. */
function transitionsOfYear(timezone: string, year: number): ZoneTransition[] {
  return zoneYear(timezone, year).transitions;
}

function zoneYear(timezone: string, year: number): ZoneYear {
  const key = `${timezone}|${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const found: ZoneTransition[] = [];
  const startOffsetMs = offsetMsAt(timezone, start);
  let prevAt = start;
  let prevOffset = startOffsetMs;
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
  const result = { startOffsetMs, transitions: found };
  yearCache.set(key, result);
  return result;
}

/**
 * The zone's offset at `instantMs` from the cached transitions: the same answer as `offsetMsAt`
 * without an `Intl` call once the year is known (converting a season's kick-offs is thousands of
 * calls).
 */
export function cachedOffsetMsAt(timezone: string, instantMs: number): number {
  const year = zoneYear(timezone, yearOf(instantMs));
  let offset = year.startOffsetMs;
  for (const t of year.transitions) if (t.atMs <= instantMs) offset = t.offsetAfterMs;
  return offset;
}

/** A wall-clock date and time (month 1-12, hour 0-23). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** How far either side of a wall clock its candidate offsets are read: beyond any transition's span. */
const PROBE_MS = 6 * HOUR;

/**
 * The UTC instant of a wall-clock reading in `timezone`, like Temporal's "compatible"
 * disambiguation: a time repeated when clocks go back (01:30 on the last Sunday of October in
 * London) takes the earlier instant; a time skipped when clocks go forward moves forward by the
 * gap (London's 01:30 on the last Sunday of March is 02:30 BST = 01:30 UTC). The scheduler does
 * not use this: its cron slots follow the DST policy in `slots.ts`.
 */
export function wallClockToUtc(timezone: string, wall: WallClock): Date {
  const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = cachedOffsetMsAt(timezone, wallMs - PROBE_MS);
  const after = cachedOffsetMsAt(timezone, wallMs + PROBE_MS);
  const valid = [...new Set([before, after])]
    .map((offset) => wallMs - offset)
    .filter((utc) => utc + cachedOffsetMsAt(timezone, utc) === wallMs)
    .sort((a, b) => a - b);
  // None valid: in the spring-forward gap, use the offset in force before the change.
  return new Date(valid[0] ?? wallMs - before);
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
