/**
 * The workspace code the benchmarks use, resolved in this one file.
 *
 * `bench/` is not a workspace package and the root package.json declares no dependency on
 * `@matchday/shared` (nor on zod or nats.js), so bare specifiers do not resolve from here. Until the
 * root gains `"@matchday/shared": "workspace:*"` and `"zod": "catalog:"` as devDependencies, the
 * benchmarks reach the same modules through the shared package's sources and its own dependencies;
 * switching is a change to this file only.
 */
export * from "../packages/shared/src/index.js";
export * from "../packages/shared/src/testing/index.js";
/**
 * zod, the same package the runtime validates with. Its types resolve through another path than
 * the shared package's own `zod` import, so TypeScript treats them as different types: hand schemas
 * to the runtime through `RuntimeSchema` (see runtime/bench-tasks.ts).
 */
export * as z from "../packages/shared/node_modules/zod/index.js";

import type { defineTask } from "../packages/shared/src/index.js";
import type { TestNats } from "../packages/shared/src/testing/index.js";

/** A payload or result schema as the runtime's types see it (zod's `ZodType`, output unknown). */
export type RuntimeSchema = Parameters<typeof defineTask>[0]["payload"];

/** nats.js types, taken from the test connection (no import of `@nats-io/*` resolves from here). */
export type JetStreamClient = TestNats["js"];
export type JetStreamManager = TestNats["jsm"];
export type NatsConnection = TestNats["nc"];
