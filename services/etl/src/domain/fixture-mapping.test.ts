import { readFileSync } from "node:fs";
import path from "node:path";

import { HOUR, sharedDataDir } from "@matchday/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { FplBootstrap, FplFixtures, type FplFixture } from "../clients/schemas/fpl.js";
import { PlayerMappingFile, TeamMappingFile } from "../clients/schemas/mappings.js";
import { makeSofaEvent } from "../clients/testing/sofa-event.js";
import {
  DEFAULT_KICKOFF_TOLERANCE_MS,
  mapFixtures,
  mapPlayers,
  type FixtureMappingResult,
  type MappableFplFixture,
  type MappableSofaEvent,
} from "./fixture-mapping.js";

const dataDir = sharedDataDir();
const readJson = (relative: string): unknown =>
  JSON.parse(readFileSync(path.join(dataDir, relative), "utf8"));

/** The real 2025/26 FPL ↔ SofaScore team mapping (20 clubs). */
const teamMapping = TeamMappingFile.parse(readJson("sofascore/mappings/team_mapping.json"));
const mappingRows = Object.values(teamMapping);
/** 2025/26 FPL teams as the mapping names them (the 2025-26 bootstrap is held out). */
const fplTeams = mappingRows.map((r) => ({ id: r.fpl_id, name: r.fpl_name }));
const sofaTeamOf = new Map(
  mappingRows.map((r) => [r.fpl_id, { id: Number(r.sofasport_id), name: r.sofasport_name }]),
);
const fplTeamOfSofa = new Map(mappingRows.map((r) => [Number(r.sofasport_id), r.fpl_id]));

const SEASON_START_MS = Date.parse("2025-08-15T19:00:00Z");
const WEEK_MS = 7 * 24 * HOUR;

/**
 * A synthetic 2025/26 season: a double round robin of the 20 mapped teams (circle method),
 * 380 fixtures over 38 weekly gameweeks, each kick-off an hour apart within its gameweek.
 */
function syntheticFixtures(): MappableFplFixture[] {
  const ids = fplTeams.map((t) => t.id).sort((a, b) => a - b);
  const fixtures: MappableFplFixture[] = [];
  const rotating = ids.slice(1);
  for (let round = 0; round < 19; round++) {
    const circle = [ids[0]!, ...rotating];
    for (let i = 0; i < 10; i++) {
      const a = circle[i]!;
      const b = circle[19 - i]!;
      const [home, away] = (round + i) % 2 === 0 ? [a, b] : [b, a];
      for (const [gw, h, t] of [
        [round + 1, home, away],
        [round + 20, away, home],
      ] as const) {
        fixtures.push({
          id: 0,
          event: gw,
          kickoff_time: new Date(SEASON_START_MS + (gw - 1) * WEEK_MS + i * HOUR).toISOString(),
          team_h: h,
          team_a: t,
        });
      }
    }
    rotating.unshift(rotating.pop()!);
  }
  fixtures.sort(
    (x, y) => Date.parse(x.kickoff_time!) - Date.parse(y.kickoff_time!) || x.team_h - y.team_h,
  );
  return fixtures.map((f, i) => ({ ...f, id: i + 1 }));
}

/** SofaScore's event for an FPL fixture: same teams and kick-off, an unrelated id. */
function eventFor(
  f: MappableFplFixture,
  overrides: Partial<Parameters<typeof makeSofaEvent>[0]> = {},
) {
  return makeSofaEvent({
    id: 14_025_000 + ((f.id * 7919) % 10_007),
    home: sofaTeamOf.get(f.team_h)!,
    away: sofaTeamOf.get(f.team_a)!,
    startTimestamp: Date.parse(f.kickoff_time!) / 1000,
    round: f.event ?? 0,
    ...overrides,
  });
}

const fixtures = syntheticFixtures();
const events = fixtures.map((f) => eventFor(f));
const run = (input: Partial<Parameters<typeof mapFixtures>[0]> = {}) =>
  mapFixtures({
    fplFixtures: fixtures,
    fplTeams,
    sofaEvents: events,
    teamMapping,
    sofaSeasonId: 76986,
    ...input,
  });

/** Every mapped event really is the fixture's match: same ordered teams, kick-off within tolerance. */
function expectNoMisMapping(
  result: FixtureMappingResult,
  fx: readonly MappableFplFixture[],
  evs: readonly MappableSofaEvent[],
  toleranceMs = DEFAULT_KICKOFF_TOLERANCE_MS,
) {
  const fixtureById = new Map(fx.map((f) => [f.id, f]));
  const eventById = new Map(evs.map((e) => [e.id, e]));
  for (const m of result.mapped) {
    const f = fixtureById.get(m.fplFixtureId)!;
    const e = eventById.get(m.sofaEventId)!;
    expect(fplTeamOfSofa.get(e.homeTeam.id)).toBe(f.team_h);
    expect(fplTeamOfSofa.get(e.awayTeam.id)).toBe(f.team_a);
    expect(Math.abs(m.kickoffDeltaMs)).toBeLessThanOrEqual(toleranceMs);
    expect(m.kickoffDeltaMs).toBe(e.startTimestamp * 1000 - Date.parse(f.kickoff_time!));
  }
  expect(new Set(result.mapped.map((m) => m.sofaEventId)).size).toBe(result.mapped.length);
  const accounted = [...result.mapped, ...result.unmapped, ...result.ambiguous]
    .map((r) => r.fplFixtureId)
    .sort((a, b) => a - b);
  expect(accounted).toEqual(fx.map((f) => f.id).sort((a, b) => a - b));
}

/** The fixture of `home` v `away` (FPL ids). */
const fixtureOf = (home: number, away: number, fx = fixtures) =>
  fx.find((f) => f.team_h === home && f.team_a === away)!;

describe("mapFixtures - a full season over the real 2025/26 team mapping", () => {
  it("is a valid synthetic season: 20 teams, 380 fixtures, each ordered pair once", () => {
    expect(fplTeams).toHaveLength(20);
    expect(fixtures).toHaveLength(380);
    expect(new Set(fixtures.map((f) => `${f.team_h}-${f.team_a}`)).size).toBe(380);
  });

  it("maps all 380 fixtures, 38 for each of the 20 teams, nothing left over", () => {
    const result = run();
    expect(result.mapped).toHaveLength(380);
    expect(result.unmapped).toEqual([]);
    expect(result.ambiguous).toEqual([]);
    expect(result.unclaimedEvents).toEqual([]);
    expect(result.teamMappingProblems).toEqual([]);
    const perTeam = new Map<number, number>();
    for (const m of result.mapped) {
      const f = fixtures.find((x) => x.id === m.fplFixtureId)!;
      for (const t of [f.team_h, f.team_a]) perTeam.set(t, (perTeam.get(t) ?? 0) + 1);
    }
    expect([...perTeam.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect([...perTeam.values()].every((n) => n === 38)).toBe(true);
    expect(result.mapped.every((m) => m.kickoffDeltaMs === 0)).toBe(true);
    expectNoMisMapping(result, fixtures, events);
  });

  it("tells the two meetings of a pair apart by home and away", () => {
    const [ars, liv] = [1, 12];
    const first = fixtureOf(ars, liv);
    const second = fixtureOf(liv, ars);
    const result = run();
    const eventOf = (id: number) => result.mapped.find((m) => m.fplFixtureId === id)?.sofaEventId;
    expect(eventOf(first.id)).toBe(eventFor(first).id);
    expect(eventOf(second.id)).toBe(eventFor(second).id);
    expect(eventOf(first.id)).not.toBe(eventOf(second.id));
  });

  it("is idempotent and independent of input order", () => {
    const once = run();
    expect(run()).toEqual(once);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 760, maxLength: 760 }), (keys) => {
        const shuffle = <T>(xs: readonly T[], offset: number) =>
          xs
            .map((x, i) => ({ x, k: keys[i + offset]! }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x);
        const shuffled = mapFixtures({
          fplFixtures: shuffle(fixtures, 0),
          fplTeams,
          sofaEvents: shuffle(events, 380),
          teamMapping,
          sofaSeasonId: 76986,
        });
        expect(shuffled).toEqual(once);
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});

describe("mapFixtures - edge cases", () => {
  const target = fixtureOf(13, 14); // Man City v Man Utd
  const targetEvent = eventFor(target);
  const withEvent = (replacement: MappableSofaEvent[]): MappableSofaEvent[] => [
    ...events.filter((e) => e.id !== targetEvent.id),
    ...replacement,
  ];
  const outcome = (result: FixtureMappingResult, fixtureId = target.id) => ({
    mapped: result.mapped.find((m) => m.fplFixtureId === fixtureId),
    unmapped: result.unmapped.find((m) => m.fplFixtureId === fixtureId),
    ambiguous: result.ambiguous.find((m) => m.fplFixtureId === fixtureId),
  });

  it("reports a postponed SofaScore event, never maps it", () => {
    const evs = withEvent([{ ...targetEvent, status: { type: "postponed" } }]);
    const result = run({ sofaEvents: evs });
    const o = outcome(result);
    expect(o.mapped).toBeUndefined();
    expect(o.unmapped).toMatchObject({
      reason: "sofascore-event-postponed",
      sofaEventIds: [targetEvent.id],
    });
    expect(result.mapped).toHaveLength(379);
    expectNoMisMapping(result, fixtures, evs);
  });

  it("maps a rescheduled match to its new event once both sources agree, not to the postponed one", () => {
    const newKickoffMs = Date.parse(target.kickoff_time!) + 10 * 24 * HOUR;
    const moved = { ...target, kickoff_time: new Date(newKickoffMs).toISOString() };
    const rescheduled = {
      ...targetEvent,
      id: 99_000_001,
      startTimestamp: newKickoffMs / 1000,
      status: { type: "notstarted" },
    };
    const evs = withEvent([{ ...targetEvent, status: { type: "postponed" } }, rescheduled]);
    const fx = fixtures.map((f) => (f.id === target.id ? moved : f));
    const result = run({ fplFixtures: fx, sofaEvents: evs });
    expect(outcome(result).mapped).toEqual({
      fplFixtureId: target.id,
      sofaEventId: 99_000_001,
      kickoffDeltaMs: 0,
    });
    expect(result.unclaimedEvents).toEqual([
      expect.objectContaining({ sofaEventId: targetEvent.id, reason: "no-fpl-fixture" }),
    ]);
  });

  it("reports an FPL fixture without a gameweek or kick-off, never guesses", () => {
    const fx = fixtures.map((f) =>
      f.id === target.id
        ? { ...f, event: null }
        : f.id === target.id + 1
          ? { ...f, kickoff_time: null }
          : f,
    );
    const result = run({ fplFixtures: fx });
    expect(outcome(result).unmapped).toMatchObject({
      reason: "fpl-fixture-unscheduled",
      sofaEventIds: [targetEvent.id],
    });
    expect(outcome(result, target.id + 1).unmapped).toMatchObject({
      reason: "fpl-fixture-unscheduled",
    });
    expect(result.mapped).toHaveLength(378);
  });

  it("reports a match moved by more than 24 h as unmapped and maps the other meeting to its own event", () => {
    const movedEvent = { ...targetEvent, startTimestamp: targetEvent.startTimestamp + 25.5 * 3600 };
    const evs = withEvent([movedEvent]);
    const result = run({ sofaEvents: evs });
    const o = outcome(result);
    expect(o.mapped).toBeUndefined();
    expect(o.unmapped).toMatchObject({
      reason: "kickoff-mismatch",
      sofaEventIds: [targetEvent.id],
    });
    expect(o.unmapped?.detail).toContain("25.5 h");
    const reverse = fixtureOf(14, 13);
    expect(outcome(result, reverse.id).mapped?.sofaEventId).toBe(eventFor(reverse).id);
    expect(result.unclaimedEvents.map((e) => e.sofaEventId)).toEqual([targetEvent.id]);
    expectNoMisMapping(result, fixtures, evs);
  });

  it("maps a match moved by less than 24 h, reporting the delta", () => {
    const evs = withEvent([
      { ...targetEvent, startTimestamp: targetEvent.startTimestamp + 23 * 3600 },
    ]);
    expect(outcome(run({ sofaEvents: evs })).mapped).toEqual({
      fplFixtureId: target.id,
      sofaEventId: targetEvent.id,
      kickoffDeltaMs: 23 * HOUR,
    });
  });

  it("resolves two events of the same ordered pair by kick-off (a replay months later)", () => {
    const replay = {
      ...targetEvent,
      id: 99_000_002,
      startTimestamp: targetEvent.startTimestamp + 90 * 24 * 3600,
    };
    const result = run({ sofaEvents: [...events, replay] });
    expect(outcome(result).mapped?.sofaEventId).toBe(targetEvent.id);
    expect(result.unclaimedEvents).toEqual([
      expect.objectContaining({ sofaEventId: 99_000_002, reason: "no-fpl-fixture" }),
    ]);
  });

  it("reports two events of the pair within the tolerance as ambiguous", () => {
    const duplicate = {
      ...targetEvent,
      id: 99_000_003,
      startTimestamp: targetEvent.startTimestamp + 3600,
    };
    const result = run({ sofaEvents: [...events, duplicate] });
    expect(outcome(result).ambiguous).toMatchObject({
      sofaEventIds: [targetEvent.id, 99_000_003].sort((a, b) => a - b),
    });
    expect(outcome(result).mapped).toBeUndefined();
  });

  it("never lets two FPL fixtures share one event", () => {
    const twin = { ...target, id: 999 };
    const result = run({ fplFixtures: [...fixtures, twin] });
    expect(outcome(result).ambiguous).toBeDefined();
    expect(outcome(result, 999).ambiguous).toBeDefined();
    expect(result.mapped).toHaveLength(379);
  });

  it("sets aside events of an unknown SofaScore team or another season", () => {
    const stranger = makeSofaEvent({
      id: 5,
      home: { id: 999_999, name: "Nowhere FC" },
      away: sofaTeamOf.get(1)!,
      startTimestamp: 1,
    });
    const lastSeason = { ...targetEvent, id: 6, season: { id: 61627 } };
    const result = run({ sofaEvents: [...events, stranger, lastSeason] });
    expect(result.mapped).toHaveLength(380);
    expect(result.unclaimedEvents).toEqual([
      expect.objectContaining({ sofaEventId: 5, reason: "team-not-in-mapping" }),
      expect.objectContaining({ sofaEventId: 6, reason: "other-season" }),
    ]);
    expect(result.unclaimedEvents[0]?.detail).toContain("Nowhere FC");
  });

  it("reports every fixture of an FPL team missing from the mapping", () => {
    const withoutWolves = Object.fromEntries(
      Object.entries(teamMapping).filter(([, r]) => r.fpl_id !== 20),
    );
    const result = run({ teamMapping: withoutWolves });
    const unmappedIds = result.unmapped
      .filter((u) => u.reason === "team-not-in-mapping")
      .map((u) => u.fplFixtureId);
    expect(unmappedIds).toHaveLength(38);
    expect(result.mapped).toHaveLength(342);
    expect(result.unclaimedEvents.filter((e) => e.reason === "team-not-in-mapping")).toHaveLength(
      38,
    );
  });

  it("never maps by a random perturbation of kick-offs and statuses to the wrong match", () => {
    const statuses = ["finished", "notstarted", "postponed", "canceled", "inprogress"] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            shiftH: fc.integer({ min: -60, max: 60 }),
            status: fc.constantFrom(...statuses),
          }),
          { minLength: 380, maxLength: 380 },
        ),
        (changes) => {
          const evs = events.map((e, i) => ({
            ...e,
            startTimestamp: e.startTimestamp + changes[i]!.shiftH * 3600,
            status: { type: changes[i]!.status },
          }));
          const result = run({ sofaEvents: evs });
          expectNoMisMapping(result, fixtures, evs);
          for (const [i, c] of changes.entries()) {
            const mapped = result.mapped.some((m) => m.sofaEventId === evs[i]!.id);
            expect(mapped).toBe(
              Math.abs(c.shiftH) <= 24 && c.status !== "postponed" && c.status !== "canceled",
            );
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 60_000);
});

describe("mapFixtures - season guard over real FPL data", () => {
  it("refuses the 2025/26 team mapping for 2026-27's FPL teams instead of mis-mapping by id", () => {
    const bootstrap = FplBootstrap.parse(readJson("fpl/2026-27/api/bootstrap-static.json"));
    const nextFixtures: FplFixture[] = FplFixtures.parse(readJson("fpl/2026-27/api/fixtures.json"));
    // SofaScore events built the 2025/26 way: FPL team id → the 2025/26 SofaScore club.
    const evs = nextFixtures.map((f) => eventFor(f));
    const result = mapFixtures({
      fplFixtures: nextFixtures,
      fplTeams: bootstrap.teams,
      sofaEvents: evs,
      teamMapping,
    });
    // Only Arsenal, Aston Villa, Crystal Palace, Everton and Fulham keep their FPL id and name.
    const stable = new Set([1, 2, 8, 9, 10]);
    expect(result.teamMappingProblems).toHaveLength(15);
    expect(result.teamMappingProblems.join("\n")).toContain(
      `maps to FPL team 20 "Wolves", but this season's team 20 is "Sunderland"`,
    );
    for (const m of result.mapped) {
      const f = nextFixtures.find((x) => x.id === m.fplFixtureId)!;
      expect(stable.has(f.team_h) && stable.has(f.team_a)).toBe(true);
    }
    expect(result.mapped).toHaveLength(20);
    expect(result.unmapped.filter((u) => u.reason === "team-mapping-mismatch")).toHaveLength(360);
  });
});

describe("mapPlayers - the real 2025/26 player mapping", () => {
  const playerMapping = PlayerMappingFile.parse(readJson("sofascore/mappings/player_mapping.json"));
  const result = mapPlayers({ playerMapping, teamMapping });

  it("maps one SofaScore player per FPL element", () => {
    expect(result.mapped.length).toBeGreaterThan(540);
    expect(new Set(result.mapped.map((m) => m.fplElementId)).size).toBe(result.mapped.length);
    expect(new Set(result.mapped.map((m) => m.sofaPlayerId)).size).toBe(result.mapped.length);
  });

  it("keeps the best of two claims and reports the loser (Jaydon Jones 80 < Harrison Jones 105)", () => {
    expect(result.mapped.find((m) => m.fplElementId === 557)).toMatchObject({
      sofaPlayerId: 1186076,
      matchScore: 105,
    });
    expect(result.rejected).toContainEqual(
      expect.objectContaining({ sofaPlayerId: 1891914, fplElementId: 557, reason: "superseded" }),
    );
  });

  it("reports a tie as ambiguous and maps neither (Rio Cardines has two SofaScore profiles)", () => {
    expect(result.ambiguous).toEqual([
      expect.objectContaining({ fplElementId: 690, sofaPlayerIds: [1469007, 2176022] }),
    ]);
    expect(result.mapped.some((m) => m.fplElementId === 690)).toBe(false);
  });

  it("flags low scores but keeps them (Bernardo Silva, 75)", () => {
    const bernardo = result.mapped.find(
      (m) =>
        m.sofaPlayerId ===
        Number(
          Object.values(playerMapping).find((r) => r.sofasport_name === "Bernardo Silva")!
            .sofasport_id,
        ),
    );
    expect(bernardo?.flags).toEqual(["low-score"]);
    const milner = result.mapped.find((m) => m.sofaPlayerId === 791);
    expect(milner).toMatchObject({ fplElementId: 170, flags: [] });
    expect(
      result.mapped.filter((m) => m.flags.includes("low-score")).every((m) => m.matchScore < 90),
    ).toBe(true);
    expect(result.mapped.filter((m) => m.flags.includes("team-mismatch"))).toEqual([]);
  });

  it("rejects rows naming another player this season (element ids are per season)", () => {
    const elements = [{ id: 170, web_name: "Someone Else" }];
    const oneRow = { "791": playerMapping["791"]! };
    expect(mapPlayers({ playerMapping: oneRow, fplElements: elements })).toEqual({
      mapped: [],
      ambiguous: [],
      rejected: [expect.objectContaining({ sofaPlayerId: 791, reason: "fpl-element-mismatch" })],
    });
    expect(mapPlayers({ playerMapping: oneRow, fplElements: [] }).rejected[0]?.reason).toBe(
      "fpl-element-unknown",
    );
    expect(
      mapPlayers({ playerMapping: oneRow, fplElements: [{ id: 170, web_name: "Milner" }] }).mapped,
    ).toHaveLength(1);
  });

  it("flags a player whose SofaScore club does not map to his FPL club", () => {
    const moved = { "791": { ...playerMapping["791"]!, sofasport_team_id: "42" } };
    expect(mapPlayers({ playerMapping: moved, teamMapping }).mapped[0]?.flags).toEqual([
      "team-mismatch",
    ]);
  });
});
