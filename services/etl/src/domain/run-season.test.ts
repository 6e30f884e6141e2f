import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isNonRetryable } from "@matchday/shared";
import { assertFplSeason, resolveRunSeason, seasonOfInstant } from "./run-season.js";

describe("run season", () => {
  it("run-season - a season starts on 1 July UTC", () => {
    expect(seasonOfInstant(new Date("2026-06-30T23:59:59Z"))).toBe("2025-26");
    expect(seasonOfInstant(new Date("2026-07-01T00:00:00Z"))).toBe("2026-27");
    expect(seasonOfInstant(new Date("2099-12-31T00:00:00Z"))).toBe("2099-00");
  });

  it("run-season - every instant's season contains it (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }),
        (d) => {
          const s = seasonOfInstant(d);
          const start = Date.UTC(Number(s.slice(0, 4)), 6, 1);
          return d.getTime() >= start && d.getTime() < Date.UTC(Number(s.slice(0, 4)) + 1, 6, 1);
        },
      ),
    );
  });

  it("run-season - the configured season, or the clock's; a payload may repeat it, not change it", () => {
    const now = new Date("2025-09-01T00:00:00Z");
    expect(
      resolveRunSeason(undefined, { season: undefined, sofaSeasonId: undefined }, now),
    ).toEqual({
      season: "2025-26",
      sofaSeasonId: 76986,
    });
    expect(resolveRunSeason("2023-24", { season: "2023-24", sofaSeasonId: 52186 }, now)).toEqual({
      season: "2023-24",
      sofaSeasonId: 52186,
    });
    const other = (() => {
      try {
        resolveRunSeason("2024-25", { season: "2023-24", sofaSeasonId: 1 }, now);
      } catch (err) {
        return err;
      }
    })();
    expect(isNonRetryable(other)).toBe(true);
    expect(() =>
      resolveRunSeason(
        undefined,
        { season: undefined, sofaSeasonId: undefined },
        new Date("2026-08-01T00:00:00Z"),
      ),
    ).toThrow(/no SofaScore season id for 2026-27/);
  });

  it("run-season - FPL data of another season is refused before anything is written", () => {
    const events = [{ id: 1, deadline_time: "2026-08-14T17:30:00Z" }] as never;
    expect(() => assertFplSeason({ events }, "2025-26")).toThrow(
      /FPL serves season 2026-27, but this run is for 2025-26/,
    );
    expect(() => assertFplSeason({ events }, "2026-27")).not.toThrow();
  });
});
