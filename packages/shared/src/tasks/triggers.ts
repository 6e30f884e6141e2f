import {
  JetStreamApiCodes,
  JetStreamApiError,
  type Consumer,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
} from "@nats-io/jetstream";
import type { Logger } from "../logging/logger.js";
import { ensureConsumer, triggerConsumerConfig, type Topology } from "../nats/topology.js";
import { sleep } from "../time/units.js";
import type { AnyTaskDef } from "./define-task.js";
import type { CompletionEvent } from "./events.js";
import { describeError, PayloadValidationError } from "./errors.js";
import type { TaskPublisher } from "./publisher.js";

export interface TriggerRelays {
  stop(): Promise<void>;
}

/**
 * For each of the given tasks' triggers, turns the upstream task's completion into a message on the
 * task's subject, with message id `<task>@after:<upstream run id>`: a completion delivered twice
 * starts the task once. A skipped upstream run starts nothing.
 */
export function startTriggerRelays(opts: {
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  tasks: readonly AnyTaskDef[];
  publisher: TaskPublisher;
  logger: Logger;
}): TriggerRelays {
  const { js, topology, publisher } = opts;
  let stopping = false;
  const batches = new Set<ConsumerMessages>();
  const loops: Promise<void>[] = [];

  for (const def of opts.tasks) {
    for (const trig of def.triggers) {
      const log = opts.logger.child({ task: def.name, after: trig.after.name });
      loops.push(
        (async () => {
          // Looked up once, and again only after an error: a lookup before every pull put a round
          // trip on the path of every tenth downstream task.
          let consumer: Consumer | undefined;
          while (!stopping) {
            let batch: ConsumerMessages | undefined;
            try {
              consumer ??= await js.consumers.get(
                topology.streams.events,
                topology.triggerDurable(def, trig.after),
              );
              batch = await consumer.fetch({ max_messages: 10, expires: 5_000 });
              batches.add(batch);
              for await (const m of batch) {
                try {
                  const evt = m.json<CompletionEvent>();
                  if (evt.status !== "succeeded") {
                    m.ack();
                    continue;
                  }
                  const payload = trig.payload(evt.result, evt.payload);
                  if (payload === null || payload === undefined) {
                    m.ack();
                    continue;
                  }
                  const pub = await publisher.publish(def, payload as never, {
                    key: `after:${evt.runId}`,
                    trigger: { kind: "event", upstreamTask: evt.task, upstreamRunId: evt.runId },
                  });
                  log.info(
                    { upstreamRunId: evt.runId, runId: pub.runId, duplicate: pub.duplicate },
                    "upstream completion triggered a run",
                  );
                  m.ack();
                } catch (err) {
                  if (err instanceof PayloadValidationError || err instanceof SyntaxError) {
                    // A bug in the trigger mapping or a foreign message: retrying cannot help.
                    log.error(
                      { err: describeError(err) },
                      "trigger could not build a valid payload; event dropped",
                    );
                    m.term();
                  } else {
                    log.warn({ err: describeError(err) }, "trigger publish failed; will retry");
                    m.nak(2_000);
                  }
                }
              }
            } catch (err) {
              if (stopping) break;
              consumer = undefined;
              if (
                err instanceof JetStreamApiError &&
                err.code === JetStreamApiCodes.ConsumerNotFound
              ) {
                // Deleted under a running service (an operator, a stream reset): put it back, as the
                // worker does for its task consumers.
                log.warn("trigger consumer missing: recreating it");
                await ensureConsumer(
                  opts.jsm,
                  topology.streams.events,
                  triggerConsumerConfig(topology, def, trig.after),
                ).catch((e: unknown) =>
                  log.error({ err: describeError(e) }, "could not recreate the trigger consumer"),
                );
              } else {
                log.warn({ err: describeError(err) }, "trigger pull failed; retrying");
              }
              await sleep(1_000);
            } finally {
              if (batch) batches.delete(batch);
            }
          }
        })(),
      );
    }
  }
  return {
    async stop() {
      stopping = true;
      for (const b of batches) b.stop();
      await Promise.allSettled(loops);
    },
  };
}
