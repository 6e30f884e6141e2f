/**
 * Pure mapping between FPL and SofaScore ids for one season: fixtures (`mapFixtures`, the heart of
 * `update_fixture_mappings`) and players (`mapPlayers`, over `player_mapping.json`). No I/O: the
 * task fetches, calls these, stores `mapped` and puts the rest in the run's result.
 */
import { HOUR } from "@matchday/shared";

import type { FplElement, FplFixture, FplTeam } from "../clients/schemas/fpl.js";
import type { PlayerMappingFile, TeamMappingFile } from "../clients/schemas/mappings.js";
import type { SofaEvent } from "../clients/schemas/sofascore.js";

/**
 * How far SofaScore's kick-off may be from FPL's for the same match: 24 h. Within a season an
 * ordered (home, away) pair meets once in the league, so the kick-off only guards against the wrong
 * meeting (a replay, another season), which is weeks away; and both sources agree to the minute
 * once both are current. 24 h absorbs a same-day time change one source has not picked up yet and
 * any time-zone slip, while a match moved to another day by more than that is reported until the
 * two sources agree again (the task re-runs weekly), never mapped on a guess.
 */
export const DEFAULT_KICKOFF_TOLERANCE_MS = 24 * HOUR;

/** SofaScore statuses of an event that will not be played at its date: never a candidate. */
export const UNPLAYED_STATUS_TYPES: ReadonlySet<string> = new Set(["postponed", "canceled"]);

/** The fields `mapFixtures` reads from an FPL fixture. */
export type MappableFplFixture = Pick<
  FplFixture,
  "id" | "event" | "kickoff_time" | "team_h" | "team_a"
>;
/** The fields `mapFixtures` reads from an FPL team. */
export type MappableFplTeam = Pick<FplTeam, "id" | "name">;
/** The fields `mapFixtures` reads from a SofaScore event. */
export interface MappableSofaEvent {
  id: number;
  startTimestamp: SofaEvent["startTimestamp"];
  status: Pick<SofaEvent["status"], "type">;
  homeTeam: Pick<SofaEvent["homeTeam"], "id" | "name">;
  awayTeam: Pick<SofaEvent["awayTeam"], "id" | "name">;
  season: Pick<SofaEvent["season"], "id">;
}

export interface FixtureMappingInput {
  fplFixtures: readonly MappableFplFixture[];
  /** This season's FPL teams: the mapping's `fpl_id`/`fpl_name` must agree with them. */
  fplTeams: readonly MappableFplTeam[];
  /** The season's events (duplicates by id allowed: the last copy wins). */
  sofaEvents: readonly MappableSofaEvent[];
  teamMapping: TeamMappingFile;
  /** When given, events of any other SofaScore season are set aside ("other-season"). */
  sofaSeasonId?: number;
  /** Default `DEFAULT_KICKOFF_TOLERANCE_MS`. */
  toleranceMs?: number;
}

export interface FixtureMapping {
  fplFixtureId: number;
  sofaEventId: number;
  /** SofaScore kick-off minus FPL kick-off, in ms (0 when both agree). */
  kickoffDeltaMs: number;
}

export type UnmappedFixtureReason =
  /** A team of the fixture has no entry in the team mapping. */
  | "team-not-in-mapping"
  /** The team mapping disagrees with this season's FPL teams (another season's file?). */
  | "team-mapping-mismatch"
  /** FPL has the fixture without a gameweek (postponed) or without a kick-off (TBC). */
  | "fpl-fixture-unscheduled"
  /** SofaScore has no event for this (home, away) pair. */
  | "no-sofascore-event"
  /** SofaScore's only events for the pair are postponed or cancelled. */
  | "sofascore-event-postponed"
  /** SofaScore's event for the pair kicks off further than the tolerance from FPL's. */
  | "kickoff-mismatch";

export interface UnmappedFixture {
  fplFixtureId: number;
  reason: UnmappedFixtureReason;
  /** The SofaScore events considered (may be empty). */
  sofaEventIds: number[];
  /** One human sentence for the run's result. */
  detail: string;
}

export interface AmbiguousFixture {
  fplFixtureId: number;
  /** Every event that could be this fixture; none is chosen. */
  sofaEventIds: number[];
  detail: string;
}

export type UnclaimedEventReason =
  /** A team of the event has no entry in the team mapping. */
  | "team-not-in-mapping"
  /** The event belongs to another SofaScore season than `sofaSeasonId`. */
  | "other-season"
  /** No FPL fixture took it. */
  | "no-fpl-fixture";

export interface UnclaimedEvent {
  sofaEventId: number;
  reason: UnclaimedEventReason;
  detail: string;
}

export interface FixtureMappingResult {
  /** Sorted by `fplFixtureId`. Each fixture and each event appears at most once. */
  mapped: FixtureMapping[];
  unmapped: UnmappedFixture[];
  ambiguous: AmbiguousFixture[];
  /** SofaScore events no fixture took, sorted by id. */
  unclaimedEvents: UnclaimedEvent[];
  /** Problems of the team mapping itself (unknown FPL id, another season's names, duplicates). */
  teamMappingProblems: string[];
}

/** Lower-case letters and digits only, so `Nott'm Forest` equals `Nott’m Forest`. */
function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

interface TeamIndex {
  /** SofaScore team id → FPL team id, for entries that agree with this season's FPL teams. */
  sofaToFpl: Map<number, number>;
  /** FPL team ids whose mapping is wrong for this season (name differs, duplicate). */
  badFplIds: Set<number>;
  problems: string[];
}

function indexTeams(teamMapping: TeamMappingFile, fplTeams: readonly MappableFplTeam[]): TeamIndex {
  const fplById = new Map(fplTeams.map((t) => [t.id, t]));
  const sofaToFpl = new Map<number, number>();
  const badFplIds = new Set<number>();
  const problems: string[] = [];
  const claimedBy = new Map<number, string>();
  const entries = Object.values(teamMapping).sort(
    (a, b) => Number(a.sofasport_id) - Number(b.sofasport_id),
  );
  for (const entry of entries) {
    const sofaId = Number(entry.sofasport_id);
    const fplTeam = fplById.get(entry.fpl_id);
    const previous = claimedBy.get(entry.fpl_id);
    if (!fplTeam) {
      problems.push(
        `SofaScore team ${sofaId} (${entry.sofasport_name}) maps to FPL team ${entry.fpl_id}, which this season does not have`,
      );
    } else if (normalizeName(fplTeam.name) !== normalizeName(entry.fpl_name)) {
      badFplIds.add(entry.fpl_id);
      problems.push(
        `SofaScore team ${sofaId} (${entry.sofasport_name}) maps to FPL team ${entry.fpl_id} "${entry.fpl_name}", but this season's team ${entry.fpl_id} is "${fplTeam.name}" (a mapping from another season?)`,
      );
    } else if (previous !== undefined) {
      badFplIds.add(entry.fpl_id);
      problems.push(
        `FPL team ${entry.fpl_id} (${entry.fpl_name}) is mapped from both SofaScore teams ${previous} and ${sofaId}`,
      );
    } else {
      sofaToFpl.set(sofaId, entry.fpl_id);
    }
    claimedBy.set(entry.fpl_id, previous ?? String(sofaId));
  }
  // A duplicate makes every entry for that FPL team unusable, the first one included.
  for (const [sofaId, fplId] of sofaToFpl) if (badFplIds.has(fplId)) sofaToFpl.delete(sofaId);
  return { sofaToFpl, badFplIds, problems };
}

const pairKey = (home: number, away: number) => `${home}-${away}`;

function formatHours(ms: number): string {
  return `${(ms / HOUR).toFixed(1)} h`;
}

/**
 * Maps each FPL fixture to its SofaScore event: same ordered (home, away) pair through the team
 * mapping (the reverse fixture is a different pair), then a kick-off within `toleranceMs`.
 * Postponed/cancelled events, FPL fixtures without a gameweek or kick-off, matches moved by more
 * than the tolerance, several candidates, and one event claimed by two fixtures are reported
 * (`unmapped` / `ambiguous`), never guessed. Deterministic and order-independent, so a re-run over
 * the same data gives the same result (the task stays idempotent).
 */
export function mapFixtures(input: FixtureMappingInput): FixtureMappingResult {
  const toleranceMs = input.toleranceMs ?? DEFAULT_KICKOFF_TOLERANCE_MS;
  const teams = indexTeams(input.teamMapping, input.fplTeams);
  const mappedFplIds = new Set(teams.sofaToFpl.values());

  const events = new Map<number, MappableSofaEvent>();
  for (const e of input.sofaEvents) events.set(e.id, e);

  const unclaimed = new Map<number, UnclaimedEvent>();
  const byPair = new Map<string, MappableSofaEvent[]>();
  for (const e of events.values()) {
    if (input.sofaSeasonId !== undefined && e.season.id !== input.sofaSeasonId) {
      unclaimed.set(e.id, {
        sofaEventId: e.id,
        reason: "other-season",
        detail: `event ${e.id} is in SofaScore season ${e.season.id}, not ${input.sofaSeasonId}`,
      });
      continue;
    }
    const home = teams.sofaToFpl.get(e.homeTeam.id);
    const away = teams.sofaToFpl.get(e.awayTeam.id);
    if (home === undefined || away === undefined) {
      const missing = home === undefined ? e.homeTeam : e.awayTeam;
      unclaimed.set(e.id, {
        sofaEventId: e.id,
        reason: "team-not-in-mapping",
        detail: `event ${e.id}: SofaScore team ${missing.id} (${missing.name}) has no usable team mapping`,
      });
      continue;
    }
    const key = pairKey(home, away);
    byPair.set(key, [...(byPair.get(key) ?? []), e]);
  }

  const tentative: FixtureMapping[] = [];
  const unmapped: UnmappedFixture[] = [];
  const ambiguous: AmbiguousFixture[] = [];
  const fixtures = [...input.fplFixtures].sort((a, b) => a.id - b.id);

  for (const f of fixtures) {
    const label = `FPL fixture ${f.id} (team ${f.team_h} v team ${f.team_a})`;
    const bad = [f.team_h, f.team_a].find((t) => teams.badFplIds.has(t));
    if (bad !== undefined) {
      unmapped.push({
        fplFixtureId: f.id,
        reason: "team-mapping-mismatch",
        sofaEventIds: [],
        detail: `${label}: the team mapping for FPL team ${bad} is wrong for this season`,
      });
      continue;
    }
    const unknown = [f.team_h, f.team_a].find((t) => !mappedFplIds.has(t));
    if (unknown !== undefined) {
      unmapped.push({
        fplFixtureId: f.id,
        reason: "team-not-in-mapping",
        sofaEventIds: [],
        detail: `${label}: FPL team ${unknown} is not in the team mapping`,
      });
      continue;
    }
    const candidates = [...(byPair.get(pairKey(f.team_h, f.team_a)) ?? [])].sort(
      (a, b) => a.id - b.id,
    );
    const candidateIds = candidates.map((e) => e.id);
    if (f.event === null || f.kickoff_time === null) {
      const what = f.event === null ? "has no gameweek (postponed)" : "has no kick-off time (TBC)";
      unmapped.push({
        fplFixtureId: f.id,
        reason: "fpl-fixture-unscheduled",
        sofaEventIds: candidateIds,
        detail: `${label} ${what}`,
      });
      continue;
    }
    if (candidates.length === 0) {
      unmapped.push({
        fplFixtureId: f.id,
        reason: "no-sofascore-event",
        sofaEventIds: [],
        detail: `${label}: SofaScore has no event for this pair`,
      });
      continue;
    }
    const fplKickoffMs = Date.parse(f.kickoff_time);
    const playable = candidates
      .filter((e) => !UNPLAYED_STATUS_TYPES.has(e.status.type))
      .map((e) => ({ event: e, deltaMs: e.startTimestamp * 1000 - fplKickoffMs }));
    if (playable.length === 0) {
      const statuses = candidates.map((e) => `${e.id} ${e.status.type}`).join(", ");
      unmapped.push({
        fplFixtureId: f.id,
        reason: "sofascore-event-postponed",
        sofaEventIds: candidateIds,
        detail: `${label}: SofaScore's events for this pair are not to be played (${statuses})`,
      });
      continue;
    }
    const within = playable.filter((c) => Math.abs(c.deltaMs) <= toleranceMs);
    const [only] = within;
    if (within.length === 1 && only) {
      tentative.push({
        fplFixtureId: f.id,
        sofaEventId: only.event.id,
        kickoffDeltaMs: only.deltaMs,
      });
    } else if (within.length > 1) {
      ambiguous.push({
        fplFixtureId: f.id,
        sofaEventIds: within.map((c) => c.event.id),
        detail: `${label}: ${within.length} SofaScore events of this pair kick off within ${formatHours(toleranceMs)}`,
      });
    } else {
      const nearest = [...playable].sort((a, b) => Math.abs(a.deltaMs) - Math.abs(b.deltaMs))[0];
      const off = nearest
        ? `event ${nearest.event.id} is ${formatHours(nearest.deltaMs)} away`
        : "";
      unmapped.push({
        fplFixtureId: f.id,
        reason: "kickoff-mismatch",
        sofaEventIds: playable.map((c) => c.event.id),
        detail: `${label} kicks off ${f.kickoff_time}; ${off}, beyond the ${formatHours(toleranceMs)} tolerance (moved?)`,
      });
    }
  }

  // Two fixtures taking one event (duplicate FPL fixtures) is ambiguous for both.
  const claims = new Map<number, FixtureMapping[]>();
  for (const m of tentative) claims.set(m.sofaEventId, [...(claims.get(m.sofaEventId) ?? []), m]);
  const mapped: FixtureMapping[] = [];
  for (const m of tentative) {
    const rivals = claims.get(m.sofaEventId) ?? [];
    if (rivals.length === 1) mapped.push(m);
    else {
      ambiguous.push({
        fplFixtureId: m.fplFixtureId,
        sofaEventIds: [m.sofaEventId],
        detail: `FPL fixtures ${rivals.map((r) => r.fplFixtureId).join(", ")} all match SofaScore event ${m.sofaEventId}`,
      });
    }
  }

  const taken = new Set(mapped.map((m) => m.sofaEventId));
  for (const e of events.values()) {
    if (!taken.has(e.id) && !unclaimed.has(e.id)) {
      unclaimed.set(e.id, {
        sofaEventId: e.id,
        reason: "no-fpl-fixture",
        detail: `event ${e.id} (${e.homeTeam.name} v ${e.awayTeam.name}) matched no FPL fixture`,
      });
    }
  }

  const byFixture = (a: { fplFixtureId: number }, b: { fplFixtureId: number }) =>
    a.fplFixtureId - b.fplFixtureId;
  return {
    mapped: mapped.sort(byFixture),
    unmapped: unmapped.sort(byFixture),
    ambiguous: ambiguous.sort(byFixture),
    unclaimedEvents: [...unclaimed.values()].sort((a, b) => a.sofaEventId - b.sofaEventId),
    teamMappingProblems: teams.problems,
  };
}

/**
 * Below this fuzzy-match score a player mapping is kept but flagged for review. In the real
 * 2025/26 file 499 of 552 rows score 105 (exact); the 22 rows under 90 are mostly full-name
 * versus short-name matches that are right ("Bernardo Silva", 75) but include a wrong one
 * ("Jaydon Jones" → Harrison Jones, 80).
 */
export const DEFAULT_LOW_MATCH_SCORE = 90;

export type PlayerMappingFlag =
  /** `match_score` below the threshold. */
  | "low-score"
  /** The player's SofaScore team does not map to his FPL team. */
  | "team-mismatch";

export interface PlayerMapping {
  fplElementId: number;
  sofaPlayerId: number;
  matchScore: number;
  /** Empty when the row can be trusted. */
  flags: PlayerMappingFlag[];
}

export type RejectedPlayerReason =
  /** `fplElements` given and no element has this id this season. */
  | "fpl-element-unknown"
  /** `fplElements` given and this id is another player this season (ids are per season). */
  | "fpl-element-mismatch"
  /** Another SofaScore player claims the same FPL element with a higher score. */
  | "superseded";

export interface RejectedPlayerMapping {
  sofaPlayerId: number;
  fplElementId: number;
  reason: RejectedPlayerReason;
  detail: string;
}

export interface AmbiguousPlayerMapping {
  fplElementId: number;
  /** SofaScore players tied for this element (often one person's duplicate profiles). */
  sofaPlayerIds: number[];
  detail: string;
}

export interface PlayerMappingResult {
  /** Sorted by `fplElementId`; one row per FPL element. */
  mapped: PlayerMapping[];
  ambiguous: AmbiguousPlayerMapping[];
  rejected: RejectedPlayerMapping[];
}

export interface PlayerMappingInput {
  playerMapping: PlayerMappingFile;
  /** When given, a player whose SofaScore team does not map to his FPL team is flagged. */
  teamMapping?: TeamMappingFile;
  /** This season's FPL players: when given, rows naming another player are rejected. */
  fplElements?: readonly Pick<FplElement, "id" | "web_name">[];
  /** Default `DEFAULT_LOW_MATCH_SCORE`. */
  lowScoreThreshold?: number;
}

/**
 * Turns `player_mapping.json` into one SofaScore player per FPL element. Rows that name a
 * different player this season are rejected; several SofaScore players for one element keep
 * the strictly best score (the rest rejected as superseded) or, on a tie, are all reported
 * ambiguous; low scores and team mismatches are kept but flagged.
 */
export function mapPlayers(input: PlayerMappingInput): PlayerMappingResult {
  const threshold = input.lowScoreThreshold ?? DEFAULT_LOW_MATCH_SCORE;
  const elements = input.fplElements ? new Map(input.fplElements.map((e) => [e.id, e])) : undefined;
  const rejected: RejectedPlayerMapping[] = [];
  const byElement = new Map<number, PlayerMapping[]>();

  const rows = Object.values(input.playerMapping).sort(
    (a, b) => Number(a.sofasport_id) - Number(b.sofasport_id),
  );
  for (const row of rows) {
    const sofaPlayerId = Number(row.sofasport_id);
    const fplElementId = row.fpl_id;
    if (elements) {
      const element = elements.get(fplElementId);
      if (!element) {
        rejected.push({
          sofaPlayerId,
          fplElementId,
          reason: "fpl-element-unknown",
          detail: `${row.sofasport_name}: FPL element ${fplElementId} does not exist this season`,
        });
        continue;
      }
      if (normalizeName(element.web_name) !== normalizeName(row.fpl_web_name)) {
        rejected.push({
          sofaPlayerId,
          fplElementId,
          reason: "fpl-element-mismatch",
          detail: `${row.sofasport_name}: FPL element ${fplElementId} is "${element.web_name}" this season, the mapping says "${row.fpl_web_name}"`,
        });
        continue;
      }
    }
    const flags: PlayerMappingFlag[] = [];
    if (row.match_score < threshold) flags.push("low-score");
    const teamEntry = input.teamMapping?.[row.sofasport_team_id];
    if (input.teamMapping && teamEntry?.fpl_id !== row.fpl_team_id) flags.push("team-mismatch");
    const mapping = { fplElementId, sofaPlayerId, matchScore: row.match_score, flags };
    byElement.set(fplElementId, [...(byElement.get(fplElementId) ?? []), mapping]);
  }

  const mapped: PlayerMapping[] = [];
  const ambiguous: AmbiguousPlayerMapping[] = [];
  for (const [fplElementId, claims] of byElement) {
    const best = Math.max(...claims.map((c) => c.matchScore));
    const top = claims.filter((c) => c.matchScore === best);
    const [winner] = top;
    if (top.length > 1 || !winner) {
      ambiguous.push({
        fplElementId,
        sofaPlayerIds: top.map((c) => c.sofaPlayerId),
        detail: `FPL element ${fplElementId} is claimed by SofaScore players ${top.map((c) => c.sofaPlayerId).join(", ")} with the same score ${best}`,
      });
    } else {
      mapped.push(winner);
    }
    for (const c of claims) {
      if (c.matchScore < best) {
        rejected.push({
          sofaPlayerId: c.sofaPlayerId,
          fplElementId,
          reason: "superseded",
          detail: `SofaScore player ${c.sofaPlayerId} (score ${c.matchScore}) loses FPL element ${fplElementId} to a score of ${best}`,
        });
      }
    }
  }
  return {
    mapped: mapped.sort((a, b) => a.fplElementId - b.fplElementId),
    ambiguous: ambiguous.sort((a, b) => a.fplElementId - b.fplElementId),
    rejected: rejected.sort((a, b) => a.sofaPlayerId - b.sofaPlayerId),
  };
}
