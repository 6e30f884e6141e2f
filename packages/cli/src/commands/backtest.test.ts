import { describe, expect, it } from "vitest";
import { seasonRange } from "./backtest.js";

describe("backtest seasons", () => {
  it("backtest - the season range runs across the century with football-data's two-digit years", () => {
    expect(seasonRange("9798", "0102")).toEqual(["9798", "9899", "9900", "0001", "0102"]);
    expect(seasonRange("2324", "2324")).toEqual(["2324"]);
    expect(seasonRange("2425", "2324")).toEqual([]);
  });
});
