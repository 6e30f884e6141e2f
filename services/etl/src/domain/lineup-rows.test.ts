import { describe, expect, it } from "vitest";
import type { SofaLineupPlayer, SofaLineups } from "../clients/schemas/sofascore.js";
import { latestFinishedGameweek, lineupRows } from "./lineup-rows.js";

const player = (id: number, over: Partial<SofaLineupPlayer> = {}): SofaLineupPlayer => ({
  player: { id, name: `Player ${id}`, position: "M" },
  teamId: id < 100 ? 1 : 2,
  substitute: false,
  statistics: { minutesPlayed: 90, rating: 7.1, goals: 1, goalAssist: 0, totalPass: 40 },
  ...over,
});

const lineups = (
  home: SofaLineupPlayer[],
  away: SofaLineupPlayer[],
): Pick<SofaLineups, "home" | "away"> => ({
  home: { players: home },
  away: { players: away },
});

describe("lineupRows", () => {
  it("lineup-rows - keeps every player; an unmapped one has no element and is listed by id and name", () => {
    const out = lineupRows(
      lineups(
        [player(1), player(2, { substitute: true, statistics: {} })],
        [player(101, { position: "F" })],
      ),
      new Map([
        [1, 11],
        [2, 12],
      ]),
    );
    expect(out.unmapped).toEqual([{ id: 101, name: "Player 101" }]);
    expect(out.players).toEqual([
      expect.objectContaining({
        sofaPlayerId: 1,
        fplElementId: 11,
        side: "home",
        minutes: 90,
        rating: 7.1,
        goals: 1,
        assists: 0,
        position: "M",
      }),
      expect.objectContaining({
        sofaPlayerId: 2,
        substitute: true,
        minutes: 0,
        rating: null,
        goals: 0,
        statistics: {},
      }),
      expect.objectContaining({
        sofaPlayerId: 101,
        fplElementId: null,
        side: "away",
        position: "F",
        sofaTeamId: 2,
      }),
    ]);
    expect(out.players[0]!.statistics).toMatchObject({ totalPass: 40 });
  });

  it("lineup-rows - a player listed twice keeps his first entry", () => {
    const out = lineupRows(
      lineups([player(1)], [player(1, { substitute: true })]),
      new Map([[1, 11]]),
    );
    expect(out.players).toHaveLength(1);
    expect(out.players[0]!.side).toBe("home");
  });

  it("lineup-rows - the latest finished gameweek, or none before the first ends", () => {
    expect(
      latestFinishedGameweek([
        { id: 1, finished: true },
        { id: 3, finished: false },
        { id: 2, finished: true },
      ]),
    ).toBe(2);
    expect(latestFinishedGameweek([{ id: 1, finished: false }])).toBeUndefined();
  });
});
