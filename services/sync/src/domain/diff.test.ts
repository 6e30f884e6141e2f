import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDataDir } from "@matchday/shared";
import { diffMatches, type MatchDiff, type StoredMatch } from "./diff.js";
import { parseResultsCsv } from "./parse-results.js";
import type { ParsedMatch } from "./parsed-match.js";

/** A tiny in-memory stand-in for the repository: applies a diff the way the sync will. */
function createMemoryStore() {
  const rows = new Map<number, StoredMatch>();
  const teams = new Map<string, number>();
  let nextId = 1;
  const teamIdOf = (name: string) => {
    let id = teams.get(name);
    if (id === undefined) teams.set(name, (id = teams.size + 1));
    return id;
  };
  return {
    teamIdOf,
    existing: () => [...rows.values()].map((r) => structuredClone(r)),
    apply(diff: MatchDiff) {
      for (const i of diff.inserts) {
        const id = nextId++;
        rows.set(
          id,
          structuredClone({ id, homeTeamId: i.homeTeamId, awayTeamId: i.awayTeamId, ...i.values }),
        );
      }
      for (const u of diff.updates) {
        const old = rows.get(u.id);
        if (!old) throw new Error(`no match ${u.id}`);
        rows.set(u.id, structuredClone({ ...old, ...u.values }));
      }
    },
  };
}

const header =
  "Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR,Referee,B365H,B365D,B365A,PSCH,PSCD,PSCA";
const file = (...rows: string[]) =>
  parseResultsCsv([header, ...rows].join("\r\n") + "\r\n", "E0.csv").matches;
const sync = (store: ReturnType<typeof createMemoryStore>, parsed: ParsedMatch[]) => {
  const diff = diffMatches({ existing: store.existing(), parsed, teamIdOf: store.teamIdOf });
  store.apply(diff);
  return diff;
};
const counts = (d: MatchDiff) => ({
  inserts: d.inserts.length,
  updates: d.updates.length,
  unchanged: d.unchanged.length,
  duplicates: d.duplicates.length,
  missing: d.missing.length,
});

describe("diffMatches", () => {
  const rows = [
    "E0,11/08/2023,20:00,Burnley,Man City,0,3,A,0,2,A,C Pawson,8,5.5,1.33,9.62,5.81,1.33",
    "E0,12/08/2023,12:30,Arsenal,Nott'm Forest,2,1,H,2,0,H,M Oliver,1.18,7,15,1.2,7.5,15",
  ];

  it("diff - the first run inserts, the same file again is all unchanged", () => {
    const store = createMemoryStore();
    expect(counts(sync(store, file(...rows)))).toEqual({
      inserts: 2,
      updates: 0,
      unchanged: 0,
      duplicates: 0,
      missing: 0,
    });
    const again = sync(store, file(...rows));
    expect(counts(again)).toEqual({
      inserts: 0,
      updates: 0,
      unchanged: 2,
      duplicates: 0,
      missing: 0,
    });
    expect(again.changedResultMatchIds).toEqual([]);
  });

  it("diff - a corrected score is an update that reports the result change", () => {
    const store = createMemoryStore();
    sync(store, file(...rows));
    const corrected = sync(
      store,
      file(rows[0]!, rows[1]!.replace(",2,1,H,2,0,H,", ",2,2,D,2,0,H,")),
    );
    expect(counts(corrected)).toEqual({
      inserts: 0,
      updates: 1,
      unchanged: 1,
      duplicates: 0,
      missing: 0,
    });
    expect(corrected.updates[0]).toMatchObject({ id: 2, changes: ["result"], resultChanged: true });
    expect(corrected.changedResultMatchIds).toEqual([2]);
    expect(
      counts(sync(store, file(rows[0]!, rows[1]!.replace(",2,1,H,2,0,H,", ",2,2,D,2,0,H,")))),
    ).toMatchObject({ unchanged: 2 });
  });

  it("diff - a rescheduled match updates its kickoff instead of becoming a second row", () => {
    const store = createMemoryStore();
    sync(store, file(...rows));
    const moved = sync(
      store,
      file(rows[0]!.replace("11/08/2023,20:00", "14/08/2023,19:45"), rows[1]!),
    );
    expect(counts(moved)).toEqual({
      inserts: 0,
      updates: 1,
      unchanged: 1,
      duplicates: 0,
      missing: 0,
    });
    expect(moved.updates[0]).toMatchObject({ id: 1, changes: ["kickoff"], resultChanged: false });
    expect(store.existing()).toHaveLength(2);
    expect(
      store
        .existing()
        .find((m) => m.id === 1)
        ?.kickoff.toISOString(),
    ).toBe("2023-08-14T18:45:00.000Z");
  });

  it("diff - changed odds and referee are updates without a result change", () => {
    const store = createMemoryStore();
    sync(store, file(...rows));
    const d = sync(
      store,
      file(rows[0]!.replace("C Pawson", "S Attwell").replace(",9.62,", ",9.7,"), rows[1]!),
    );
    expect(d.updates[0]).toMatchObject({
      id: 1,
      changes: ["referee", "odds"],
      resultChanged: false,
    });
    expect(d.changedResultMatchIds).toEqual([]);
  });

  it("diff - a repeated home/away pair is reported, not applied; stored matches absent from the file are kept", () => {
    const store = createMemoryStore();
    sync(store, file(...rows));
    const d = sync(store, file(rows[0]!, rows[0]!.replace("11/08/2023", "12/08/2023")));
    expect(counts(d)).toEqual({ inserts: 0, updates: 0, unchanged: 1, duplicates: 1, missing: 1 });
    expect(d.duplicates[0]).toMatchObject({ firstLine: 2, match: { line: 3 } });
    expect(store.existing()).toHaveLength(2);
  });

  it("diff - a fixture that gets played: status and result change", () => {
    const store = createMemoryStore();
    sync(store, file("E0,11/08/2023,20:00,Burnley,Man City,,,,,,,C Pawson,8,5.5,1.33,,,"));
    const played = sync(
      store,
      file("E0,11/08/2023,20:00,Burnley,Man City,0,3,A,0,2,A,C Pawson,8,5.5,1.33,,,"),
    );
    expect(played.updates[0]).toMatchObject({ changes: ["status", "result"], resultChanged: true });
  });

  it("diff - recorded E0 2023/24: mid-season snapshot then final file = 77 inserts, 1 referee update", () => {
    const dir = path.join(sharedDataDir(), "football-data");
    const snapshot = parseResultsCsv(
      readFileSync(path.join(dir, "snapshots/2324/E0_asof_2024-04-04.csv")),
      "snapshot",
    );
    const final = parseResultsCsv(readFileSync(path.join(dir, "2324/E0.csv")), "final");
    const store = createMemoryStore();
    expect(counts(sync(store, snapshot.matches))).toMatchObject({ inserts: 303, duplicates: 0 });
    const d = sync(store, final.matches);
    expect(counts(d)).toEqual({
      inserts: 77,
      updates: 1,
      unchanged: 302,
      duplicates: 0,
      missing: 0,
    });
    expect(d.updates[0]?.changes).toEqual(["referee"]);
    expect(d.changedResultMatchIds).toEqual([]);
    expect(counts(sync(store, final.matches))).toEqual({
      inserts: 0,
      updates: 0,
      unchanged: 380,
      duplicates: 0,
      missing: 0,
    });
  });
});
