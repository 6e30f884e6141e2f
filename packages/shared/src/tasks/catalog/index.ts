import type { AnyTaskDef } from "../define-task.js";
import { analyticsTasks } from "./analytics.js";
import { etlTasks } from "./etl.js";
import { housekeepingTasks } from "./housekeeping.js";
import { mlTasks } from "./ml.js";
import { predictionTasks } from "./predictions.js";
import { syncTasks } from "./sync.js";

export * from "./common.js";
export * from "./sync.js";
export * from "./ml.js";
export * from "./predictions.js";
export * from "./analytics.js";
export * from "./housekeeping.js";
export * from "./etl.js";

/** Every task, in the order of the architecture table. */
export const catalog: readonly AnyTaskDef[] = [
  ...Object.values(syncTasks),
  ...Object.values(mlTasks),
  ...Object.values(predictionTasks),
  ...Object.values(analyticsTasks),
  ...Object.values(housekeepingTasks),
  ...Object.values(etlTasks),
];

/** A task by its operators' name. */
export function taskByName(name: string): AnyTaskDef | undefined {
  return catalog.find((t) => t.name === name);
}
