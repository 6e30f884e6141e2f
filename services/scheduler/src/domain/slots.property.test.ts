import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { InvalidCronError } from "./errors.js";
import { compileCron, slotId, slotsBetween } from "./slots.js";
import type { CompiledCron } from "./slots.js";

/**
 * Property: for random crons × zones × ranges (biased towards DST transitions), `slotsBetween`
 * returns exactly what a brute-force walk over every minute (and second) of the range says, where
 * the walk reads local fields straight from `Intl` and applies the DST policy literally.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Known 2026 transitions (UTC), to centre ranges on; checked independently in time-zone.test.ts. */
const ZONES: Record<string, string[]> = {
  "Europe/London": ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"],
  "America/New_York": ["2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z"],
  "Australia/Lord_Howe": ["2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z"],
  "Asia/Kathmandu": ["2026-06-01T00:00:00Z"],
  UTC: ["2026-06-01T00:00:00Z"],
};

interface Field {
  text: string;
  values: Set<number>;
  star: boolean;
}

function range(lo: number, hi: number, step = 1): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi; v += step) out.push(v);
  return out;
}

function field(min: number, max: number, allowStar: boolean): fc.Arbitrary<Field> {
  const star = fc.constant<Field>({ text: "*", values: new Set(range(min, max)), star: true });
  const step = fc
    .integer({ min: 2, max: Math.max(2, Math.floor((max - min) / 2)) })
    .map((k): Field => ({ text: `*/${k}`, values: new Set(range(min, max, k)), star: false }));
  const list = fc
    .uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 3 })
    .map((vs): Field => ({ text: vs.join(","), values: new Set(vs), star: false }));
  const span = fc
    .tuple(fc.integer({ min, max }), fc.integer({ min, max }), fc.integer({ min: 1, max: 3 }))
    .map(([a, b, k]): Field => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return {
        text: k === 1 ? `${lo}-${hi}` : `${lo}-${hi}/${k}`,
        values: new Set(range(lo, hi, k)),
        star: false,
      };
    });
  const options = [step, list, span];
  return allowStar ? fc.oneof(star, ...options) : fc.oneof(...options);
}

interface CronCase {
  expr: string;
  withSeconds: boolean;
  second: Field;
  minute: Field;
  hour: Field;
  dom: Field;
  month: Field;
  dow: Field;
}

const wide = (min: number, max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: field(min, max, true).filter((f) => f.star) },
    { weight: 1, arbitrary: field(min, max, false) },
  );

const cronCase: fc.Arbitrary<CronCase> = fc
  .record({
    withSeconds: fc.boolean(),
    // Seconds never `*` (a 6-field `*` over hours is too many slots for the brute force).
    second: field(0, 59, false).filter((f) => f.values.size <= 6),
    minute: field(0, 59, true),
    // Often the hours that DST changes touch (01-02 in London and New York, 01:30-02:30 Lord Howe).
    hour: fc.oneof(
      field(0, 23, true),
      fc.constantFrom("1", "2", "1,13", "0-3", "1-2", "2,3").map((text): Field => ({
        text,
        values: new Set(
          text.includes("-")
            ? range(Number(text.split("-")[0]), Number(text.split("-")[1]))
            : text.split(",").map(Number),
        ),
        star: false,
      })),
    ),
    dom: wide(1, 31),
    month: wide(1, 12),
    dow: wide(0, 6),
  })
  .map((r) => {
    const five = `${r.minute.text} ${r.hour.text} ${r.dom.text} ${r.month.text} ${r.dow.text}`;
    const second: Field = r.withSeconds
      ? r.second
      : { text: "0", values: new Set([0]), star: false };
    return { ...r, second, expr: r.withSeconds ? `${r.second.text} ${five}` : five };
  });

const fmt = new Map<string, Intl.DateTimeFormat>();
/** Local wall clock of a whole-minute instant, as a UTC-read timestamp (minute precision). */
function wallMinute(tz: string, ms: number): number {
  let f = fmt.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    fmt.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
}

/** Vixie cron semantics: day-of-month and day-of-week are ORed when both are restricted. */
function matches(c: CronCase, wallMs: number): boolean {
  const d = new Date(wallMs);
  if (!c.second.values.has(d.getUTCSeconds())) return false;
  if (!c.minute.values.has(d.getUTCMinutes())) return false;
  if (!c.hour.values.has(d.getUTCHours())) return false;
  if (!c.month.values.has(d.getUTCMonth() + 1)) return false;
  const domOk = c.dom.values.has(d.getUTCDate());
  const dowOk = c.dow.values.has(d.getUTCDay());
  return c.dom.star || c.dow.star ? domOk && dowOk : domOk || dowOk;
}

/** The DST policy, literally: walk every minute of (from, to] with a lead-in to see repeats. */
function bruteForce(c: CronCase, tz: string, fromMs: number, toMs: number): number[] {
  const fixedHours = !c.hour.star && !c.hour.text.includes("/");
  const seen = new Set<number>();
  const out: number[] = [];
  const seconds = c.withSeconds ? [...c.second.values].sort((a, b) => a - b) : [0];
  let prevWall: number | undefined;
  for (let t = Math.floor(fromMs / MIN) * MIN - 3 * HOUR; t <= toMs; t += MIN) {
    const wall = wallMinute(tz, t);
    if (fixedHours && prevWall !== undefined && wall - prevWall > MIN && t > fromMs) {
      // A gap: local times in (prevWall, wall) never happen; any match runs at t.
      let hit = false;
      for (let w = prevWall + MIN; w < wall && !hit; w += MIN) {
        hit = seconds.some((s) => matches(c, w + s * 1000));
      }
      if (hit) out.push(t);
    }
    prevWall = wall;
    for (const s of seconds) {
      const w = wall + s * 1000;
      const inst = t + s * 1000;
      const repeat = seen.has(w);
      seen.add(w);
      if (inst <= fromMs || inst > toMs || !matches(c, w)) continue;
      if (fixedHours && repeat) continue;
      if (out[out.length - 1] !== inst) out.push(inst);
    }
  }
  return out;
}

describe("slots - property: random crons × zones × ranges", () => {
  it("slots - match a brute-force walk; strictly increasing; unique ids", () => {
    const zoneAndRange = fc.constantFrom(...Object.keys(ZONES)).chain((tz) =>
      fc.record({
        tz: fc.constant(tz),
        anchor: fc.constantFrom(...ZONES[tz]!),
        startOffsetMin: fc.integer({ min: -26 * 60, max: 2 * 60 }),
        lengthMin: fc.integer({ min: 1, max: 28 * 60 }),
      }),
    );
    fc.assert(
      fc.property(cronCase, zoneAndRange, (c, r) => {
        // Sub-minute crons get shorter ranges to keep the brute force fast.
        const lengthMin = c.withSeconds ? Math.min(r.lengthMin, 4 * 60) : r.lengthMin;
        const from = Date.parse(r.anchor) + r.startOffsetMin * MIN + 17_000;
        const to = from + lengthMin * MIN;
        let compiled: CompiledCron;
        try {
          compiled = compileCron(c.expr, r.tz);
        } catch (err) {
          // Random day/month combinations such as "31 in February only" never match.
          fc.pre(!(err instanceof InvalidCronError && /never matches/.test(err.message)));
          throw err;
        }
        const slots = slotsBetween(compiled, new Date(from), new Date(to)).map((d) => d.getTime());
        for (let i = 1; i < slots.length; i++) expect(slots[i]!).toBeGreaterThan(slots[i - 1]!);
        const ids = slots.map((s) => slotId("t", new Date(s)));
        expect(new Set(ids).size).toBe(ids.length);
        expect(slots.map((s) => new Date(s).toISOString())).toEqual(
          bruteForce(c, r.tz, from, to).map((s) => new Date(s).toISOString()),
        );
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
