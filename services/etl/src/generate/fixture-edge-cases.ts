/**
 * Plants the fixture-level edge cases into a copy of the season's FPL fixtures, the way they happen
 * in a real season:
 *
 * - postponed: one fixture of the range loses its date (FPL `event: null`, `kickoff_time: null`,
 *   no result, empty `stats`); SofaScore keeps it in its round with `status.type: "postponed"`.
 * - moved: one fixture of an early gameweek of the range is played later, in the last gameweek of
 *   the range (FPL `event` and `kickoff_time` updated, result kept). SofaScore keeps it in its
 *   original round with the new `startTimestamp`, days (always > 24 h) after the round's other
 *   matches. Its two teams get a blank gameweek where it was and a double gameweek where it went.
 *
 * Fixtures of gameweeks with a recorded live file, and of teams with a recorded element summary,
 * are never touched, so the copied recordings stay consistent with the overlay.
 */
import type { FplFixture } from "../clients/schemas/fpl.js";
import { HOUR, MINUTE, DAY } from "@matchday/shared";
import { createRng } from "./prng.js";

/** A fixture that lost its date. */
export interface PostponedFixture {
  fixtureId: number;
  originalGameweek: number;
  originalKickoff: string;
  fplTeamIds: [number, number];
}

/** A fixture moved to a later gameweek. */
export interface MovedFixture {
  fixtureId: number;
  originalGameweek: number;
  newGameweek: number;
  originalKickoff: string;
  newKickoff: string;
  /** newKickoff − originalKickoff, hours. */
  shiftHours: number;
  fplTeamIds: [number, number];
}

/** The fixtures with the overlay applied, and what was planted. */
export interface FixtureOverlay {
  fixtures: FplFixture[];
  postponed: PostponedFixture | null;
  moved: MovedFixture | null;
}

/** What {@link planFixtureEdgeCases} needs. */
export interface FixtureEdgeCaseInput {
  seed: number;
  fixtures: readonly FplFixture[];
  gameweeks: readonly [number, number];
  /** Teams (FPL ids) whose recorded element summaries must stay consistent. */
  protectedTeams: ReadonlySet<number>;
  /** Gameweeks with a recorded live file. */
  protectedGameweeks: ReadonlySet<number>;
  /** Gameweek → its transfer deadline (ISO), from the bootstrap. */
  deadlines: ReadonlyMap<number, string>;
}

/** ISO-8601 without milliseconds, as FPL writes instants. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Picks and applies the postponement and the move (either is null when no fixture qualifies). */
export function planFixtureEdgeCases(input: FixtureEdgeCaseInput): FixtureOverlay {
  const [from, to] = input.gameweeks;
  const rng = createRng(input.seed, "fixture-edge-cases");
  const eligible = (f: FplFixture) =>
    f.event !== null &&
    f.kickoff_time !== null &&
    !input.protectedGameweeks.has(f.event) &&
    !input.protectedTeams.has(f.team_h) &&
    !input.protectedTeams.has(f.team_a);
  const byId = (a: FplFixture, b: FplFixture) => a.id - b.id;
  const fixtures = input.fixtures.map((f) => ({ ...f }));

  let moved: MovedFixture | null = null;
  const sourceGw = [...Array(to - from).keys()]
    .map((k) => from + k)
    .find((gw) => !input.protectedGameweeks.has(gw));
  const targetFixtures = fixtures.filter((f) => f.event === to && f.kickoff_time !== null);
  if (sourceGw !== undefined && !input.protectedGameweeks.has(to) && targetFixtures.length > 0) {
    const candidates = fixtures.filter((f) => f.event === sourceGw && eligible(f)).sort(byId);
    if (candidates.length > 0) {
      const f = rng.pick(candidates);
      const lastKick = Math.max(...targetFixtures.map((t) => Date.parse(t.kickoff_time as string)));
      const nextDeadline = input.deadlines.get(to + 1);
      let newKick = lastKick + 2 * DAY;
      if (nextDeadline) newKick = Math.min(newKick, Date.parse(nextDeadline) - 3 * HOUR);
      if (newKick <= lastKick) newKick = lastKick + 2 * HOUR;
      newKick = Math.floor(newKick / (15 * MINUTE)) * (15 * MINUTE);
      const originalKickoff = f.kickoff_time as string;
      moved = {
        fixtureId: f.id,
        originalGameweek: sourceGw,
        newGameweek: to,
        originalKickoff,
        newKickoff: isoSeconds(newKick),
        shiftHours: Math.round((newKick - Date.parse(originalKickoff)) / HOUR),
        fplTeamIds: [f.team_h, f.team_a],
      };
      f.event = to;
      f.kickoff_time = moved.newKickoff;
    }
  }

  let postponed: PostponedFixture | null = null;
  const postponable = fixtures
    .filter(
      (f) =>
        f.event !== null &&
        f.event >= from &&
        f.event <= to &&
        eligible(f) &&
        f.id !== moved?.fixtureId,
    )
    .filter((f) => !moved || ![f.team_h, f.team_a].some((t) => moved?.fplTeamIds.includes(t)))
    .sort(byId);
  if (postponable.length > 0) {
    const f = rng.pick(postponable);
    postponed = {
      fixtureId: f.id,
      originalGameweek: f.event as number,
      originalKickoff: f.kickoff_time as string,
      fplTeamIds: [f.team_h, f.team_a],
    };
    Object.assign(f, {
      event: null,
      kickoff_time: null,
      finished: false,
      finished_provisional: false,
      started: false,
      minutes: 0,
      team_h_score: null,
      team_a_score: null,
      stats: [],
    });
  }
  return { fixtures, postponed, moved };
}
