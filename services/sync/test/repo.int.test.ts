import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { matches, odds, rejectedRows, seasons, teams, type Db, rowsOf } from "@matchday/shared";
import { createTestDatabase, silentLogger, type TestDatabase } from "@matchday/shared/testing";
import {
  createDirectoryFootballDataSource,
  type FootballDataSource,
} from "../src/clients/football-data.js";
import { parseFixturesCsv, parseResultsCsv } from "../src/domain/parse-results.js";
import { toOddsRows } from "../src/domain/odds-rows.js";
import { syncMany } from "../src/pipeline/sync-many.js";
import { syncSeason, sha256Hex } from "../src/pipeline/sync-season.js";
import { applyFixtures } from "../src/repo/apply-fixtures.js";
import { applySeasonFile, type ApplySeasonOptions } from "../src/repo/apply-season-file.js";
import { resolveTeams, TeamSource } from "../src/repo/teams.js";
import { pgArrayLiteral } from "../src/repo/unnest.js";
import {
  footballDataDir,
  readRecorded,
  recordedSeasonFiles,
  type RecordedSeasonFile,
} from "./support/recorded.js";
import { syncTableCounts, syncTablesFingerprint } from "./support/tables.js";

let tdb: TestDatabase;
let db: Db;
const syncedAt = new Date("2024-04-05T00:00:00Z");

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.database.db;
});
afterAll(async () => {
  await tdb?.cleanup();
});

/** Parses and applies `bytes` as the season file of (league, season). */
function apply(
  bytes: Buffer | string,
  league: string,
  season: string,
  origin: string,
  options: ApplySeasonOptions = {},
) {
  const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return applySeasonFile(
    db,
    {
      league,
      season,
      origin,
      sha256: sha256Hex(body),
      parsed: parseResultsCsv(body, origin),
      syncedAt,
    },
    options,
  );
}

async function matchOf(league: string, season: string, home: string, away: string) {
  const ids = await db.select({ id: teams.id, name: teams.name }).from(teams);
  const id = (n: string) => ids.find((t) => t.name === n)!.id;
  const [m] = await db
    .select()
    .from(matches)
    .where(
      and(
        eq(matches.league, league),
        eq(matches.season, season),
        eq(matches.homeTeamId, id(home)),
        eq(matches.awayTeamId, id(away)),
      ),
    );
  return m!;
}

/** Syncs recorded season files from the directory source through the multi-file path. */
function syncRecorded(files: readonly RecordedSeasonFile[]) {
  const deps = {
    db,
    source: createDirectoryFootballDataSource(footballDataDir()),
    settings: { leagues: [], fixedSeason: undefined, historySeasons: 0 },
  };
  const ctx = {
    signal: new AbortController().signal,
    now: () => syncedAt,
    logger: silentLogger(),
    heartbeat: () => {},
  };
  return syncMany(deps, { seasons: files, fixtures: false }, ctx);
}

const E0_2324 = readRecorded("2324/E0.csv");
const SNAPSHOT = readRecorded("snapshots/2324/E0_asof_2024-04-04.csv");
const BURNLEY_CITY = "E0,11/08/2023,20:00,Burnley,Man City,0,3,A";

// One database for the file: the tests run in order and later ones build on what earlier ones
// loaded (the story of a season: snapshot, full file, corrections, then the whole history).
describe("sync repository", () => {
  it("unnest - PostgreSQL reads every array literal back as the values written (text, numbers, booleans)", async () => {
    const roundTrip = async (literal: string, type: string) =>
      rowsOf<{ a: unknown[] }>(
        await db.execute(sql`select array_to_json(${literal}::${sql.raw(type)}[]) as a`),
      )[0]!.a;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.string({ unit: "grapheme" }), { nil: null })),
        async (values) => {
          // PostgreSQL text cannot hold NUL.
          const texts = values.map((v) => (v === null ? v : v.replaceAll("\u0000", "")));
          expect(await roundTrip(pgArrayLiteral(texts), "text")).toEqual(texts);
        },
      ),
      { numRuns: 60 },
    );
    const numbers = [0, -1.25, 1e21, 8, 2.0000000000000004, null];
    expect(await roundTrip(pgArrayLiteral(numbers), "float8")).toEqual(numbers);
    expect(await roundTrip(pgArrayLiteral([true, null, false]), "boolean")).toEqual([
      true,
      null,
      false,
    ]);
  });

  it("teams - a football-data name creates a canonical team, another source's a flagged one, each once", async () => {
    const first = await db.transaction((tx) =>
      resolveTeams(tx, TeamSource.FootballData, ["Test Town", "Test City", "Test Town"]),
    );
    expect(first.created).toEqual(["Test City", "Test Town"]);
    const again = await db.transaction((tx) =>
      resolveTeams(tx, TeamSource.FootballData, ["Test Town", "Test City"]),
    );
    expect(again.created).toEqual([]);
    expect(again.ids).toEqual(first.ids);

    // Another source's unknown name is a new team flagged for review, never merged with a
    // football-data team of the same spelling.
    const fpl = await db.transaction((tx) => resolveTeams(tx, TeamSource.Fpl, ["Test Town"]));
    expect(fpl.created).toEqual(["Test Town"]);
    expect(fpl.ids.get("Test Town")).not.toBe(first.ids.get("Test Town"));
    const flags = await db
      .select({ id: teams.id, needsReview: teams.needsReview })
      .from(teams)
      .where(inArray(teams.id, [first.ids.get("Test Town")!, fpl.ids.get("Test Town")!]));
    expect(Object.fromEntries(flags.map((f) => [f.id, f.needsReview]))).toEqual({
      [first.ids.get("Test Town")!]: false,
      [fpl.ids.get("Test Town")!]: true,
    });
  });

  it("teams - two transactions meeting the same new name at once create one team", async () => {
    const names = ["Race Rovers", "Race United"];
    const [a, b] = await Promise.all([
      db.transaction((tx) => resolveTeams(tx, TeamSource.SofaScore, names)),
      db.transaction((tx) => resolveTeams(tx, TeamSource.SofaScore, [...names].reverse())),
    ]);
    expect(a!.ids).toEqual(b!.ids);
    expect([...a!.created, ...b!.created].sort()).toEqual(names);
    const rows = await db.select().from(teams).where(inArray(teams.name, names));
    expect(rows).toHaveLength(2);
  });

  it("apply - the mid-season snapshot, then the full season, is an incremental update", async () => {
    const snap = await apply(SNAPSHOT, "E0", "2324", "snapshot");
    expect(snap.counts).toEqual({
      league: "E0",
      season: "2324",
      inserted: 303,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      emptyRows: 0,
    });
    expect(snap.createdTeams).toHaveLength(20);
    expect(snap.changedResultMatchIds).toHaveLength(303);

    const full = await apply(E0_2324, "E0", "2324", "full");
    // 77 matches played after 4 April 2024; one earlier row changed its Referee.
    expect(full.counts).toMatchObject({ inserted: 77, updated: 1, unchanged: 302, rejected: 0 });
    expect(full.createdTeams).toEqual([]);
    // New results are the 77 inserted matches; the Referee change is not a result change.
    expect(full.changedResultMatchIds).toHaveLength(77);
    const stored = await db
      .select({ id: matches.id })
      .from(matches)
      .where(eq(matches.season, "2324"));
    expect(stored).toHaveLength(380);
  });

  it("apply - syncing the same file twice changes nothing: all unchanged, no write, with or without the shortcut", async () => {
    await apply(E0_2324, "E0", "2324", "full"); // loaded (a no-op after the previous test)
    const before = await syncTablesFingerprint(tdb.database);
    const again = await apply(E0_2324, "E0", "2324", "full");
    expect(again.sameFile).toBe(true);
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 380, rejected: 0 });
    const forced = await apply(E0_2324, "E0", "2324", "full", { force: true });
    expect(forced.sameFile).toBe(false);
    expect(forced.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 380, rejected: 0 });
    expect(forced.changedResultMatchIds).toEqual([]);
    expect(await syncTablesFingerprint(tdb.database)).toEqual(before);
  });

  it("apply - a corrected score is an update reported as a changed result, and so is the correction back", async () => {
    const text = E0_2324.toString("utf8");
    expect(text).toContain(BURNLEY_CITY);
    const corrected = text.replace(BURNLEY_CITY, "E0,11/08/2023,20:00,Burnley,Man City,1,3,A");
    const match = await matchOf("E0", "2324", "Burnley", "Man City");
    expect([match.ftHomeGoals, match.ftAwayGoals]).toEqual([0, 3]);

    const r = await apply(corrected, "E0", "2324", "corrected");
    expect(r.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 379, rejected: 0 });
    expect(r.changedResultMatchIds).toEqual([match.id]);
    const after = await matchOf("E0", "2324", "Burnley", "Man City");
    expect([after.ftHomeGoals, after.ftAwayGoals, after.ftResult]).toEqual([1, 3, "A"]);
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(match.updatedAt.getTime());

    const back = await apply(E0_2324, "E0", "2324", "full");
    expect(back.sameFile).toBe(false);
    expect(back.counts).toMatchObject({ updated: 1, unchanged: 379 });
    expect(back.changedResultMatchIds).toEqual([match.id]);
  });

  it("apply - a failure forced half-way through a file leaves every sync table as it was", async () => {
    // A season never loaded, with a team never seen: inserts of teams, matches and odds (several
    // batches) all happen before the fault.
    const text = E0_2324.toString("utf8").replaceAll("Luton", "Luton Phantom");
    const before = await syncTablesFingerprint(tdb.database);
    const batches: string[] = [];
    await expect(
      apply(text, "E0", "2425", "faulty", {
        onBatchWritten: (b) => {
          batches.push(`${b.table}:${b.rows}`);
          if (b.index === 2) throw new Error("injected fault after 2 write statements");
        },
      }),
    ).rejects.toThrow(/injected fault/);
    expect(batches).toEqual(["matches:380", "odds:10000"]);
    expect(await syncTablesFingerprint(tdb.database)).toEqual(before);

    // The same file applies cleanly afterwards.
    const ok = await apply(text, "E0", "2425", "faulty");
    expect(ok.counts).toMatchObject({ inserted: 380, rejected: 0 });
    expect(ok.createdTeams).toContain("Luton Phantom");
    expect(ok.writes).toBeGreaterThan(2);
  });

  it("apply - rows of another division and repeated matches are rejected with file, line and reason; the rest loads", async () => {
    const csv = [
      "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR",
      "SP1,10/08/2030,Alpha,Beta,1,0,H",
      "SP1,11/08/2030,Gamma,Delta,2,2,D",
      "SP2,12/08/2030,Alpha,Gamma,0,1,A",
      "SP1,13/08/2030,Alpha,Beta,3,0,H",
      "SP1,14/08/2030,Delta,Alpha,x,1,A",
      "",
    ].join("\r\n");
    const r = await apply(csv, "SP1", "3031", "inline.csv");
    expect(r.counts).toEqual({
      league: "SP1",
      season: "3031",
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 3,
      emptyRows: 0,
    });
    const rejects = await db
      .select({ line: rejectedRows.line, reason: rejectedRows.reason, season: rejectedRows.season })
      .from(rejectedRows)
      .where(eq(rejectedRows.file, "inline.csv"))
      .orderBy(rejectedRows.line);
    expect(rejects.map((x) => x.line)).toEqual([4, 5, 6]);
    expect(rejects[0]!.reason).toMatch(/Div "SP2" is not the file's league SP1/);
    expect(rejects[1]!.reason).toMatch(/duplicate match: Alpha v Beta already on line 2/);
    expect(rejects[2]!.reason).toMatch(/FTHG "x"/);
    expect(rejects.every((x) => x.season === "3031")).toBe(true);

    // Applied again (same bytes): unchanged, and the rejects are counted again but not re-recorded.
    const again = await apply(csv, "SP1", "3031", "inline.csv");
    expect(again.sameFile).toBe(true);
    expect(again.counts).toMatchObject({ inserted: 0, unchanged: 2, rejected: 3 });
    const count = await db.select().from(rejectedRows).where(eq(rejectedRows.file, "inline.csv"));
    expect(count).toHaveLength(3);
  });

  it("sync - an HTML body or an unusable header writes no match and is refused as a whole file (line 0)", async () => {
    const bodies: Record<string, string> = {
      html: "<!DOCTYPE html><html><body>Service temporarily unavailable</body></html>",
      header: "Div,Date,HomeTeam,AwayTeam,Result\r\nE0,01/01/2031,A,B,H\r\n",
    };
    const source: FootballDataSource = {
      name: "stub",
      fetchSeason: async (league) => {
        // The HTTP and directory sources check the body the same way before returning it.
        const { assertFootballDataCsv } = await import("../src/domain/csv-text.js");
        const body = Buffer.from(bodies[league === "E0" ? "html" : "header"]!);
        assertFootballDataCsv(body, `stub/${league}.csv`);
        return { body, origin: `stub/${league}.csv` };
      },
      fetchFixtures: () => Promise.reject(new Error("unused")),
    };
    const run = {
      signal: new AbortController().signal,
      now: () => syncedAt,
      logger: silentLogger(),
    };
    const before = await syncTableCounts(tdb.database);
    for (const league of ["E0", "E1"]) {
      const err = await syncSeason({ db, source }, { league, season: "3031" }, run).catch(
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ name: "CsvFormatError", nonRetryable: true });
    }
    const after = await syncTableCounts(tdb.database);
    expect(after).toEqual({ ...before, rejected_rows: before.rejected_rows! + 2 });
    const refused = await db
      .select({ file: rejectedRows.file, line: rejectedRows.line, reason: rejectedRows.reason })
      .from(rejectedRows)
      .where(eq(rejectedRows.line, 0))
      .orderBy(rejectedRows.file);
    expect(refused).toEqual([
      { file: "stub/E0.csv", line: 0, reason: "the body is an HTML page, not CSV" },
      {
        file: "stub/E1.csv",
        line: 0,
        reason: expect.stringMatching(/unusable header: missing FTHG, FTAG/),
      },
    ]);
  });

  it("fixtures - a fixture is inserted scheduled, gets its result from the season file, and a later fixtures file never erases it", async () => {
    const fixtures = [
      "Div,Date,Time,HomeTeam,AwayTeam,B365H,B365D,B365A",
      "SC0,28/03/2031,15:00,Fixture Park,Fixture Vale,2.1,3.4,3.5",
      "SC0,29/03/2031,15:00,Fixture Vale,Fixture Park,1.9,3.5,4.0",
      "XX,29/03/2031,15:00,Elsewhere,Nowhere,1.9,3.5,4.0",
      "",
    ].join("\r\n");
    const parsedFixtures = () => parseFixturesCsv(Buffer.from(fixtures), "fixtures.csv");
    const first = await applyFixtures(db, {
      origin: "fixtures.csv",
      parsed: parsedFixtures(),
      leagues: ["SC0"],
    });
    expect(first.counts).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(first.otherLeagues).toBe(1);
    const scheduled = await matchOf("SC0", "3031", "Fixture Park", "Fixture Vale");
    expect(scheduled).toMatchObject({ status: "scheduled", ftHomeGoals: null, hasTime: true });
    expect(scheduled.kickoff.toISOString()).toBe("2031-03-28T15:00:00.000Z");

    const season = [
      "Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365H,B365D,B365A",
      "SC0,28/03/2031,15:00,Fixture Park,Fixture Vale,2,1,H,2.1,3.4,3.5",
      "",
    ].join("\r\n");
    const played = await apply(season, "SC0", "3031", "SC0.csv");
    expect(played.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(played.changedResultMatchIds).toEqual([scheduled.id]);
    expect(await matchOf("SC0", "3031", "Fixture Park", "Fixture Vale")).toMatchObject({
      status: "finished",
      ftHomeGoals: 2,
      ftAwayGoals: 1,
      ftResult: "H",
    });

    const again = await applyFixtures(db, {
      origin: "fixtures.csv",
      parsed: parsedFixtures(),
      leagues: ["SC0"],
    });
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await matchOf("SC0", "3031", "Fixture Park", "Fixture Vale")).toMatchObject({
      status: "finished",
      ftHomeGoals: 2,
    });
  });

  it("fixtures - the recorded fixtures.csv loads its 16 matches once", async () => {
    const bytes = readRecorded("fixtures/fixtures_2026-03-31.csv");
    const leagues = ["E2", "E3", "EC", "SP2"];
    const parsed = () => parseFixturesCsv(bytes, "fixtures_2026-03-31.csv");
    const first = await applyFixtures(db, { origin: "f", parsed: parsed(), leagues });
    expect(first.counts).toEqual({ inserted: 16, updated: 0, unchanged: 0 });
    expect(first.rejected).toBe(0);
    const second = await applyFixtures(db, { origin: "f", parsed: parsed(), leagues });
    expect(second.counts).toEqual({ inserted: 0, updated: 0, unchanged: 16 });
    expect(second.writes).toBe(0);
  });

  it("apply - every shipped season file loads with no rejected rows and as many matches (and odds rows) as it has", async () => {
    const files = recordedSeasonFiles();
    expect(files).toHaveLength(82);
    // The service's multi-file path (what sync_historical_data and the benchmark run).
    const result = await syncRecorded(files);
    expect(result.files).toHaveLength(82);
    result.files.forEach((counts, i) => {
      const f = files[i]!;
      expect({ file: f.file, ...counts }).toMatchObject({
        file: f.file,
        league: f.league,
        season: f.season,
        rejected: 0,
        updated: 0,
        inserted: f.season === "2324" && f.league === "E0" ? 0 : f.rows,
      });
      expect(counts.inserted + counts.unchanged).toBe(f.rows);
    });
    let expectedOdds = 0;
    for (const f of files) {
      for (const m of parseResultsCsv(readFileSync(f.file), f.file).matches) {
        expectedOdds += toOddsRows(m.odds, m.betbrainBookCounts).length;
      }
    }
    const [stored] = (await tdb.database.query(
      `select count(*)::int as matches,
         (select count(*)::int from sync.odds o join sync.matches m on m.id = o.match_id
          where m.league in ('E0','E1','SP1','D1','I1','F1') and m.season < '2425') as odds
       from sync.matches where league in ('E0','E1','SP1','D1','I1','F1') and season < '2425'`,
    )) as { matches: number; odds: number }[];
    expect(stored).toEqual({ matches: files.reduce((s, f) => s + f.rows, 0), odds: expectedOdds });
    const seasonRows = await db
      .select()
      .from(seasons)
      .where(inArray(seasons.league, ["E0", "E1", "SP1", "D1", "I1", "F1"]));
    expect(seasonRows.filter((s) => s.season < "2425")).toHaveLength(82);
    const flagged = await db.select().from(teams).where(eq(teams.needsReview, true));
    expect(flagged.map((t) => t.name).sort()).toEqual(["Race Rovers", "Race United", "Test Town"]);
  }, 120_000);

  it("apply - the full re-sync of every shipped file is all unchanged and writes nothing", async () => {
    const files = recordedSeasonFiles();
    const before = await syncTablesFingerprint(tdb.database);
    const result = await syncRecorded(files);
    expect(result).toMatchObject({
      inserted: 0,
      updated: 0,
      rejected: 0,
      unchanged: files.reduce((s, f) => s + f.rows, 0),
      changedResultMatchIds: [],
      unknownTeams: [],
    });
    expect(result.files.every((f, i) => f.unchanged === files[i]!.rows)).toBe(true);
    expect(await syncTablesFingerprint(tdb.database)).toEqual(before);
  }, 120_000);

  it("apply - odds are stored per match, bookmaker, market and line with the file's prices", async () => {
    const m = await matchOf("E0", "2324", "Burnley", "Man City");
    const rows = await db
      .select()
      .from(odds)
      .where(and(eq(odds.matchId, m.id), eq(odds.bookmaker, "pinnacle"), eq(odds.market, "1x2")));
    const byClosing = Object.fromEntries(
      rows.map((r) => [String(r.closing), [r.home, r.draw, r.away]]),
    );
    // Line 2 of 2324/E0.csv: PSH/PSD/PSA 8.58, 5.51, 1.37; PSCH/PSCD/PSCA 9.62, 5.81, 1.33.
    expect(byClosing).toEqual({ false: [8.58, 5.51, 1.37], true: [9.62, 5.81, 1.33] });
  });
});
