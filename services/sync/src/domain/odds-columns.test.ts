import { describe, expect, it } from "vitest";
import { classifyOddsColumn } from "./odds-columns.js";

const price = (
  bookmaker: string,
  market: string,
  selection: string,
  closing: boolean,
  lineColumn: string | null = null,
) => ({ kind: "price", bookmaker, market, selection, closing, lineColumn });

describe("odds columns", () => {
  it("odds-columns - maps 1X2 columns of every book, opening and closing", () => {
    expect(classifyOddsColumn("B365H")).toEqual(price("bet365", "1x2", "home", false));
    expect(classifyOddsColumn("BWD")).toEqual(price("bwin", "1x2", "draw", false));
    expect(classifyOddsColumn("IWA")).toEqual(price("interwetten", "1x2", "away", false));
    expect(classifyOddsColumn("LBH")).toEqual(price("ladbrokes", "1x2", "home", false));
    expect(classifyOddsColumn("WHA")).toEqual(price("williamhill", "1x2", "away", false));
    expect(classifyOddsColumn("VCD")).toEqual(price("vcbet", "1x2", "draw", false));
    expect(classifyOddsColumn("PSH")).toEqual(price("pinnacle", "1x2", "home", false));
    expect(classifyOddsColumn("PSCH")).toEqual(price("pinnacle", "1x2", "home", true));
    expect(classifyOddsColumn("B365CA")).toEqual(price("bet365", "1x2", "away", true));
    expect(classifyOddsColumn("LBCD")).toEqual(price("ladbrokes", "1x2", "draw", true));
    expect(classifyOddsColumn("BFDCH")).toEqual(price("betfair", "1x2", "home", true));
    expect(classifyOddsColumn("BFEA")).toEqual(price("betfair_exchange", "1x2", "away", false));
    expect(classifyOddsColumn("BMGMCD")).toEqual(price("betmgm", "1x2", "draw", true));
    expect(classifyOddsColumn("CLH")).toEqual(price("coral", "1x2", "home", false));
    expect(classifyOddsColumn("BVCA")).toEqual(price("betvictor", "1x2", "away", true));
    expect(classifyOddsColumn("GBH")).toEqual(price("gamebookers", "1x2", "home", false));
    expect(classifyOddsColumn("BSA")).toEqual(price("bluesquare", "1x2", "away", false));
    expect(classifyOddsColumn("SBD")).toEqual(price("sportingbet", "1x2", "draw", false));
    expect(classifyOddsColumn("SJH")).toEqual(price("stanjames", "1x2", "home", false));
  });

  it("odds-columns - maps market max/avg and the Betbrain aggregates", () => {
    expect(classifyOddsColumn("MaxH")).toEqual(price("market_max", "1x2", "home", false));
    expect(classifyOddsColumn("AvgCA")).toEqual(price("market_avg", "1x2", "away", true));
    expect(classifyOddsColumn("BbMxD")).toEqual(price("betbrain_max", "1x2", "draw", false));
    expect(classifyOddsColumn("BbAv<2.5")).toEqual(price("betbrain_avg", "ou25", "under", false));
    expect(classifyOddsColumn("BbMxAHH")).toEqual(
      price("betbrain_max", "ah", "home", false, "BbAHh"),
    );
    expect(classifyOddsColumn("Bb1X2")).toEqual({ kind: "betbrain-count", market: "1x2" });
    expect(classifyOddsColumn("BbOU")).toEqual({ kind: "betbrain-count", market: "ou25" });
    expect(classifyOddsColumn("BbAH")).toEqual({ kind: "betbrain-count", market: "ah" });
  });

  it("odds-columns - maps over/under 2.5 and Asian handicap with their line columns", () => {
    expect(classifyOddsColumn("B365>2.5")).toEqual(price("bet365", "ou25", "over", false));
    expect(classifyOddsColumn("P<2.5")).toEqual(price("pinnacle", "ou25", "under", false));
    expect(classifyOddsColumn("PC>2.5")).toEqual(price("pinnacle", "ou25", "over", true));
    expect(classifyOddsColumn("MaxC<2.5")).toEqual(price("market_max", "ou25", "under", true));
    expect(classifyOddsColumn("PAHH")).toEqual(price("pinnacle", "ah", "home", false, "AHh"));
    expect(classifyOddsColumn("B365CAHA")).toEqual(price("bet365", "ah", "away", true, "AHCh"));
    expect(classifyOddsColumn("AvgCAHH")).toEqual(price("market_avg", "ah", "home", true, "AHCh"));
    expect(classifyOddsColumn("BFECAHA")).toEqual(
      price("betfair_exchange", "ah", "away", true, "AHCh"),
    );
    for (const line of ["AHh", "AHCh", "BbAHh"]) {
      expect(classifyOddsColumn(line)).toEqual({ kind: "ah-line" });
    }
  });

  it("odds-columns - leaves non-odds and unknown columns alone", () => {
    for (const name of [
      "HS",
      "AS",
      "HC",
      "AC",
      "HR",
      "AR",
      "FTHG",
      "Referee",
      "Time",
      "XYZH",
      "Attendance",
      "B365",
      "PSX",
    ]) {
      expect(classifyOddsColumn(name), name).toBeUndefined();
    }
  });
});
