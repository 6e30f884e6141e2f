import { defineService, etlTasks, ServiceName, type Handlers } from "@matchday/shared";

import {
  fplSourceFromConfig,
  mappingsDirFromConfig,
  sofaSourceFromConfig,
} from "./clients/sources-from-config.js";
import { EtlConfig } from "./config.js";
import { handleCollectHeatmaps } from "./tasks/collect-heatmaps.js";
import { etlSettingsFromConfig, type EtlDeps } from "./tasks/etl-deps.js";
import { handleRunManualUpdate } from "./tasks/run-manual-update.js";
import { handleUpdateFixtureMappings } from "./tasks/update-fixture-mappings.js";
import { handleUpdateLineups } from "./tasks/update-lineups.js";
import { handleUpdateRadarAttributes } from "./tasks/update-radar-attributes.js";
import { handleUpdateSeasonStats } from "./tasks/update-season-stats.js";

/** The six ETL handlers over one set of dependencies (tests pass their own sources). */
export function createEtlHandlers(deps: EtlDeps): Handlers<typeof etlTasks> {
  return {
    updateFixtureMappings: (p, ctx) => handleUpdateFixtureMappings(p, ctx, deps),
    updateLineups: (p, ctx) => handleUpdateLineups(p, ctx, deps),
    collectHeatmaps: (p, ctx) => handleCollectHeatmaps(p, ctx, deps),
    updateSeasonStats: (p, ctx) => handleUpdateSeasonStats(p, ctx, deps),
    updateRadarAttributes: (p, ctx) => handleUpdateRadarAttributes(p, ctx, deps),
    runManualUpdate: (p, ctx) => handleRunManualUpdate(p, ctx, deps),
  };
}

/**
 * The etl service: FPL and SofaScore into the `etl` schema (fixture mappings, lineups, heatmaps,
 * season statistics, radars). One FPL and one SofaScore source per process, shared by the
 * handlers, so the polite minimum interval between requests holds across tasks.
 */
export const etlService = defineService({
  name: ServiceName.Etl,
  config: EtlConfig,
  tasks: etlTasks,
  createHandlers: ({ config, database, logger }) => {
    const deps: EtlDeps = {
      db: database.db,
      fpl: fplSourceFromConfig(config),
      sofa: sofaSourceFromConfig(config),
      mappingsDir: mappingsDirFromConfig(config),
      settings: etlSettingsFromConfig(config),
    };
    logger.info(
      {
        fpl: deps.fpl.origin,
        sofascore: deps.sofa.origin,
        sofascoreStyle: config.SOFASCORE_DATA_DIR ? "directory" : config.SOFASCORE_API_STYLE,
        season: deps.settings.season ?? "(the clock's)",
        sofaSeasonId: deps.settings.sofaSeasonId ?? "(known id of the season)",
        heatmapRule: config.HEATMAP_RULE,
        radarMinMinutes: deps.settings.radarMinMinutes,
      },
      "etl sources",
    );
    return createEtlHandlers(deps);
  },
});
