import { defineConfig } from "vitest/config";

// Three projects: unit tests sit next to the source and need no servers; integration tests
// (`<package>/test/*.int.test.ts`) and end-to-end tests (`test/e2e`) use the real NATS and
// PostgreSQL (see packages/shared/src/testing), each test file in its own namespace/database.
export default defineConfig({
  test: {
    exclude: ["**/node_modules/**", "**/dist/**"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{packages,services}/*/src/**/*.test.ts"],
          // Projects run one group after another: unit, then integration, then end-to-end.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{packages,services}/*/test/**/*.int.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Several integration files start processes and local servers: keep the 2-core machine calm.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
