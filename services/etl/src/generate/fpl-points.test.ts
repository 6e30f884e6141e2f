import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { sharedDataDir } from "@matchday/shared";
import { FplBootstrap, FplEventLive } from "../clients/schemas/fpl.js";
import {
  fplExplain,
  fplPointsFor,
  fplTotalPoints,
  type FplElementType,
  type FplMatchCounts,
} from "./fpl-points.js";

const season = path.join(sharedDataDir(), "fpl", "2022-23", "api");
const live = FplEventLive.parse(
  JSON.parse(readFileSync(path.join(season, "event", "1", "live.json"), "utf8")),
);
const bootstrap = FplBootstrap.parse(
  JSON.parse(readFileSync(path.join(season, "bootstrap-static.json"), "utf8")),
);
const typeOf = new Map(bootstrap.elements.map((e) => [e.id, e.element_type as FplElementType]));

describe("FPL scoring against the real 2022-23 gameweek 1 live recording", () => {
  it("gives every recorded explain entry its recorded points", () => {
    let checked = 0;
    for (const el of live.elements) {
      const type = typeOf.get(el.id) as FplElementType;
      for (const ex of el.explain) {
        for (const s of ex.stats) {
          expect(
            fplPointsFor(s.identifier as keyof FplMatchCounts, s.value, type),
            `element ${el.id} ${s.identifier}`,
          ).toBe(s.points);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("rebuilds each player's explain and total from his gameweek totals", () => {
    for (const el of live.elements) {
      if (el.explain.length !== 1) continue; // gameweek 1 has one fixture per team
      const type = typeOf.get(el.id) as FplElementType;
      const counts: FplMatchCounts = {
        minutes: el.stats.minutes,
        goals_scored: el.stats.goals_scored,
        assists: el.stats.assists,
        clean_sheets: el.stats.clean_sheets,
        goals_conceded: el.stats.goals_conceded,
        own_goals: el.stats.own_goals,
        penalties_saved: el.stats.penalties_saved,
        penalties_missed: el.stats.penalties_missed,
        yellow_cards: el.stats.yellow_cards,
        red_cards: el.stats.red_cards,
        saves: el.stats.saves,
        bonus: el.stats.bonus,
      };
      const byIdentifier = <T extends { identifier: string }>(xs: T[]) =>
        [...xs].sort((a, b) => a.identifier.localeCompare(b.identifier));
      expect(byIdentifier(fplExplain(counts, type)), `element ${el.id}`).toEqual(
        byIdentifier(el.explain[0]?.stats ?? []),
      );
      expect(fplTotalPoints(counts, type), `element ${el.id}`).toBe(el.stats.total_points);
    }
  });
});
