import type { TaskContext } from "@matchday/shared";

import { loadMappingFiles, type MappingFiles } from "../clients/mapping-files.js";
import type { FplBootstrap } from "../clients/schemas/fpl.js";
import { mapPlayers, type PlayerMappingResult } from "../domain/fixture-mapping.js";
import { assertFplSeason, resolveRunSeason, type RunSeason } from "../domain/run-season.js";
import type { EtlDeps } from "./etl-deps.js";

/** What most ETL tasks start from: the season, FPL's bootstrap of it, and the id mappings. */
export interface SeasonContext extends RunSeason {
  bootstrap: FplBootstrap;
  mappings: MappingFiles;
  /** FPL element ↔ SofaScore player for this season (`mapPlayers` over the mapping file). */
  players: PlayerMappingResult;
  /** SofaScore player id → FPL element id (trusted rows only). */
  fplElementOf: Map<number, number>;
  /** FPL element id → SofaScore player id. */
  sofaPlayerOf: Map<number, number>;
}

/**
 * Resolves the run's season, fetches the bootstrap and checks FPL serves that season, and maps
 * the players. Everything is read and checked before the task writes anything.
 */
export async function loadSeasonContext(
  payloadSeason: string | undefined,
  ctx: Pick<TaskContext, "now" | "signal">,
  deps: Pick<EtlDeps, "fpl" | "mappingsDir" | "settings">,
): Promise<SeasonContext> {
  const run = resolveRunSeason(payloadSeason, deps.settings, ctx.now());
  const bootstrap = await deps.fpl.bootstrap(ctx.signal);
  assertFplSeason(bootstrap, run.season);
  const mappings = await loadMappingFiles(deps.mappingsDir(), ctx.signal);
  const players = mapPlayers({
    playerMapping: mappings.playerMapping,
    teamMapping: mappings.teamMapping,
    fplElements: bootstrap.elements,
  });
  return {
    ...run,
    bootstrap,
    mappings,
    players,
    fplElementOf: new Map(players.mapped.map((m) => [m.sofaPlayerId, m.fplElementId])),
    sofaPlayerOf: new Map(players.mapped.map((m) => [m.fplElementId, m.sofaPlayerId])),
  };
}
