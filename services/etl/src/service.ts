import { defineService, ServiceName } from "@matchday/shared";
import { EtlConfig } from "./config.js";

/**
 * The etl service. Its tasks' handlers are bound here as they are written; a task without a handler
 * has no consumer yet and `matchday inspect` lists it as unserved.
 */
export const etlService = defineService({
  name: ServiceName.Etl,
  config: EtlConfig,
  tasks: {},
  createHandlers: () => ({}),
});
