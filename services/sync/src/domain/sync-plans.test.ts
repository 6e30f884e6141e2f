import { describe, expect, it } from "vitest";
import { currentSeasonTargets, historicalTargets } from "./sync-plans.js";

const settings = { leagues: ["E0", "SP1"], fixedSeason: undefined };

describe("sync plans", () => {
  it("sync-plans - the current season follows the clock and turns on July 1 UTC", () => {
    expect(currentSeasonTargets(settings, new Date("2024-04-05T00:00:00Z"))).toEqual([
      { league: "E0", season: "2324" },
      { league: "SP1", season: "2324" },
    ]);
    expect(currentSeasonTargets(settings, new Date("2025-06-30T23:59:59Z"))[0]!.season).toBe(
      "2425",
    );
    expect(currentSeasonTargets(settings, new Date("2025-07-01T00:00:00Z"))[0]!.season).toBe(
      "2526",
    );
  });

  it("sync-plans - a pinned season wins over the clock", () => {
    const pinned = { ...settings, fixedSeason: "1920" };
    expect(currentSeasonTargets(pinned, new Date("2025-07-01Z")).map((t) => t.season)).toEqual([
      "1920",
      "1920",
    ]);
    expect(historicalTargets(pinned, new Date("2025-07-01Z"), 1)).toEqual([
      { league: "E0", season: "1819" },
      { league: "SP1", season: "1819" },
    ]);
  });

  it("sync-plans - history: the complete seasons before the current one, oldest first", () => {
    expect(historicalTargets(settings, new Date("2024-04-05Z"), 2)).toEqual([
      { league: "E0", season: "2122" },
      { league: "SP1", season: "2122" },
      { league: "E0", season: "2223" },
      { league: "SP1", season: "2223" },
    ]);
    const five = historicalTargets(
      { leagues: ["E0"], fixedSeason: undefined },
      new Date("2025-08-01Z"),
      5,
    );
    expect(five.map((t) => t.season)).toEqual(["2021", "2122", "2223", "2324", "2425"]);
  });
});
