/**
 * The workspace code the benchmarks use, resolved in this one file (the root package depends on
 * `@matchday/shared` and zod for this).
 */
export * from "@matchday/shared";
export * from "@matchday/shared/testing";
export * as z from "zod";

import type { TestNats } from "@matchday/shared/testing";

/** nats.js types, taken from the test connection (the root does not depend on `@nats-io/*`). */
export type JetStreamClient = TestNats["js"];
export type JetStreamManager = TestNats["jsm"];
export type NatsConnection = TestNats["nc"];
