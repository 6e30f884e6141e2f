import { headers as natsHeaders } from "@nats-io/nats-core";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { Topology } from "../nats/topology.js";
import type { AnyTaskDef, PayloadInputOf, PayloadOf } from "./define-task.js";
import { PayloadValidationError, zodErrorLine } from "./errors.js";
import {
  Header,
  newRunId,
  runIdFor,
  taskMsgId,
  triggerToHeaders,
  type TriggerInfo,
} from "./headers.js";

export interface PublishTaskOptions {
  /** The logical key after `<task>@`: a tick's slot, `after:<upstream run id>`. Unset: a manual trigger with a fresh id. */
  key?: string;
  trigger?: TriggerInfo;
}

export interface PublishedTask {
  runId: string;
  msgId: string;
  seq: number;
  /** JetStream already had this message id inside the duplicate window: nothing new was queued. */
  duplicate: boolean;
}

export interface TaskPublisher {
  publish<T extends AnyTaskDef>(
    def: T,
    payload: PayloadInputOf<T>,
    opts?: PublishTaskOptions,
  ): Promise<PublishedTask>;
}

/** Validates a payload against a task's schema, or throws PayloadValidationError with zod's message. */
export function validatePayload<T extends AnyTaskDef>(def: T, payload: unknown): PayloadOf<T> {
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) {
    throw new PayloadValidationError(
      `invalid payload for ${def.name}: ${zodErrorLine(parsed.error)}`,
    );
  }
  return parsed.data as PayloadOf<T>;
}

/**
 * The one way tasks are published: the payload is validated before it leaves, the message id is
 * `<task>@<key>` (deterministic for ticks and event triggers, fresh for manual triggers), and the run
 * id derived from it travels in `Matchday-Run-Id`.
 */
export function createPublisher(js: JetStreamClient, topology: Topology): TaskPublisher {
  return {
    async publish(def, payload, opts = {}) {
      const data = validatePayload(def, payload);
      const fresh = opts.key === undefined ? newRunId() : undefined;
      const msgId = taskMsgId(def.name, opts.key ?? `manual:${fresh}`);
      const runId = fresh ?? runIdFor(msgId);
      const h = natsHeaders();
      h.set(Header.RunId, runId);
      triggerToHeaders(opts.trigger ?? { kind: "manual" }, (k, v) => h.set(k, v));
      const ack = await js.publish(topology.taskSubject(def), JSON.stringify(data), {
        msgID: msgId,
        headers: h,
      });
      return { runId, msgId, seq: ack.seq, duplicate: ack.duplicate };
    },
  };
}
