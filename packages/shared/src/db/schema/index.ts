export * from "./platform.js";
export * from "./sync.js";
export * from "./ml.js";
export * from "./predictions.js";
export * from "./analytics.js";
export * from "./etl.js";
