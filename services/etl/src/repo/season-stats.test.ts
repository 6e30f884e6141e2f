import { describe, expect, it } from "vitest";
import { getTableColumns } from "drizzle-orm";
import { playerSeasonStats } from "@matchday/shared";
import { SEASON_STAT_COLUMNS, mapSeasonStatistics } from "../domain/season-stats.js";
import {
  sofaColumnKey,
  sofaColumnValues,
  sofaColumnsOf,
  type SeasonStatsRow,
} from "./season-stats.js";

describe("season statistics columns", () => {
  it("season-stats repo - every entry of the mapping table has a typed column of the right SQL type", () => {
    const columns = getTableColumns(playerSeasonStats) as Record<
      string,
      { name: string; columnType: string }
    >;
    for (const c of SEASON_STAT_COLUMNS) {
      const column = columns[sofaColumnKey(c.column)];
      expect(column, c.key).toBeDefined();
      expect(column!.name).toBe(`sofa_${c.column}`);
      expect(column!.columnType).toBe(c.type === "integer" ? "PgInteger" : "PgDoublePrecision");
    }
    const sofaTyped = Object.values(columns).filter(
      (c) =>
        c.name.startsWith("sofa_") &&
        !["sofa_player_id", "sofa_per90", "sofa_unmapped_keys", "sofa_raw"].includes(c.name),
    );
    expect(sofaTyped).toHaveLength(SEASON_STAT_COLUMNS.length);
  });

  it("season-stats repo - JSON keys → typed columns → back, unchanged", () => {
    const mapped = mapSeasonStatistics({
      minutesPlayed: 327,
      accuratePasses: 127,
      expectedGoals: 0.1684,
      rating: 6.9,
    });
    const values = sofaColumnValues(mapped.columns);
    expect(values).toMatchObject({
      sofaMinutesPlayed: 327,
      sofaAccuratePasses: 127,
      sofaExpectedGoals: 0.1684,
      sofaGoals: null,
    });
    expect(sofaColumnsOf(values as unknown as SeasonStatsRow)).toEqual(mapped.columns);
    expect(Object.values(sofaColumnValues(null)).every((v) => v === null)).toBe(true);
  });
});
