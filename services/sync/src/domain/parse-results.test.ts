import { describe, expect, it } from "vitest";
import { isNonRetryable } from "@matchday/shared";
import { CsvFormatError } from "./csv-format-error.js";
import { parseFixturesCsv, parseResultsCsv } from "./parse-results.js";
import type { OddsQuote, ParsedMatch } from "./parsed-match.js";

const BOM = "\uFEFF";

/** Joins lines with CRLF, as football-data does, ending with a final CRLF. */
const crlf = (...lines: string[]) => lines.map((l) => `${l}\r\n`).join("");

const MODERN_HEADER =
  "Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,Referee,HS,AS,HST,AST,HF,AF,HC,AC,HY,AY,HR,AR," +
  "B365H,B365D,B365A,PSH,PSD,PSA,MaxH,MaxD,MaxA,AvgH,AvgD,AvgA,P>2.5,P<2.5,AHh,PAHH,PAHA," +
  "PSCH,PSCD,PSCA,PC>2.5,PC<2.5,AHCh,PCAHH,PCAHA,Attendance";
const modernRow = (over: Partial<Record<string, string>> = {}): string => {
  const base: Record<string, string> = {
    Div: "E0",
    Date: "11/08/2023",
    Time: "20:00",
    HomeTeam: "Burnley",
    AwayTeam: "Man City",
    FTHG: "0",
    FTAG: "3",
    FTR: "A",
    HTHG: "0",
    HTAG: "2",
    HTR: "A",
    Referee: "C Pawson",
    HS: "6",
    AS: "17",
    HST: "1",
    AST: "8",
    HF: "11",
    AF: "8",
    HC: "6",
    AC: "5",
    HY: "0",
    AY: "0",
    HR: "1",
    AR: "0",
    B365H: "8",
    B365D: "5.5",
    B365A: "1.33",
    PSH: "8.58",
    PSD: "5.51",
    PSA: "1.37",
    MaxH: "9.5",
    MaxD: "5.68",
    MaxA: "1.39",
    AvgH: "9.02",
    AvgD: "5.35",
    AvgA: "1.35",
    "P>2.5": "1.68",
    "P<2.5": "2.29",
    AHh: "1.5",
    PAHH: "1.86",
    PAHA: "2.07",
    PSCH: "9.62",
    PSCD: "5.81",
    PSCA: "1.33",
    "PC>2.5": "1.65",
    "PC<2.5": "2.35",
    AHCh: "1.75",
    PCAHH: "1.95",
    PCAHA: "1.98",
    Attendance: "21000",
    ...over,
  } as Record<string, string>;
  return MODERN_HEADER.split(",")
    .map((c) => base[c] ?? "")
    .join(",");
};

const quote = (m: ParsedMatch, q: Partial<OddsQuote>) =>
  m.odds.filter((o) => Object.entries(q).every(([k, v]) => o[k as keyof OddsQuote] === v));

describe("parseResultsCsv", () => {
  it("parse-results - reads a BOM + CRLF file: kickoff in UTC, scores, stats, referee", () => {
    const r = parseResultsCsv(Buffer.from(BOM + crlf(MODERN_HEADER, modernRow())), "E0.csv");
    expect(r.rejected).toEqual([]);
    expect(r.matches).toHaveLength(1);
    const m = r.matches[0]!;
    expect(m).toMatchObject({
      line: 2,
      div: "E0",
      date: "2023-08-11",
      kickoff: "2023-08-11T19:00:00.000Z",
      hasTime: true,
      homeTeam: "Burnley",
      awayTeam: "Man City",
      status: "finished",
      fullTime: { home: 0, away: 3, result: "A" },
      halfTime: { home: 0, away: 2, result: "A" },
      referee: "C Pawson",
    });
    expect(m.stats).toEqual({
      homeShots: 6,
      awayShots: 17,
      homeShotsOnTarget: 1,
      awayShotsOnTarget: 8,
      homeFouls: 11,
      awayFouls: 8,
      homeCorners: 6,
      awayCorners: 5,
      homeYellowCards: 0,
      awayYellowCards: 0,
      homeRedCards: 1,
      awayRedCards: 0,
    });
  });

  it("parse-results - Time is UK local: GMT in winter, BST in summer", () => {
    const csv = crlf(
      MODERN_HEADER,
      modernRow({ Date: "26/12/2023", Time: "15:00" }),
      modernRow({ Date: "30/03/2024", Time: "15:00", HomeTeam: "Arsenal" }),
      modernRow({ Date: "31/03/2024", Time: "16:30", HomeTeam: "Chelsea" }),
    );
    const r = parseResultsCsv(csv, "E0.csv");
    expect(r.matches.map((m) => m.kickoff)).toEqual([
      "2023-12-26T15:00:00.000Z",
      "2024-03-30T15:00:00.000Z",
      "2024-03-31T15:30:00.000Z",
    ]);
  });

  it("parse-results - maps odds: integers, closing variants, AH lines, empty cells absent", () => {
    const r = parseResultsCsv(crlf(MODERN_HEADER, modernRow({ PSD: "", MaxH: "" })), "E0.csv");
    const m = r.matches[0]!;
    expect(quote(m, { bookmaker: "bet365", selection: "home" })).toEqual([
      {
        bookmaker: "bet365",
        market: "1x2",
        selection: "home",
        line: null,
        closing: false,
        price: 8,
      },
    ]);
    expect(
      quote(m, { bookmaker: "pinnacle", market: "1x2", closing: false }).map((q) => q.selection),
    ).toEqual(["home", "away"]);
    expect(quote(m, { bookmaker: "market_max", selection: "home" })).toEqual([]);
    expect(
      quote(m, { bookmaker: "pinnacle", market: "1x2", closing: true }).map((q) => q.price),
    ).toEqual([9.62, 5.81, 1.33]);
    expect(quote(m, { bookmaker: "pinnacle", market: "ou25", closing: true })).toEqual([
      {
        bookmaker: "pinnacle",
        market: "ou25",
        selection: "over",
        line: null,
        closing: true,
        price: 1.65,
      },
      {
        bookmaker: "pinnacle",
        market: "ou25",
        selection: "under",
        line: null,
        closing: true,
        price: 2.35,
      },
    ]);
    expect(quote(m, { market: "ah" })).toEqual([
      {
        bookmaker: "pinnacle",
        market: "ah",
        selection: "home",
        line: 1.5,
        closing: false,
        price: 1.86,
      },
      {
        bookmaker: "pinnacle",
        market: "ah",
        selection: "away",
        line: 1.5,
        closing: false,
        price: 2.07,
      },
      {
        bookmaker: "pinnacle",
        market: "ah",
        selection: "home",
        line: 1.75,
        closing: true,
        price: 1.95,
      },
      {
        bookmaker: "pinnacle",
        market: "ah",
        selection: "away",
        line: 1.75,
        closing: true,
        price: 1.98,
      },
    ]);
    // 3 + 2 + 2 + 3 (1X2 opening minus two empties) + 2 + 2 OU + 4 AH + 3 closing 1X2.
    expect(m.odds).toHaveLength(21);
  });

  it("parse-results - keeps unknown columns in extra and lists them", () => {
    const r = parseResultsCsv(
      crlf(MODERN_HEADER, modernRow(), modernRow({ HomeTeam: "Luton", Attendance: "" })),
      "E0.csv",
    );
    expect(r.unknownColumns).toEqual(["Attendance"]);
    expect(r.matches[0]!.extra).toEqual({ Attendance: "21000" });
    expect(r.matches[1]!.extra).toEqual({});
  });

  it("parse-results - old layout: dd/mm/yy and dd/mm/yyyy per row, Betbrain, unnamed trailing columns", () => {
    const header =
      "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,HS,AS,B365H,B365D,B365A,Bb1X2,BbMxH,BbAvH,BbMxD,BbAvD,BbMxA,BbAvA," +
      "BbOU,BbMx>2.5,BbAv>2.5,BbMx<2.5,BbAv<2.5,BbAH,BbAHh,BbMxAHH,BbAvAHH,BbMxAHA,BbAvAHA,,,";
    const csv = crlf(
      header,
      "D1,20/08/10,Bayern Munich,Wolfsburg,2,1,H,1,0,H,17,11,1.57,4,5.5,32,1.62,1.55,4.28,3.93,6.95,5.97,23,1.6,1.55,2.47,2.33,17,-1.25,1.25,1.19,5.35,4.3,,,",
      "D1,21/08/2010,M'gladbach,Nurnberg,1,1,D,,,,,,2.1,3.4,3.4,,,,,,,,,,,,,,,,,,,,,",
    );
    const r = parseResultsCsv(csv, "D1.csv");
    expect(r.rejected).toEqual([]);
    expect(r.unknownColumns).toEqual([]);
    const [a, b] = r.matches as [ParsedMatch, ParsedMatch];
    expect([a.kickoff, a.hasTime, b.kickoff, b.hasTime]).toEqual([
      "2010-08-20",
      false,
      "2010-08-21",
      false,
    ]);
    expect(b.homeTeam).toBe("M'gladbach");
    expect(b.halfTime).toBeNull();
    expect(b.stats.homeShots).toBeNull();
    expect(a.betbrainBookCounts).toEqual({ "1x2": 32, ou25: 23, ah: 17 });
    expect(b.betbrainBookCounts).toEqual({ "1x2": null, ou25: null, ah: null });
    expect(quote(a, { bookmaker: "betbrain_avg", market: "ah" })).toEqual([
      {
        bookmaker: "betbrain_avg",
        market: "ah",
        selection: "home",
        line: -1.25,
        closing: false,
        price: 1.19,
      },
      {
        bookmaker: "betbrain_avg",
        market: "ah",
        selection: "away",
        line: -1.25,
        closing: false,
        price: 4.3,
      },
    ]);
    expect(quote(a, { bookmaker: "bet365", selection: "draw" })[0]?.price).toBe(4);
    expect(b.odds).toHaveLength(3);
  });

  it("parse-results - skips and counts fully empty rows, keeps line numbers", () => {
    const emptyRow = ",".repeat(20);
    const csv = crlf(
      MODERN_HEADER,
      modernRow(),
      emptyRow,
      "",
      modernRow({ HomeTeam: "Nott'm Forest" }),
    );
    const r = parseResultsCsv(csv, "I1.csv");
    expect(r.emptyRows).toBe(2);
    expect(r.matches.map((m) => [m.line, m.homeTeam])).toEqual([
      [2, "Burnley"],
      [5, "Nott'm Forest"],
    ]);
  });

  it("parse-results - rejects malformed rows with line and reason; the rest loads", () => {
    const csv = crlf(
      MODERN_HEADER,
      modernRow({ HomeTeam: "A" }),
      modernRow({ HomeTeam: "B", Date: "31/02/2024" }),
      modernRow({ HomeTeam: "C", FTR: "H" }),
      modernRow({ HomeTeam: "D", FTAG: "" }),
      modernRow({ HomeTeam: "E", B365H: "abc" }),
      modernRow({ HomeTeam: "F", Time: "8pm" }),
      modernRow({ HomeTeam: '"G', AwayTeam: "X" }),
      "E0,12/08/2023,H,Y,1,0",
      modernRow({ HomeTeam: "I", HTHG: "3", HTR: "H" }),
      modernRow({ HomeTeam: "J", HS: "-1" }),
      modernRow({ HomeTeam: "K" }),
    );
    const r = parseResultsCsv(csv, "E0.csv");
    expect(r.matches.map((m) => m.homeTeam)).toEqual(["A", "K"]);
    expect(r.rejected.map((x) => [x.line, x.file])).toEqual([
      [3, "E0.csv"],
      [4, "E0.csv"],
      [5, "E0.csv"],
      [6, "E0.csv"],
      [7, "E0.csv"],
      [8, "E0.csv"],
      [9, "E0.csv"],
      [10, "E0.csv"],
      [11, "E0.csv"],
    ]);
    const reasons = r.rejected.map((x) => x.reason);
    expect(reasons[0]).toMatch(/Date "31\/02\/2024" is not a valid/);
    expect(reasons[1]).toMatch(/FTR "H" disagrees with the score 0-3/);
    expect(reasons[2]).toMatch(/incomplete score/);
    expect(reasons[3]).toMatch(/B365H "abc" is not a price/);
    expect(reasons[4]).toMatch(/Time "8pm" is not HH:MM/);
    expect(reasons[5]).toMatch(/malformed CSV/);
    expect(reasons[6]).toMatch(/the row has 6 cells but the header has 50/);
    expect(reasons[7]).toMatch(/half-time score 3-2 exceeds full-time score 0-3/);
    expect(reasons[8]).toMatch(/HS "-1" is not a count/);
  });

  it("parse-results - a zero price is ignored with a warning, not stored and not a rejection", () => {
    const r = parseResultsCsv(crlf(MODERN_HEADER, modernRow({ B365H: "0" })), "E1.csv");
    expect(r.rejected).toEqual([]);
    expect(quote(r.matches[0]!, { bookmaker: "bet365", selection: "home" })).toEqual([]);
    expect(r.warnings).toEqual([
      {
        file: "E1.csv",
        line: 2,
        column: "B365H",
        value: "0",
        reason: expect.stringMatching(/not a decimal price/),
      },
    ]);
  });

  it("parse-results - rejects the whole file when the header is unusable", () => {
    const noHome = crlf("Div,Date,AwayTeam,FTHG,FTAG", "E0,11/08/2023,Man City,0,3");
    expect(() => parseResultsCsv(noHome, "E0.csv")).toThrow(CsvFormatError);
    expect(() => parseResultsCsv(noHome, "E0.csv")).toThrow(
      /E0\.csv: unusable header: missing HomeTeam/,
    );
    const html = "<!DOCTYPE html>\n<html><body>Not found</body></html>";
    let caught: unknown;
    try {
      parseResultsCsv(Buffer.from(html), "https://example/2526/E0.csv");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CsvFormatError);
    expect(isNonRetryable(caught)).toBe(true);
    expect(String(caught)).toMatch(/HTML page, not CSV/);
    expect(() => parseResultsCsv("", "E0.csv")).toThrow(/empty/);
    expect(() => parseResultsCsv("foo,bar\n1,2\n", "E0.csv")).toThrow(/not a football-data header/);
  });

  it("parse-results - a results file needs the score columns, a fixtures file does not", () => {
    const csv = crlf(
      "Div,Date,Time,HomeTeam,AwayTeam,Referee,B365H,B365D,B365A",
      "E2,02/04/2026,19:45,Wigan,Leyton Orient,T Reeves,2.2,3.1,3",
    );
    expect(() => parseResultsCsv(csv, "fixtures.csv")).toThrow(/missing FTHG, FTAG/);
    const r = parseFixturesCsv(Buffer.from(BOM + csv), "fixtures.csv");
    expect(r.matches[0]).toMatchObject({
      div: "E2",
      kickoff: "2026-04-02T18:45:00.000Z",
      status: "scheduled",
      fullTime: null,
      halfTime: null,
      referee: "T Reeves",
    });
    expect(r.matches[0]!.odds.map((o) => o.price)).toEqual([2.2, 3.1, 3]);
  });

  it("parse-results - LF line endings and Windows-1252 bytes also load", () => {
    const latin1 = Buffer.from(
      crlf(MODERN_HEADER, modernRow({ HomeTeam: "Málaga" })).replace(/\r\n/g, "\n"),
      "latin1",
    );
    const r = parseResultsCsv(latin1, "SP1.csv");
    expect(r.rejected).toEqual([]);
    expect(r.matches[0]!.homeTeam).toBe("Málaga");
  });
});
