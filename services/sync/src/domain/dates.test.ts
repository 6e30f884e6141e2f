import { cachedOffsetMsAt } from "@matchday/shared";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  formatIsoDate,
  isRealDate,
  londonLocalToUtc,
  parseClockTime,
  parseDayMonthYear,
} from "./dates.js";

const HOUR_MS = 3_600_000;

/** Independent check: what a London wall clock shows at `d` (Intl directly, no caching). */
const LONDON_WALL = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

function londonWallClock(d: Date): string {
  const p = Object.fromEntries(LONDON_WALL.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

describe("football-data dates", () => {
  it("dates - reads dd/mm/yy and dd/mm/yyyy, decided per value", () => {
    expect(parseDayMonthYear("08/08/15")).toEqual({ year: 2015, month: 8, day: 8 });
    expect(parseDayMonthYear("08/08/2015")).toEqual({ year: 2015, month: 8, day: 8 });
    expect(parseDayMonthYear("13/08/16")).toEqual({ year: 2016, month: 8, day: 13 });
    expect(parseDayMonthYear("19/08/95")).toEqual({ year: 1995, month: 8, day: 19 });
    expect(parseDayMonthYear(" 1/2/2020 ")).toEqual({ year: 2020, month: 2, day: 1 });
  });

  it("dates - rejects impossible and malformed dates", () => {
    for (const bad of [
      "31/02/2020",
      "29/02/2019",
      "00/01/2020",
      "12/13/20",
      "2020-01-01",
      "1/1/201",
      "",
    ]) {
      expect(parseDayMonthYear(bad), bad).toBeUndefined();
    }
    expect(parseDayMonthYear("29/02/2020")).toEqual({ year: 2020, month: 2, day: 29 });
  });

  it("dates - reads HH:MM kick-off times", () => {
    expect(parseClockTime("20:00")).toEqual({ hour: 20, minute: 0 });
    expect(parseClockTime("9:30")).toEqual({ hour: 9, minute: 30 });
    expect(parseClockTime("12:30:00")).toEqual({ hour: 12, minute: 30 });
    expect(parseClockTime("24:00")).toBeUndefined();
    expect(parseClockTime("12.30")).toBeUndefined();
  });

  it("dates - UK local kick-off becomes UTC: BST in summer, GMT in winter", () => {
    const utc = (y: number, mo: number, d: number, h: number, mi = 0) =>
      londonLocalToUtc({ year: y, month: mo, day: d }, { hour: h, minute: mi }).toISOString();
    expect(utc(2023, 8, 11, 20)).toBe("2023-08-11T19:00:00.000Z"); // BST
    expect(utc(2023, 12, 26, 15)).toBe("2023-12-26T15:00:00.000Z"); // GMT
    // 2024 changeovers: Sunday 31 March (01:00 GMT → 02:00 BST), Sunday 27 October.
    expect(utc(2024, 3, 30, 15)).toBe("2024-03-30T15:00:00.000Z");
    expect(utc(2024, 3, 31, 14)).toBe("2024-03-31T13:00:00.000Z");
    expect(utc(2024, 10, 26, 17, 30)).toBe("2024-10-26T16:30:00.000Z");
    expect(utc(2024, 10, 27, 14)).toBe("2024-10-27T14:00:00.000Z");
    // The skipped hour moves forward; the repeated hour takes its first (BST) occurrence.
    expect(utc(2024, 3, 31, 1, 30)).toBe("2024-03-31T01:30:00.000Z");
    expect(utc(2024, 10, 27, 1, 30)).toBe("2024-10-27T00:30:00.000Z");
  });

  it("dates - the cached offset table agrees with Intl around each changeover", () => {
    for (const at of [
      "2024-03-31T00:59:59Z",
      "2024-03-31T01:00:00Z",
      "2024-10-27T00:59:59Z",
      "2024-10-27T01:00:00Z",
    ]) {
      const d = new Date(at);
      const expected =
        londonWallClock(d) === formatWall(new Date(d.getTime() + HOUR_MS)) ? HOUR_MS : 0;
      expect(cachedOffsetMsAt("Europe/London", d.getTime()), at).toBe(expected);
    }
  });
});

/** The UTC wall reading of `d` as `YYYY-MM-DD HH:MM`. */
function formatWall(d: Date): string {
  return d.toISOString().slice(0, 16).replace("T", " ");
}

describe("date properties", () => {
  const dates = fc
    .record({
      year: fc.integer({ min: 1970, max: 2069 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter(isRealDate);
  const times = fc.record({
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  });
  const pad = (n: number) => String(n).padStart(2, "0");

  it("dates - dd/mm/yyyy and dd/mm/yy both read back the date they print", () => {
    fc.assert(
      fc.property(dates, (d) => {
        const yyyy = `${pad(d.day)}/${pad(d.month)}/${d.year}`;
        const yy = `${pad(d.day)}/${pad(d.month)}/${pad(d.year % 100)}`;
        expect(parseDayMonthYear(yyyy)).toEqual(d);
        expect(parseDayMonthYear(yy)).toEqual(d);
        expect(formatIsoDate(d)).toBe(`${d.year}-${pad(d.month)}-${pad(d.day)}`);
      }),
    );
  });

  it("dates - the UTC instant shows the same wall clock in London (outside the skipped hour)", () => {
    fc.assert(
      fc.property(dates, times, (d, t) => {
        const utc = londonLocalToUtc(d, t);
        const wall = `${formatIsoDate(d)} ${pad(t.hour)}:${pad(t.minute)}`;
        const shown = londonWallClock(utc);
        if (shown !== wall) {
          // Only the spring-forward gap may differ: the time moved forward by exactly one hour.
          expect(londonWallClock(new Date(utc.getTime() - HOUR_MS))).not.toBe(wall);
          expect(
            formatWall(
              new Date(
                Date.parse(`${formatIsoDate(d)}T${pad(t.hour)}:${pad(t.minute)}:00Z`) + HOUR_MS,
              ),
            ),
          ).toBe(shown);
        }
        const offset =
          Date.parse(`${formatIsoDate(d)}T${pad(t.hour)}:${pad(t.minute)}:00Z`) - utc.getTime();
        expect([0, HOUR_MS]).toContain(offset);
      }),
      { numRuns: 500 },
    );
  });
});
