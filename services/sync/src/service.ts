import { syncTasks, defineService, ServiceName } from "@matchday/shared";
import { footballDataSourceFromConfig } from "./clients/source-from-config.js";
import { SyncConfig } from "./config.js";
import { syncSettingsFromConfig, type SyncDeps } from "./pipeline/sync-deps.js";
import { handleSyncAllLeagues } from "./tasks/sync-all-leagues.js";
import { handleSyncHistoricalData } from "./tasks/sync-historical-data.js";
import { handleSyncSingleLeague } from "./tasks/sync-single-league.js";
import { handleUpdateRecentResults } from "./tasks/update-recent-results.js";

/**
 * The sync service: football-data.co.uk results, fixtures and odds into the `sync` schema. One
 * source (HTTP or directory, from the configuration) is shared by its handlers, so the polite
 * minimum interval between requests holds across concurrent tasks of this process.
 */
export const syncService = defineService({
  name: ServiceName.Sync,
  config: SyncConfig,
  tasks: syncTasks,
  createHandlers: ({ config, database, logger }) => {
    const source = footballDataSourceFromConfig(config);
    const deps: SyncDeps = { db: database.db, source, settings: syncSettingsFromConfig(config) };
    logger.info({ source: source.name, ...deps.settings }, "sync source");
    return {
      syncAllLeagues: (payload, ctx) => handleSyncAllLeagues(payload, ctx, deps),
      syncSingleLeague: (payload, ctx) => handleSyncSingleLeague(payload, ctx, deps),
      syncHistoricalData: (payload, ctx) => handleSyncHistoricalData(payload, ctx, deps),
      updateRecentResults: (payload, ctx) => handleUpdateRecentResults(payload, ctx, deps),
    };
  },
});
