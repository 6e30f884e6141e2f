export * from "./platform.js";
export * from "./sync.js";
