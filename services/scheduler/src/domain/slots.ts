import {
  assertTimezone,
  DAY,
  HOUR,
  localFields,
  MINUTE,
  nextTransition,
  offsetMsAt,
  previousTransition,
  taskMsgId,
} from "@matchday/shared";
import { Cron } from "croner";

import { InvalidCronError } from "./errors.js";

/**
 * Slot computation: the instants at which a cron expression fires in an IANA zone.
 *
 * ## DST policy (copy this into the scheduler README)
 *
 * A job is classified by its **hour field**:
 *
 * - **Fixed hours** (the hour field has no `*`, `?` or step `/`: `30 1 * * *`, `30 1,13 * * *`,
 *   `0 2-4 * * *`, `*\/15 1 * * *`): every local time the cron names runs **once**.
 *   - A local time that does not exist (spring forward) runs at the **first valid instant after
 *     the gap**, i.e. the moment the clocks jump (Europe/London 2026-03-29: `30 1 * * *` runs at
 *     01:00Z = 02:00 BST). Several such times collapse into that one instant (one slot, one id).
 *   - A local time that occurs twice (fall back) runs at its **first occurrence only**
 *     (2026-10-25: `30 1 * * *` runs at 00:30Z = 01:30 BST, not again at 01:30 GMT).
 * - **Every-real-hour jobs** (the hour field is `*` or a step: `0 * * * *`, `0 *\/3 * * *`,
 *   `0 1-23/2 * * *`): the job runs at every real instant whose local time matches. Local times in
 *   a gap are skipped, repeated ones run on both occurrences, so an hourly job fires 23 times on
 *   the spring day and 25 times on the autumn day.
 *
 * Why our own code rather than croner's DST handling: croner 11 classifies jobs by seconds, minutes
 * *and* hours, and by default treats any list or range as an interval job, so `30 1,13 * * *` ran
 * twice on the autumn day; `fixedTimeRule: "no-wildcard"` fixes lists but still treats
 * `*\/15 1 * * *` as an interval job (skipped entirely on the spring day, run twice in autumn).
 * We therefore use croner only to match **wall-clock** times (a cron evaluated at UTC offset 0, in
 * which there is no DST) and map wall-clock times to instants ourselves, segment by segment
 * between the zone's offset transitions (read from `Intl`, see `time-zone.ts`).
 *
 * Slots are whole seconds; every function here is pure apart from memoisation.
 */

/** How a compiled job treats DST transitions, see the module documentation. */
export type DstRule = "fixed-hours" | "every-real-hour";

/** A validated cron expression bound to a zone; build it with {@link compileCron}. */
export interface CompiledCron {
  readonly expression: string;
  readonly timezone: string;
  /** True for 6-field expressions (seconds first). */
  readonly withSeconds: boolean;
  readonly dstRule: DstRule;
  /** croner evaluated at UTC offset 0: it matches wall-clock times, read as if they were UTC. */
  readonly wall: Cron;
}

/** Never look further ahead than this for a next slot: 30 years, in ms. */
const MAX_LOOKAHEAD_MS = 30 * 366 * DAY;

/**
 * Validates and compiles `expression` (5 fields, or 6 with seconds first; croner syntax incl.
 * `L`, `W`, `#`, names) for the IANA `timezone`.
 * @throws InvalidCronError for a wrong field count, a nickname, a bad value or a cron that never
 *   matches; InvalidTimezoneError for an unknown zone.
 */
export function compileCron(expression: string, timezone: string): CompiledCron {
  const trimmed = expression.trim();
  if (trimmed.startsWith("@")) {
    throw new InvalidCronError(expression, "nicknames are not accepted, write the 5 or 6 fields");
  }
  const fields = trimmed.split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    throw new InvalidCronError(
      expression,
      `expected 5 fields (min hour dom month dow) or 6 (sec min hour dom month dow), got ${fields.length}`,
    );
  }
  assertTimezone(timezone);
  let wall: Cron;
  try {
    wall = new Cron(trimmed, { utcOffset: 0, mode: "5-or-6-parts", paused: true });
  } catch (cause) {
    throw new InvalidCronError(expression, cause instanceof Error ? cause.message : String(cause), {
      cause,
    });
  }
  if (!wall.nextRun(new Date(Date.UTC(2000, 0, 1)))) {
    throw new InvalidCronError(expression, "it never matches");
  }
  const withSeconds = fields.length === 6;
  const hourField = fields[withSeconds ? 2 : 1] ?? "*";
  const dstRule: DstRule = /[*?/]/.test(hourField) ? "every-real-hour" : "fixed-hours";
  return { expression: trimmed, timezone, withSeconds, dstRule, wall };
}

/** The first wall-clock match strictly after `wallMs`, in ms, or null. */
function nextWall(c: CompiledCron, wallMs: number): number | null {
  const d = c.wall.nextRun(new Date(wallMs));
  return d ? d.getTime() : null;
}

/**
 * Every slot in (`afterMs`, `untilMs`], in increasing order, lazily. The DST policy lives here and
 * only here; see the module documentation.
 */
function* iterateSlots(c: CompiledCron, afterMs: number, untilMs: number): Generator<number> {
  const tz = c.timezone;
  const fixed = c.dstRule === "fixed-hours";
  let low = afterMs; // exclusive lower bound of the search, in instant time
  let offset = offsetMsAt(tz, low + 1);
  // After a fall-back, the repeated local times already ran at their first occurrence.
  let dropBefore = -Infinity;
  const prev = previousTransition(tz, low + 1, low + 1 - DAY);
  if (fixed && prev && prev.offsetBeforeMs > prev.offsetAfterMs) {
    dropBefore = prev.atMs + (prev.offsetBeforeMs - prev.offsetAfterMs);
  }
  let lastEmitted = -Infinity;
  let segmentStart = low; // transitions at or before this are already applied
  for (;;) {
    const w = nextWall(c, low + offset);
    if (w === null) return;
    const candidate = w - offset;
    const t = nextTransition(tz, Math.max(low, segmentStart), Math.min(candidate, untilMs));
    if (!t) {
      if (candidate > untilMs) return;
      if (candidate >= dropBefore && candidate > lastEmitted) {
        lastEmitted = candidate;
        yield candidate;
      }
      low = candidate;
      continue;
    }
    // The offset changes before the candidate: continue in the segment that starts at t.
    low = t.atMs - 1;
    segmentStart = t.atMs;
    offset = t.offsetAfterMs;
    dropBefore =
      fixed && t.offsetBeforeMs > t.offsetAfterMs
        ? t.atMs + (t.offsetBeforeMs - t.offsetAfterMs)
        : -Infinity;
    if (fixed && t.offsetAfterMs > t.offsetBeforeMs) {
      // A gap: wall times in [t + before, t + after) do not exist; any match runs at t.
      const inGap = nextWall(c, t.atMs + t.offsetBeforeMs - 1);
      if (inGap !== null && inGap < t.atMs + t.offsetAfterMs && t.atMs > lastEmitted) {
        lastEmitted = t.atMs;
        yield t.atMs;
      }
    }
  }
}

/**
 * The slots in (`fromExclusive`, `toInclusive`], oldest first, at most `limit` of them (the
 * earliest). Follows the DST policy of the module documentation.
 */
export function slotsBetween(
  c: CompiledCron,
  fromExclusive: Date,
  toInclusive: Date,
  limit = Number.POSITIVE_INFINITY,
): Date[] {
  const out: Date[] = [];
  if (limit <= 0) return out;
  for (const ms of iterateSlots(c, fromExclusive.getTime(), toInclusive.getTime())) {
    out.push(new Date(ms));
    if (out.length >= limit) break;
  }
  return out;
}

/** The next `n` slots strictly after `after` (fewer if the cron has no more within 30 years). */
export function nextSlots(c: CompiledCron, after: Date, n: number): Date[] {
  return slotsBetween(c, after, new Date(after.getTime() + MAX_LOOKAHEAD_MS), n);
}

/**
 * The latest `n` slots in (`fromExclusive`, `toInclusive`], oldest first. Searches backwards from
 * `toInclusive` in windows that grow fourfold, so a long outage of a dense cron does not enumerate
 * every missed slot.
 */
export function latestSlots(
  c: CompiledCron,
  fromExclusive: Date,
  toInclusive: Date,
  n: number,
): Date[] {
  if (n <= 0 || toInclusive.getTime() <= fromExclusive.getTime()) return [];
  const to = toInclusive.getTime();
  for (let windowMs = n * MINUTE; ; windowMs *= 4) {
    const lo = Math.max(fromExclusive.getTime(), to - windowMs);
    const found = slotsBetween(c, new Date(lo), toInclusive);
    if (found.length >= n || lo === fromExclusive.getTime()) return found.slice(-n);
  }
}

/** `2026-11-23T04:00:00Z`: an instant in UTC, to the second (milliseconds dropped). */
export function formatUtc(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * `2026-10-25T01:30:00+01:00 Europe/London`: the local wall time of `slot` in `timezone`, its
 * offset, and the zone name (the offset alone does not say which 01:30 of a fall-back night).
 */
export function formatLocal(slot: Date, timezone: string): string {
  const f = localFields(timezone, slot.getTime());
  const offsetS = Math.round(offsetMsAt(timezone, slot.getTime()) / 1000);
  const abs = Math.abs(offsetS);
  const sign = offsetS < 0 ? "-" : "+";
  const seconds = abs % 60 === 0 ? "" : `:${pad(abs % 60)}`;
  const offset = `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${seconds}`;
  const date = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
  return `${date}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${offset} ${timezone}`;
}

/**
 * The deterministic id of a tick, `Nats-Msg-Id`: `<task>@<slot in UTC to the second>`, e.g.
 * `sync_all_leagues@2026-11-23T04:00:00Z`. Every replica and every backfill derives the same id
 * for the same slot, which is what lets JetStream's duplicate window keep one.
 * @throws RangeError if `slot` is not a whole second (it would collide with its neighbour).
 */
export function slotId(task: string, slot: Date): string {
  if (slot.getTime() % 1000 !== 0) {
    throw new RangeError(`slot ${slot.toISOString()} is not a whole second`);
  }
  return taskMsgId(task, formatUtc(slot));
}

const periodCache = new WeakMap<CompiledCron, number>();

/**
 * The nominal period of a cron, in ms: the **largest** gap between consecutive wall-clock slots
 * (so DST days, 23 or 25 hours long, do not change it). The largest gap, not the typical one, so a
 * weekday-only daily job (`0 9 * * 1-5`) gets 3 days (Friday to Monday) and a staleness check
 * does not fire every weekend; `*\/15 8-22 * * *` gets the overnight gap.
 *
 * Sampled from 2026-01-01 (about 1,000 croner calls, memoised per compiled cron): 300 consecutive
 * slots; then, unless those span a year, probes every hour for 8 days and every day for 400 days,
 * each measuring the gap around it. Every gap longer than a day within the year is seen, and every
 * gap longer than an hour within the first 8 days (so in any weekly pattern).
 */
export function periodMs(c: CompiledCron): number {
  const cached = periodCache.get(c);
  if (cached !== undefined) return cached;
  const ref = Date.UTC(2026, 0, 1);
  let largest = 0;
  const first = nextWall(c, ref);
  let prev = first;
  for (let i = 0; i < 300 && prev !== null; i++) {
    const next = nextWall(c, prev);
    if (next === null) break;
    largest = Math.max(largest, next - prev);
    prev = next;
  }
  if (first !== null && prev !== null && prev - first < 366 * DAY) {
    const probe = (at: number): void => {
      const before = c.wall.previousRuns(1, new Date(at))[0];
      const after = nextWall(c, at);
      if (before && after !== null) largest = Math.max(largest, after - before.getTime());
    };
    // Half a second off the grid: a probe never sits on a slot (slots are whole seconds).
    for (let h = 0; h < 8 * 24; h++) probe(ref + h * HOUR + 500);
    for (let d = 0; d < 400; d++) probe(ref + d * DAY + 500);
  }
  periodCache.set(c, largest);
  return largest;
}
