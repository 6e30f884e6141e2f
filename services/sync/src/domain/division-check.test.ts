import { describe, expect, it } from "vitest";
import { duplicateRejects, splitByDivision } from "./division-check.js";
import { parseResultsCsv } from "./parse-results.js";

const file = [
  "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG",
  "E0,10/08/2030,A,B,1,0",
  "E1,10/08/2030,C,D,1,0",
  "E0,11/08/2030,C,A,0,0",
  "",
].join("\n");

describe("division check", () => {
  it("division-check - keeps the file's league, rejects another Div with its line", () => {
    const { accepted, rejected } = splitByDivision(
      parseResultsCsv(file, "f.csv").matches,
      "E0",
      "f.csv",
    );
    expect(accepted.map((m) => m.line)).toEqual([2, 4]);
    expect(rejected).toEqual([
      { file: "f.csv", line: 3, reason: `Div "E1" is not the file's league E0` },
    ]);
  });

  it("division-check - a repeated pair names the line it repeats", () => {
    const [m] = parseResultsCsv(file, "f.csv").matches;
    expect(duplicateRejects("f.csv", [{ match: { ...m!, line: 9 }, firstLine: 2 }])).toEqual([
      { file: "f.csv", line: 9, reason: "duplicate match: A v B already on line 2" },
    ]);
  });
});
