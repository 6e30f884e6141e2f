import { describe, expect, it } from "vitest";
import { SyncResult } from "@matchday/shared";
import { summarizeSync, type FileOutcome } from "./sync-summary.js";

const file = (
  league: string,
  n: Partial<FileOutcome["counts"]>,
  ids: number[],
  teams: string[],
): FileOutcome => ({
  counts: {
    league,
    season: "2324",
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    emptyRows: 0,
    ...n,
  },
  changedResultMatchIds: ids,
  createdTeams: teams,
});

describe("sync summary", () => {
  it("sync-summary - totals over files, ids as sorted unique strings, created teams sorted once", () => {
    const r = summarizeSync(
      [
        file("E0", { inserted: 2, rejected: 1, emptyRows: 1 }, [12, 3], ["Luton", "Arsenal"]),
        file("E1", { updated: 1, unchanged: 5 }, [3, 40], ["Luton"]),
      ],
      { counts: { inserted: 1, updated: 0, unchanged: 2 }, createdTeams: ["Zulu"] },
    );
    expect(r).toEqual({
      files: [
        {
          league: "E0",
          season: "2324",
          inserted: 2,
          updated: 0,
          unchanged: 0,
          rejected: 1,
          emptyRows: 1,
        },
        {
          league: "E1",
          season: "2324",
          inserted: 0,
          updated: 1,
          unchanged: 5,
          rejected: 0,
          emptyRows: 0,
        },
      ],
      inserted: 2,
      updated: 1,
      unchanged: 5,
      rejected: 1,
      changedResultMatchIds: ["3", "12", "40"],
      unknownTeams: ["Arsenal", "Luton", "Zulu"],
      fixtures: { inserted: 1, updated: 0, unchanged: 2 },
    });
    expect(SyncResult.safeParse(r).success).toBe(true);
  });

  it("sync-summary - no files: zeros, and no fixtures key unless fixtures ran", () => {
    const r = summarizeSync([]);
    expect(r).toEqual({
      files: [],
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      changedResultMatchIds: [],
      unknownTeams: [],
    });
    expect("fixtures" in r).toBe(false);
  });
});
