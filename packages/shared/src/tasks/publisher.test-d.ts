/**
 * Type tests of the typed publisher: checked by `pnpm typecheck` (tsc over the workspace), never
 * executed. Each `@ts-expect-error` fails the typecheck when the line it marks starts to compile,
 * i.e. when the publisher stops refusing that payload; each `expectTypeOf` fails when the types
 * it names change.
 */
import type { JetStreamClient } from "@nats-io/jetstream";
import { expectTypeOf } from "vitest";
import { createTopology } from "../nats/topology.js";
import { syncHistoricalData, syncSingleLeague, syncAllLeagues } from "./catalog/sync.js";
import { generatePredictionForMatch } from "./catalog/predictions.js";
import type { PayloadInputOf } from "./define-task.js";
import { createPublisher, type PublishedTask } from "./publisher.js";

declare const js: JetStreamClient;
const publisher = createPublisher(js, createTopology());

// A payload of the task's schema is accepted, and the result says what was queued.
expectTypeOf(publisher.publish(syncSingleLeague, { league: "E0", season: "2526" })).toEqualTypeOf<
  Promise<PublishedTask>
>();
expectTypeOf<PayloadInputOf<typeof syncSingleLeague>>().toEqualTypeOf<{
  league: string;
  season: string;
}>();

// Optional fields may be left out; a task without a payload takes an empty object.
void publisher.publish(syncHistoricalData, {});
void publisher.publish(syncHistoricalData, { seasons: 3 });
void publisher.publish(syncAllLeagues, {});

// @ts-expect-error a required field is missing
void publisher.publish(syncSingleLeague, { league: "E0" });
// @ts-expect-error a field of the wrong type
void publisher.publish(syncSingleLeague, { league: "E0", season: 2526 });
// @ts-expect-error a field the schema does not have
void publisher.publish(syncSingleLeague, { league: "E0", season: "2526", force: true });
// @ts-expect-error another task's payload
void publisher.publish(generatePredictionForMatch, { league: "E0", season: "2526" });
// @ts-expect-error a payload is required
void publisher.publish(syncSingleLeague);

// Options: a logical key and a trigger, nothing else.
void publisher.publish(
  generatePredictionForMatch,
  { match_id: "42" },
  { key: "manual:42", trigger: { kind: "manual" } },
);
const options: Parameters<typeof publisher.publish>[2] = {
  // @ts-expect-error an unknown trigger kind
  trigger: { kind: "cron" },
};
void options;
