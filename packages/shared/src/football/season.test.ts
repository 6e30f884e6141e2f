import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isNonRetryable } from "../tasks/errors.js";
import {
  currentSeason,
  isSeasonCode,
  previousSeasons,
  seasonCodeFor,
  seasonCodeOfStartYear,
  seasonEnd,
  seasonLabel,
  seasonStart,
  seasonStartYear,
  shiftSeason,
} from "./season.js";

describe("season codes", () => {
  it("season - accepts four digits naming consecutive years, across the century", () => {
    expect(["2526", "1011", "9900", "0001", "1920"].every(isSeasonCode)).toBe(true);
    expect(["2527", "2525", "252", "25260", "25/26", "abcd", "0099"].some(isSeasonCode)).toBe(
      false,
    );
  });

  it("season - seasonCodeFor switches on July 1 UTC", () => {
    expect(seasonCodeFor(new Date("2025-06-30T23:59:59.999Z"))).toBe("2425");
    expect(seasonCodeFor(new Date("2025-07-01T00:00:00.000Z"))).toBe("2526");
    expect(seasonCodeFor(new Date("2026-01-15T12:00:00Z"))).toBe("2526");
    expect(seasonCodeFor(new Date("1999-08-01T00:00:00Z"))).toBe("9900");
    expect(seasonCodeFor(new Date("2000-03-01T00:00:00Z"))).toBe("9900");
  });

  it("season - current season follows the clock unless configuration fixes it", () => {
    expect(currentSeason(new Date("2025-07-01T00:00:00Z"))).toBe("2526");
    expect(currentSeason(new Date("2025-07-01T00:00:00Z"), "1920")).toBe("1920");
    expect(() => currentSeason(new Date(), "2021x")).toThrow(/invalid season code/);
  });

  it("season - previousSeasons lists the n seasons before, oldest first", () => {
    expect(previousSeasons("2526", 5)).toEqual(["2021", "2122", "2223", "2324", "2425"]);
    expect(previousSeasons("0102", 3)).toEqual(["9899", "9900", "0001"]);
    expect(previousSeasons("2526", 0)).toEqual([]);
  });

  it("season - start, end and label", () => {
    expect(seasonStart("2526").toISOString()).toBe("2025-07-01T00:00:00.000Z");
    expect(seasonEnd("2526").toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(seasonLabel("2526")).toBe("2025/26");
    expect(seasonLabel("9900")).toBe("1999/00");
    expect(shiftSeason("2526", -1)).toBe("2425");
  });

  it("season - a bad code is a non-retryable error", () => {
    let caught: unknown;
    try {
      seasonStartYear("2527");
    } catch (err) {
      caught = err;
    }
    expect(isNonRetryable(caught)).toBe(true);
    expect(String(caught)).toMatch(/invalid season code "2527"/);
  });
});

describe("season properties", () => {
  const instants = fc.date({
    min: new Date("1970-07-01T00:00:00Z"),
    max: new Date("2069-06-30T23:59:59Z"),
    noInvalidDate: true,
  });
  const startYears = fc.integer({ min: 1975, max: 2060 });

  it("season - every instant lies in [start, end) of seasonCodeFor", () => {
    fc.assert(
      fc.property(instants, (d) => {
        const code = seasonCodeFor(d);
        expect(isSeasonCode(code)).toBe(true);
        expect(seasonStart(code).getTime()).toBeLessThanOrEqual(d.getTime());
        expect(d.getTime()).toBeLessThan(seasonEnd(code).getTime());
      }),
    );
  });

  it("season - code ↔ start year round-trips and the label names both years", () => {
    fc.assert(
      fc.property(startYears, (y) => {
        const code = seasonCodeOfStartYear(y);
        expect(seasonStartYear(code)).toBe(y);
        expect(seasonLabel(code)).toBe(`${y}/${String((y + 1) % 100).padStart(2, "0")}`);
        expect(seasonEnd(code).getTime()).toBe(seasonStart(shiftSeason(code, 1)).getTime());
      }),
    );
  });

  it("season - previousSeasons are n valid consecutive codes ending just before the code", () => {
    fc.assert(
      fc.property(startYears, fc.integer({ min: 0, max: 5 }), (y, n) => {
        const code = seasonCodeOfStartYear(y);
        const prev = previousSeasons(code, n);
        expect(prev).toHaveLength(n);
        prev.forEach((p, i) => {
          expect(isSeasonCode(p)).toBe(true);
          expect(seasonStartYear(p)).toBe(y - n + i);
        });
      }),
    );
  });

  it("season - random four-digit strings are codes exactly when the years are consecutive", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (n) => {
        const s = String(n).padStart(4, "0");
        const consecutive = (Number(s.slice(0, 2)) + 1) % 100 === Number(s.slice(2));
        expect(isSeasonCode(s)).toBe(consecutive);
      }),
    );
  });
});
