export { etlService, createEtlHandlers } from "./service.js";
export { EtlConfig, EtlOwnConfig, ETL_CONFIG_KEYS } from "./config.js";
export { etlSettingsFromConfig, type EtlDeps, type EtlSettings } from "./tasks/etl-deps.js";
export { runGenerateCommand } from "./generate/run-generate-command.js";
