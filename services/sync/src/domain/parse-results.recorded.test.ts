import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDataDir } from "@matchday/shared";
import { parseFixturesCsv, parseResultsCsv } from "./parse-results.js";
import type { ParsedFile } from "./parsed-match.js";

/** The recorded football-data files and what MANIFEST.json says about them. */
interface ManifestEntry {
  file: string;
  rows?: number;
  format?: { blank_rows: number; date: string[]; has_time: boolean };
}

const dataDir = sharedDataDir();
const manifest = (
  JSON.parse(readFileSync(path.join(dataDir, "MANIFEST.json"), "utf8")) as {
    files: ManifestEntry[];
  }
).files.filter((f) => f.file.startsWith("football-data/"));
const seasonFiles = manifest.filter((f) => f.rows !== undefined);
const parsed = new Map<string, ParsedFile>();
const load = (file: string): ParsedFile => {
  let r = parsed.get(file);
  if (!r) {
    const bytes = readFileSync(path.join(dataDir, file));
    r = file.includes("/fixtures/") ? parseFixturesCsv(bytes, file) : parseResultsCsv(bytes, file);
    parsed.set(file, r);
  }
  return r;
};

describe("recorded football-data files", () => {
  it("parse-results - the pack has every season file the manifest lists (82) plus snapshot and fixtures", () => {
    expect(seasonFiles).toHaveLength(82);
    expect(manifest.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        "football-data/snapshots/2324/E0_asof_2024-04-04.csv",
        "football-data/fixtures/fixtures_2026-03-31.csv",
      ]),
    );
  });

  it.each(seasonFiles.map((f) => [f.file, f] as const))(
    "parse-results - %s loads every row: manifest count, no rejects, empty rows counted",
    (file, entry) => {
      const r = load(file);
      expect(r.rejected).toEqual([]);
      expect(r.matches).toHaveLength(entry.rows ?? -1);
      expect(r.emptyRows).toBe(entry.format?.blank_rows);
      expect(r.unknownColumns).toEqual([]);
      expect(
        r.matches.every((m) => m.status === "finished" && m.hasTime === entry.format?.has_time),
      ).toBe(true);
      expect(new Set(r.matches.map((m) => `${m.homeTeam}|${m.awayTeam}`)).size).toBe(
        r.matches.length,
      );
    },
    // ~20 ms a file on an idle machine; generous for a loaded CI box.
    30_000,
  );

  it("parse-results - the mid-season snapshot loads 303 matches, the fixtures sample 16", () => {
    const snapshot = load("football-data/snapshots/2324/E0_asof_2024-04-04.csv");
    expect(snapshot.rejected).toEqual([]);
    expect(snapshot.matches).toHaveLength(303);
    const fixtures = load("football-data/fixtures/fixtures_2026-03-31.csv");
    expect(fixtures.rejected).toEqual([]);
    expect(fixtures.matches).toHaveLength(16);
    expect(new Set(fixtures.matches.map((m) => m.div))).toEqual(new Set(["E2", "E3", "EC", "SP2"]));
    expect(fixtures.matches.every((m) => m.status === "scheduled" && m.hasTime)).toBe(true);
  });

  it("parse-results - empty rows are counted where the README says", () => {
    const withEmpty = seasonFiles
      .filter((f) => load(f.file).emptyRows > 0)
      .map((f) => [f.file, load(f.file).emptyRows]);
    expect(withEmpty).toEqual(
      expect.arrayContaining([
        ["football-data/1415/E0.csv", 1],
        ["football-data/1415/E1.csv", 1],
        ["football-data/1314/F1.csv", 1],
        ["football-data/1516/F1.csv", 1],
        ["football-data/1213/I1.csv", 3],
        ["football-data/1415/I1.csv", 1],
        ["football-data/1516/I1.csv", 1],
      ]),
    );
    expect(withEmpty).toHaveLength(7);
  });

  it("parse-results - E0 2015/16 writes dd/mm/yyyy, 2016/17 dd/mm/yy: both read as the right dates", () => {
    const e1516 = load("football-data/1516/E0.csv").matches;
    const e1617 = load("football-data/1617/E0.csv").matches;
    expect(e1516[0]).toMatchObject({ date: "2015-08-08", kickoff: "2015-08-08", hasTime: false });
    expect(e1617[0]).toMatchObject({ date: "2016-08-13", hasTime: false });
    for (const m of [...e1516, ...e1617]) {
      expect(m.date >= "2015-08-01" && m.date <= "2017-06-30").toBe(true);
    }
  });

  it("parse-results - real names, kickoffs and odds come through", () => {
    const e2324 = load("football-data/2324/E0.csv").matches;
    expect(e2324[0]).toMatchObject({
      homeTeam: "Burnley",
      awayTeam: "Man City",
      kickoff: "2023-08-11T19:00:00.000Z",
      fullTime: { home: 0, away: 3, result: "A" },
    });
    expect(e2324.some((m) => m.homeTeam === "Nott'm Forest")).toBe(true);
    expect(load("football-data/2324/D1.csv").matches.some((m) => m.homeTeam === "M'gladbach")).toBe(
      true,
    );
    // Burnley–Man City: B365H was written "8"; Pinnacle closing 1X2 present; AH line 1.5 from AHh.
    const odds = e2324[0]!.odds;
    expect(odds).toContainEqual({
      bookmaker: "bet365",
      market: "1x2",
      selection: "home",
      line: null,
      closing: false,
      price: 8,
    });
    expect(
      odds.filter((o) => o.bookmaker === "pinnacle" && o.market === "1x2" && o.closing),
    ).toHaveLength(3);
    expect(odds.filter((o) => o.market === "ah" && !o.closing).every((o) => o.line === 1.5)).toBe(
      true,
    );
    // Every kickoff in a summer month is BST (UTC = local - 1 h), every one in January is GMT.
    for (const m of e2324) {
      const local = Number(m.kickoff.slice(11, 13));
      expect(local).toBeGreaterThanOrEqual(11);
      if (m.date.slice(5, 7) === "01") expect(new Date(m.kickoff).getUTCHours()).toBe(local);
    }
  });

  it("parse-results - the upstream zero prices are reported as warnings, not stored", () => {
    const r = load("football-data/2122/E0.csv");
    expect(r.warnings.map((w) => [w.line, w.column, w.value])).toEqual([
      [168, "B365C>2.5", "0"],
      [168, "B365C<2.5", "0"],
    ]);
    const total = seasonFiles.reduce((n, f) => n + load(f.file).warnings.length, 0);
    expect(total).toBe(5);
    expect(
      seasonFiles.every((f) => load(f.file).matches.every((m) => m.odds.every((o) => o.price > 1))),
    ).toBe(true);
  });
});
