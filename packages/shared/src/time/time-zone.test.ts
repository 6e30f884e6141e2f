import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  assertTimezone,
  cachedOffsetMsAt,
  InvalidTimezoneError,
  nextTransition,
  offsetMsAt,
  previousTransition,
  wallClockToUtc,
} from "./time-zone.js";

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

function transitions2026(tz: string): [string, number, number][] {
  const out: [string, number, number][] = [];
  let after = Date.parse("2026-01-01T00:00:00Z");
  const until = Date.parse("2027-01-01T00:00:00Z");
  for (let t = nextTransition(tz, after, until); t; t = nextTransition(tz, after, until)) {
    out.push([iso(t.atMs), t.offsetBeforeMs / 60_000, t.offsetAfterMs / 60_000]);
    after = t.atMs;
  }
  return out;
}

describe("time-zone - offsets and transitions from Intl", () => {
  it("time-zone - finds 2026's DST changes to the second", () => {
    expect(transitions2026("Europe/London")).toEqual([
      ["2026-03-29T01:00:00Z", 0, 60],
      ["2026-10-25T01:00:00Z", 60, 0],
    ]);
    expect(transitions2026("America/New_York")).toEqual([
      ["2026-03-08T07:00:00Z", -300, -240],
      ["2026-11-01T06:00:00Z", -240, -300],
    ]);
    expect(transitions2026("Australia/Lord_Howe")).toEqual([
      ["2026-04-04T15:00:00Z", 660, 630],
      ["2026-10-03T15:30:00Z", 630, 660],
    ]);
    expect(transitions2026("Asia/Kathmandu")).toEqual([]);
    expect(transitions2026("UTC")).toEqual([]);
  });

  it("time-zone - offsets on either side of a change", () => {
    const at = Date.parse("2026-03-29T01:00:00Z");
    expect(offsetMsAt("Europe/London", at - 1000)).toBe(0);
    expect(offsetMsAt("Europe/London", at)).toBe(H);
    expect(offsetMsAt("Asia/Kathmandu", at)).toBe(5.75 * H);
  });

  it("time-zone - previousTransition looks back within the window only", () => {
    const t = Date.parse("2026-10-25T01:30:00Z");
    expect(previousTransition("Europe/London", t, t - 86_400_000)?.atMs).toBe(
      Date.parse("2026-10-25T01:00:00Z"),
    );
    expect(previousTransition("Europe/London", t, t - 10 * 60_000)).toBeUndefined();
  });

  it("time-zone - refuses unknown zones and raw offsets", () => {
    for (const tz of ["Mars/Base", "+01:00", "-05:00", " "]) {
      expect(() => assertTimezone(tz)).toThrow(InvalidTimezoneError);
    }
    expect(() => assertTimezone("Europe/London")).not.toThrow();
  });
});

describe("time-zone offsets from the cache", () => {
  const zones = [
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "UTC",
  ];

  it("time-zone - cachedOffsetMsAt agrees with Intl at random instants and at each side of every 2026 transition", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (tz, ms) => {
          expect(cachedOffsetMsAt(tz, ms)).toBe(offsetMsAt(tz, ms));
        },
      ),
      { numRuns: 300 },
    );
    for (const tz of zones) {
      const after = Date.parse("2026-01-01T00:00:00Z");
      const until = Date.parse("2027-01-01T00:00:00Z");
      for (let t = nextTransition(tz, after, until); t; t = nextTransition(tz, t.atMs, until)) {
        expect(cachedOffsetMsAt(tz, t.atMs - 1000)).toBe(t.offsetBeforeMs);
        expect(cachedOffsetMsAt(tz, t.atMs)).toBe(t.offsetAfterMs);
      }
    }
  });

  it("time-zone - wallClockToUtc: the instant reads back as the wall clock, except in a spring-forward gap, where it moves forward by the gap", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.record({
          year: fc.integer({ min: 2000, max: 2040 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
        }),
        (tz, wall) => {
          const utc = wallClockToUtc(tz, wall).getTime();
          const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
          const shown = utc + offsetMsAt(tz, utc);
          if (shown === wallMs) {
            // The earlier of two readings: one offset earlier would not show the same wall clock.
            const other = wallMs - offsetMsAt(tz, utc - 6 * H);
            if (other < utc) expect(other + offsetMsAt(tz, other)).not.toBe(wallMs);
          } else {
            // In a gap: shown later than asked, by the size of the jump.
            const gap = offsetMsAt(tz, utc) - offsetMsAt(tz, utc - 6 * H);
            expect(gap).toBeGreaterThan(0);
            expect(shown - wallMs).toBe(gap);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
