export { testNatsUrl, testNamespace, connectTestNats, type TestNats } from "./nats.js";
export { testDatabaseUrl, createTestDatabase, type TestDatabase } from "./postgres.js";
export { waitFor } from "./wait-for.js";
export { collect, type SeenMessage } from "./messages.js";
export { finalRun } from "./runs.js";
export { collectLogs, silentLogger } from "./logs.js";
export { startProcess, runCli, CLI_ENTRY, type ServiceProcess } from "./processes.js";
export * from "./football-seed.js";
export { startTestService } from "./services.js";
