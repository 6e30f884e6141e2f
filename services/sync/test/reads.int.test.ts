import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@matchday/shared";
import { createTestDatabase, type TestDatabase } from "@matchday/shared/testing";
import { matchValuesOf } from "../src/domain/diff.js";
import { parseFixturesCsv, parseResultsCsv } from "../src/domain/parse-results.js";
import type { ParsedFile } from "../src/domain/parsed-match.js";
import { sha256Hex } from "../src/pipeline/sync-season.js";
import { applyFixtures } from "../src/repo/apply-fixtures.js";
import { applySeasonFile } from "../src/repo/apply-season-file.js";
import { closingOdds, finishedMatches, upcomingFixtures } from "../src/repo/reads.js";
import { readRecorded } from "./support/recorded.js";

let tdb: TestDatabase;
let db: Db;
const parsed: Record<string, ParsedFile> = {};

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.database.db;
  for (const season of ["2223", "2324"]) {
    const bytes = readRecorded(`${season}/E0.csv`);
    parsed[season] = parseResultsCsv(bytes, `${season}/E0.csv`);
    await applySeasonFile(db, {
      league: "E0",
      season,
      origin: `${season}/E0.csv`,
      sha256: sha256Hex(bytes),
      parsed: parsed[season],
      syncedAt: new Date(),
    });
  }
  const fixtures = [
    "Div,Date,Time,HomeTeam,AwayTeam,B365H,B365D,B365A",
    "E0,16/08/2031,15:00,Arsenal,Burnley,1.3,5.5,9.0",
    "E0,17/08/2031,16:30,Chelsea,Luton,1.4,4.8,7.5",
    "SP2,17/08/2031,18:00,Leganes,Eibar,2.0,3.2,3.9",
    "",
  ].join("\r\n");
  await applyFixtures(db, {
    origin: "fixtures.csv",
    parsed: parseFixturesCsv(Buffer.from(fixtures), "fixtures.csv"),
    leagues: ["E0", "SP2"],
  });
});
afterAll(async () => {
  await tdb?.cleanup();
});

describe("sync reads", () => {
  it("reads - finishedMatches: one league's results in [from, to), oldest first, with team names", async () => {
    const from = new Date("2023-08-11T00:00:00Z");
    const to = new Date("2023-08-13T00:00:00Z");
    const expected = parsed["2324"]!.matches.filter((m) => {
      const k = matchValuesOf(m).kickoff;
      return k >= from && k < to;
    });
    const rows = await finishedMatches(db, "E0", from, to);
    expect(rows.map((r) => `${r.homeTeam} v ${r.awayTeam}`).sort()).toEqual(
      expected.map((m) => `${m.homeTeam} v ${m.awayTeam}`).sort(),
    );
    expect(rows[0]).toMatchObject({
      league: "E0",
      season: "2324",
      homeTeam: "Burnley",
      awayTeam: "Man City",
      ftHomeGoals: 0,
      ftAwayGoals: 3,
      ftResult: "A",
      htHomeGoals: 0,
      htAwayGoals: 2,
      status: "finished",
    });
    expect(rows[0]!.kickoff.toISOString()).toBe("2023-08-11T19:00:00.000Z");
    const kickoffs = rows.map((r) => r.kickoff.getTime());
    expect(kickoffs).toEqual([...kickoffs].sort((a, b) => a - b));

    const twoSeasons = await finishedMatches(
      db,
      "E0",
      new Date("2022-07-01Z"),
      new Date("2024-07-01Z"),
    );
    expect(twoSeasons).toHaveLength(760);
    expect(
      await finishedMatches(db, "SP1", new Date("2022-07-01Z"), new Date("2024-07-01Z")),
    ).toEqual([]);
  });

  it("reads - upcomingFixtures: scheduled matches in the window, soonest first, optionally by league", async () => {
    const from = new Date("2031-08-01Z");
    const to = new Date("2031-09-01Z");
    const all = await upcomingFixtures(db, from, to);
    expect(all.map((r) => [r.league, r.homeTeam, r.awayTeam, r.status])).toEqual([
      ["E0", "Arsenal", "Burnley", "scheduled"],
      ["E0", "Chelsea", "Luton", "scheduled"],
      ["SP2", "Leganes", "Eibar", "scheduled"],
    ]);
    expect(all[0]!.ftHomeGoals).toBeNull();
    expect((await upcomingFixtures(db, from, to, ["SP2"])).map((r) => r.homeTeam)).toEqual([
      "Leganes",
    ]);
    expect(await upcomingFixtures(db, from, new Date("2031-08-16T14:00:00Z"))).toEqual([]);
    // Finished matches are never "upcoming", whatever the window.
    expect(await upcomingFixtures(db, new Date("2022-07-01Z"), new Date("2024-07-01Z"))).toEqual(
      [],
    );
  });

  it("reads - closingOdds: one book's closing prices by match, absent where not quoted", async () => {
    const season = await finishedMatches(
      db,
      "E0",
      new Date("2023-07-01Z"),
      new Date("2024-07-01Z"),
    );
    const ids = season.map((m) => m.id);
    const pinnacle = await closingOdds(db, ids, "pinnacle");
    const expectedQuoted = parsed["2324"]!.matches.filter((m) =>
      m.odds.some((q) => q.bookmaker === "pinnacle" && q.market === "1x2" && q.closing),
    ).length;
    expect(pinnacle.size).toBe(expectedQuoted);
    const burnley = season.find((m) => m.homeTeam === "Burnley" && m.awayTeam === "Man City")!;
    expect(pinnacle.get(burnley.id)).toEqual([
      { matchId: burnley.id, line: 0, home: 9.62, draw: 5.81, away: 1.33, over: null, under: null },
    ]);
    const ou = await closingOdds(db, [burnley.id], "pinnacle", "ou25");
    expect(ou.get(burnley.id)?.[0]).toMatchObject({ over: 1.65, under: 2.35 });
    expect(await closingOdds(db, ids, "no_such_book")).toEqual(new Map());
    expect(await closingOdds(db, [], "pinnacle")).toEqual(new Map());
  });
});
