import { defineService, ServiceName } from "@matchday/shared";
import { MlConfig } from "./config.js";

/**
 * The ml service. Its tasks' handlers are bound here as they are written; a task without a handler
 * has no consumer yet and `matchday inspect` lists it as unserved.
 */
export const mlService = defineService({
  name: ServiceName.Ml,
  config: MlConfig,
  tasks: {},
  createHandlers: () => ({}),
});
