import { defineService, ServiceName } from "@matchday/shared";
import { SyncConfig } from "./config.js";

/**
 * The sync service. Its tasks' handlers are bound here as they are written; a task without a handler
 * has no consumer yet and `matchday inspect` lists it as unserved.
 */
export const syncService = defineService({
  name: ServiceName.Sync,
  config: SyncConfig,
  tasks: {},
  createHandlers: () => ({}),
});
