import type {
  PayloadOf,
  ResultInputOf,
  TaskContext,
  updateFixtureMappings,
} from "@matchday/shared";

import { collectSeasonEvents } from "../clients/sofascore-season-events.js";
import { mapFixtures } from "../domain/fixture-mapping.js";
import { replaceFixtureMappings, type NewFixtureMapping } from "../repo/fixture-mappings.js";
import type { EtlDeps } from "./etl-deps.js";
import { loadSeasonContext } from "./season-context.js";

type Payload = PayloadOf<typeof updateFixtureMappings>;
type Result = ResultInputOf<typeof updateFixtureMappings>;

/**
 * `update_fixture_mappings`: pages through the season's SofaScore events (`hasNextPage`), maps
 * each FPL fixture to its event by team mapping and kick-off within 24 h (`mapFixtures`), and makes
 * the stored mappings exactly the mapped set. Postponed matches, matches moved by more than the
 * tolerance and pairs with several candidates are reported (unmapped / ambiguous, with a reason
 * each) in the result, never guessed. Idempotent: the same upstream data stores the same rows.
 */
export async function handleUpdateFixtureMappings(
  payload: Payload,
  ctx: TaskContext,
  deps: EtlDeps,
): Promise<Result> {
  const season = await loadSeasonContext(payload.season, ctx, deps);
  const fixtures = await deps.fpl.fixtures(ctx.signal);
  const { events, pages } = await collectSeasonEvents(deps.sofa, season.sofaSeasonId, {
    signal: ctx.signal,
  });
  const result = mapFixtures({
    fplFixtures: fixtures,
    fplTeams: season.bootstrap.teams,
    sofaEvents: events,
    teamMapping: season.mappings.teamMapping,
    sofaSeasonId: season.sofaSeasonId,
  });
  const byId = new Map(fixtures.map((f) => [f.id, f]));
  const rows: NewFixtureMapping[] = result.mapped.map((m) => {
    const f = byId.get(m.fplFixtureId);
    // mapFixtures maps only fixtures with a gameweek and a kick-off.
    if (!f || f.event === null || f.kickoff_time === null) {
      throw new Error(`mapped FPL fixture ${m.fplFixtureId} has no gameweek or kick-off`);
    }
    return {
      fplFixtureId: m.fplFixtureId,
      sofaEventId: m.sofaEventId,
      sofaSeasonId: season.sofaSeasonId,
      gameweek: f.event,
      kickoff: new Date(f.kickoff_time),
      kickoffDeltaMs: m.kickoffDeltaMs,
      fplHomeTeamId: f.team_h,
      fplAwayTeamId: f.team_a,
    };
  });
  const stored = await replaceFixtureMappings(deps.db, season.season, rows);
  ctx.logger.info(
    {
      season: season.season,
      pages,
      events: events.length,
      mapped: rows.length,
      removed: stored.removed,
      unmapped: result.unmapped.length,
      ambiguous: result.ambiguous.length,
      unclaimedEvents: result.unclaimedEvents.length,
      teamMappingProblems: result.teamMappingProblems,
    },
    "fixture mappings updated",
  );
  return {
    season: season.season,
    mapped: rows.length,
    unmapped: result.unmapped,
    ambiguous: result.ambiguous,
  };
}
