import { Cron } from "croner";
import { describe, expect, it } from "vitest";

import { InvalidTimezoneError } from "@matchday/shared";
import { InvalidCronError } from "./errors.js";
import {
  compileCron,
  formatLocal,
  formatUtc,
  latestSlots,
  nextSlots,
  periodMs,
  slotId,
  slotsBetween,
} from "./slots.js";

const LONDON = "Europe/London";
const iso = (d: Date[]): string[] => d.map(formatUtc);

/** The slots of `cron` during one local calendar day, given as its UTC bounds [start, end). */
function day(cron: string, tz: string, startUtc: string, endUtc: string): string[] {
  const c = compileCron(cron, tz);
  return iso(
    slotsBetween(c, new Date(Date.parse(startUtc) - 1000), new Date(Date.parse(endUtc) - 1000)),
  );
}

// London's local days: 2026-03-29 is 23 h long (00:00Z..23:00Z), 2026-10-25 is 25 h (23:00Z..00:00Z).
const SPRING = ["2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z"] as const;
const AUTUMN = ["2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z"] as const;

describe("slots - DST policy, Europe/London 2026-03-29 (spring forward)", () => {
  it("slots - a 01:30 daily job runs once, at 02:00 BST, the first valid instant", () => {
    expect(day("30 1 * * *", LONDON, ...SPRING)).toEqual(["2026-03-29T01:00:00Z"]);
  });
  it("slots - a 02:30 daily job runs once, at 02:30 BST", () => {
    expect(day("30 2 * * *", LONDON, ...SPRING)).toEqual(["2026-03-29T01:30:00Z"]);
  });
  it("slots - an hourly job runs on each of the 23 real hours", () => {
    const slots = day("0 * * * *", LONDON, ...SPRING);
    expect(slots).toHaveLength(23);
    expect(slots[0]).toBe("2026-03-29T00:00:00Z"); // 00:00 GMT
    expect(slots[1]).toBe("2026-03-29T01:00:00Z"); // 02:00 BST: 01:00 local does not exist
    expect(slots[22]).toBe("2026-03-29T22:00:00Z"); // 23:00 BST
  });
  it("slots - an hour-list job runs once per listed hour, 01:30 moved to 02:00 BST", () => {
    expect(day("30 1,13 * * *", LONDON, ...SPRING)).toEqual([
      "2026-03-29T01:00:00Z",
      "2026-03-29T12:30:00Z",
    ]);
  });
  it("slots - fixed hour, minute step: every time in the gap collapses into one slot", () => {
    expect(day("*/15 1 * * *", LONDON, ...SPRING)).toEqual(["2026-03-29T01:00:00Z"]);
    // The slot at the end of the gap is also a natural 02:00 slot: one slot, not two.
    expect(day("0,30 1,2 * * *", LONDON, ...SPRING)).toEqual([
      "2026-03-29T01:00:00Z",
      "2026-03-29T01:30:00Z",
    ]);
  });
});

describe("slots - DST policy, Europe/London 2026-10-25 (fall back)", () => {
  it("slots - a 01:30 daily job runs once, at the first 01:30 (BST)", () => {
    expect(day("30 1 * * *", LONDON, ...AUTUMN)).toEqual(["2026-10-25T00:30:00Z"]);
  });
  it("slots - a 02:30 daily job runs once, at 02:30 GMT", () => {
    expect(day("30 2 * * *", LONDON, ...AUTUMN)).toEqual(["2026-10-25T02:30:00Z"]);
  });
  it("slots - an hourly job runs on each of the 25 real hours, 01:00 twice", () => {
    const slots = day("0 * * * *", LONDON, ...AUTUMN);
    expect(slots).toHaveLength(25);
    expect(slots.slice(0, 4)).toEqual([
      "2026-10-24T23:00:00Z", // 00:00 BST
      "2026-10-25T00:00:00Z", // 01:00 BST
      "2026-10-25T01:00:00Z", // 01:00 GMT
      "2026-10-25T02:00:00Z", // 02:00 GMT
    ]);
    expect(slots[24]).toBe("2026-10-25T23:00:00Z");
  });
  it("slots - an hour-list job runs once per listed hour (croner alone runs 01:30 twice)", () => {
    expect(day("30 1,13 * * *", LONDON, ...AUTUMN)).toEqual([
      "2026-10-25T00:30:00Z",
      "2026-10-25T13:30:00Z",
    ]);
    // The behaviour we correct, pinned so a croner upgrade that changes it is noticed.
    const croner = new Cron("30 1,13 * * *", { timezone: LONDON, paused: true });
    expect(iso(croner.nextRuns(3, new Date(AUTUMN[0])))).toEqual([
      "2026-10-25T00:30:00Z",
      "2026-10-25T01:30:00Z",
      "2026-10-25T13:30:00Z",
    ]);
  });
  it("slots - fixed hour, minute step: the repeated hour runs at its first occurrence only", () => {
    expect(day("*/15 1 * * *", LONDON, ...AUTUMN)).toEqual([
      "2026-10-25T00:00:00Z",
      "2026-10-25T00:15:00Z",
      "2026-10-25T00:30:00Z",
      "2026-10-25T00:45:00Z",
    ]);
  });
  it("slots - an every-30-minutes job runs through the repeated hour twice", () => {
    expect(day("*/30 * * * *", LONDON, ...AUTUMN)).toHaveLength(50);
  });
});

describe("slots - ids and formatting", () => {
  it("slots - slot ids of all the DST jobs on both days never collide", () => {
    const all: string[] = [];
    const jobs = { daily_0130: "30 1 * * *", daily_0230: "30 2 * * *", hourly: "0 * * * *" };
    for (const [task, cron] of Object.entries({ ...jobs, hour_list: "30 1,13 * * *" })) {
      for (const range of [SPRING, AUTUMN]) {
        all.push(...day(cron, LONDON, range[0], range[1]).map((s) => slotId(task, new Date(s))));
      }
    }
    expect(all).toHaveLength(2 + 2 + 23 + 25 + 4);
    expect(new Set(all).size).toBe(all.length);
  });
  it("slots - slotId is <task>@<UTC to the second> and refuses sub-second slots", () => {
    expect(slotId("sync_all_leagues", new Date("2026-11-23T04:00:00.000Z"))).toBe(
      "sync_all_leagues@2026-11-23T04:00:00Z",
    );
    expect(() => slotId("x", new Date("2026-11-23T04:00:00.500Z"))).toThrow(RangeError);
  });
  it("slots - formatLocal shows the local time, offset and zone", () => {
    expect(formatLocal(new Date("2026-10-25T00:30:00Z"), LONDON)).toBe(
      "2026-10-25T01:30:00+01:00 Europe/London",
    );
    expect(formatLocal(new Date("2026-10-25T01:30:00Z"), LONDON)).toBe(
      "2026-10-25T01:30:00+00:00 Europe/London",
    );
    expect(formatLocal(new Date("2026-03-01T12:00:00Z"), "Asia/Kathmandu")).toBe(
      "2026-03-01T17:45:00+05:45 Asia/Kathmandu",
    );
    expect(formatLocal(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe(
      "2026-01-15T07:00:00-05:00 America/New_York",
    );
  });
});

describe("slots - computation", () => {
  it("slots - a UTC daily job fires at 04:00Z every day, DST days included", () => {
    const c = compileCron("0 4 * * *", "UTC");
    expect(
      iso(slotsBetween(c, new Date("2026-03-27T12:00:00Z"), new Date("2026-03-31T04:00:00Z"))),
    ).toEqual([
      "2026-03-28T04:00:00Z",
      "2026-03-29T04:00:00Z",
      "2026-03-30T04:00:00Z",
      "2026-03-31T04:00:00Z",
    ]);
  });
  it("slots - the range is (from, to]: a slot at `from` is excluded, one at `to` included", () => {
    const c = compileCron("0 * * * *", "UTC");
    const s = slotsBetween(c, new Date("2026-01-01T10:00:00Z"), new Date("2026-01-01T12:00:00Z"));
    expect(iso(s)).toEqual(["2026-01-01T11:00:00Z", "2026-01-01T12:00:00Z"]);
    expect(
      slotsBetween(c, new Date("2026-01-01T10:00:00Z"), new Date("2026-01-01T20:00:00Z"), 3),
    ).toHaveLength(3);
  });
  it("slots - nextSlots is strictly after its argument, also from inside a second", () => {
    const c = compileCron("* * * * * *", "UTC");
    expect(iso(nextSlots(c, new Date("2026-01-01T10:00:00.000Z"), 2))).toEqual([
      "2026-01-01T10:00:01Z",
      "2026-01-01T10:00:02Z",
    ]);
    expect(iso(nextSlots(c, new Date("2026-01-01T09:59:59.999Z"), 1))).toEqual([
      "2026-01-01T10:00:00Z",
    ]);
  });
  it("slots - nextSlots finds a leap-day job years ahead, in London time", () => {
    const c = compileCron("0 12 29 2 *", LONDON);
    expect(iso(nextSlots(c, new Date("2026-01-01T00:00:00Z"), 2))).toEqual([
      "2028-02-29T12:00:00Z",
      "2032-02-29T12:00:00Z",
    ]);
  });
  it("slots - latestSlots returns the newest n slots of a long range, oldest first", () => {
    const c = compileCron("0 * * * *", "UTC");
    const from = new Date("2026-01-01T00:00:00Z");
    const to = new Date("2026-03-01T00:30:00Z");
    expect(iso(latestSlots(c, from, to, 3))).toEqual([
      "2026-02-28T22:00:00Z",
      "2026-02-28T23:00:00Z",
      "2026-03-01T00:00:00Z",
    ]);
    expect(
      iso(latestSlots(c, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T02:00:00Z"), 5)),
    ).toEqual(["2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"]);
    expect(latestSlots(c, from, to, 0)).toEqual([]);
  });
  it("slots - 6-field crons fire on seconds", () => {
    const c = compileCron("*/20 0 9 * * *", "UTC");
    expect(c.withSeconds).toBe(true);
    expect(
      iso(slotsBetween(c, new Date("2026-01-01T08:00:00Z"), new Date("2026-01-01T10:00:00Z"))),
    ).toEqual(["2026-01-01T09:00:00Z", "2026-01-01T09:00:20Z", "2026-01-01T09:00:40Z"]);
  });
});

describe("slots - compileCron validation", () => {
  it.each([
    ["* * *", /expected 5 fields/],
    ["1 2 3 4 5 6 7", /got 7/],
    ["@daily", /nicknames/],
    ["61 * * * *", /minute/],
    ["0 0 30 2 *", /never matches/],
    ["", /expected 5 fields/],
  ])("slots - refuses %j", (expr, message) => {
    expect(() => compileCron(expr, "UTC")).toThrow(InvalidCronError);
    expect(() => compileCron(expr, "UTC")).toThrow(message);
  });
  it.each(["Mars/Base", "+01:00", "", "Europe/Londn"])("slots - refuses the zone %j", (tz) => {
    expect(() => compileCron("0 4 * * *", tz)).toThrow(InvalidTimezoneError);
  });
  it("slots - classifies the DST rule by the hour field", () => {
    expect(compileCron("30 1 * * *", LONDON).dstRule).toBe("fixed-hours");
    expect(compileCron("30 1,13 * * *", LONDON).dstRule).toBe("fixed-hours");
    expect(compileCron("*/5 1-3 * * *", LONDON).dstRule).toBe("fixed-hours");
    expect(compileCron("0 * * * *", LONDON).dstRule).toBe("every-real-hour");
    expect(compileCron("0 */3 * * *", LONDON).dstRule).toBe("every-real-hour");
    expect(compileCron("0 0 1-23/2 * * *", LONDON).dstRule).toBe("every-real-hour");
  });
});

describe("slots - periodMs", () => {
  const MIN = 60_000;
  it.each([
    ["*/15 * * * *", 15 * MIN],
    ["0 */3 * * *", 180 * MIN],
    ["0 */6 * * *", 360 * MIN],
    ["0 4 * * *", 1440 * MIN],
    ["0 2 * * 1", 7 * 1440 * MIN],
    ["0 9 * * 1-5", 3 * 1440 * MIN],
    ["*/15 8-22 * * *", (9 * 60 + 15) * MIN],
  ])("slots - %s has a nominal period of %d ms", (cron, expected) => {
    expect(periodMs(compileCron(cron, LONDON))).toBe(expected);
  });
});
