import {
  MANUAL_UPDATE_STEPS,
  type PayloadOf,
  type ResultInputOf,
  type runManualUpdate,
  type Skip,
  type TaskContext,
} from "@matchday/shared";

import { handleCollectHeatmaps } from "./collect-heatmaps.js";
import type { EtlDeps } from "./etl-deps.js";
import { handleUpdateFixtureMappings } from "./update-fixture-mappings.js";
import { handleUpdateLineups } from "./update-lineups.js";
import { handleUpdateRadarAttributes } from "./update-radar-attributes.js";
import { handleUpdateSeasonStats } from "./update-season-stats.js";

type Payload = PayloadOf<typeof runManualUpdate>;
type Result = ResultInputOf<typeof runManualUpdate>;
type Step = keyof typeof MANUAL_UPDATE_STEPS;

/**
 * The handler behind each old script name. A mapped type over `MANUAL_UPDATE_STEPS`, so a step
 * without a handler is a compile error; the payload schema already refuses any other name.
 */
const STEP_HANDLERS: {
  [K in Step]: (payload: { season?: string }, ctx: TaskContext, deps: EtlDeps) => Promise<unknown>;
} = {
  build_fixture_mapping: handleUpdateFixtureMappings,
  build_lineups_etl: handleUpdateLineups,
  build_heatmap_etl: handleCollectHeatmaps,
  build_season_stats_etl: handleUpdateSeasonStats,
  build_radar_attributes_etl: handleUpdateRadarAttributes,
};

/**
 * `run_manual_update {step}`: runs one named step now, in this run (the mapped task's handler with
 * its default payload and the given season), and answers with that step's result (or its skip).
 * Only the steps of `MANUAL_UPDATE_STEPS` exist; the payload schema rejects anything else with the
 * list of valid names, so no other code or path can ever run. A step run this way starts no
 * downstream trigger (its completion is `run_manual_update`'s).
 */
export async function handleRunManualUpdate(
  payload: Payload,
  ctx: TaskContext,
  deps: EtlDeps,
): Promise<Result | Skip> {
  const def = MANUAL_UPDATE_STEPS[payload.step];
  const stepPayload = def.payload.parse(
    payload.season === undefined ? {} : { season: payload.season },
  );
  ctx.logger.info({ step: payload.step, task: def.name }, "manual update: running step");
  const result = await STEP_HANDLERS[payload.step](stepPayload, ctx, deps);
  return { step: payload.step, result };
}
