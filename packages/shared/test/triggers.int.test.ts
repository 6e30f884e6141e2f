import { headers as natsHeaders } from "@nats-io/nats-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import {
  after,
  createPublisher,
  defineTask,
  ensureTopology,
  ServiceName,
  startTriggerRelays,
  type TaskWorker,
} from "@matchday/shared";
import {
  collect,
  connectTestNats,
  silentLogger,
  waitFor,
  type TestNats,
} from "@matchday/shared/testing";
import { startTestWorker } from "./support/harness.js";

const lineups = defineTask({
  name: "t_lineups",
  service: ServiceName.Etl,
  queue: "test",
  description: "upstream",
  payload: z.strictObject({ gameweek: z.number() }),
  result: z.object({ gameweek: z.number(), pairs: z.number() }),
  timeoutMs: 5_000,
});
const heatmaps = defineTask({
  name: "t_heatmaps",
  service: ServiceName.Etl,
  queue: "test",
  description: "downstream",
  payload: z.strictObject({ gameweek: z.number() }),
  result: z.object({ gameweek: z.number() }),
  timeoutMs: 5_000,
  triggers: [
    after(lineups, (r: { gameweek: number; pairs: number }) =>
      r.pairs > 0 ? { gameweek: r.gameweek } : null,
    ),
  ],
});

let n: TestNats;
let worker: TaskWorker;
let relays: ReturnType<typeof startTriggerRelays>;
const downstreamRuns: { gameweek: number; upstreamRunId: string | undefined }[] = [];

beforeAll(async () => {
  n = await connectTestNats();
  await ensureTopology(n.jsm, n.topology, [lineups, heatmaps]);
  worker = await startTestWorker(
    n,
    { lineups, heatmaps },
    {
      lineups: async (p) => ({ gameweek: p.gameweek, pairs: p.gameweek === 99 ? 0 : 22 }),
      heatmaps: async (p, ctx) => {
        downstreamRuns.push({ gameweek: p.gameweek, upstreamRunId: ctx.trigger.upstreamRunId });
        return { gameweek: p.gameweek };
      },
    },
  );
  relays = startTriggerRelays({
    js: n.js,
    jsm: n.jsm,
    topology: n.topology,
    tasks: [lineups, heatmaps],
    publisher: createPublisher(n.js, n.topology),
    logger: silentLogger(),
  });
});
afterAll(async () => {
  await relays?.stop();
  await worker?.stop(1_000);
  await n?.cleanup();
});

describe("event triggers", () => {
  it("triggers - an upstream completion starts the downstream task with the upstream run id, once even when the event is delivered twice; a null mapping starts nothing", async () => {
    const done = collect(n.nc, n.topology.completedSubject(heatmaps));
    const up = await createPublisher(n.js, n.topology).publish(lineups, { gameweek: 7 });
    await waitFor(() => done.items.length === 1, {
      timeoutMs: 15_000,
      what: "downstream completion",
    });
    expect(downstreamRuns).toEqual([{ gameweek: 7, upstreamRunId: up.runId }]);
    expect(done.items[0]!.data.trigger).toMatchObject({
      kind: "event",
      upstreamTask: "t_lineups",
      upstreamRunId: up.runId,
    });

    // The same completion delivered again (another message id, same upstream run): no second run.
    const original = (await n.jsm.streams.getMessage(n.topology.streams.events, {
      last_by_subj: n.topology.completedSubject(lineups),
    }))!;
    const h = natsHeaders();
    h.set("Matchday-Run-Id", up.runId);
    await n.js.publish(n.topology.completedSubject(lineups), original.data, {
      headers: h,
      msgID: `${up.runId}:completed-again`,
    });
    // An upstream run whose result maps to null (nothing to do) starts nothing.
    await createPublisher(n.js, n.topology).publish(lineups, { gameweek: 99 });
    // Wait until the relay has taken and settled every completion so far (the repeat and the
    // gameweek-99 one included), then count: nothing more started.
    const durable = n.topology.triggerDurable(heatmaps, lineups);
    await waitFor(
      async () => {
        const last = await n.jsm.streams.getMessage(n.topology.streams.events, {
          last_by_subj: n.topology.completedSubject(lineups),
        });
        const c = await n.jsm.consumers.info(n.topology.streams.events, durable);
        return (
          last !== null &&
          c.delivered.stream_seq >= last.seq &&
          c.num_pending === 0 &&
          c.num_ack_pending === 0
        );
      },
      { timeoutMs: 15_000, what: "the relay to settle every completion" },
    );
    await new Promise((r) => setTimeout(r, 1_000)); // a run it started would be done by now
    expect(downstreamRuns).toHaveLength(1);
    expect(done.items).toHaveLength(1);
    done.stop();
  });
  it("triggers - a trigger consumer deleted under a running relay is recreated, and later completions start the task again", async () => {
    const durable = n.topology.triggerDurable(heatmaps, lineups);
    await n.jsm.consumers.delete(n.topology.streams.events, durable);
    await waitFor(() => n.jsm.consumers.info(n.topology.streams.events, durable), {
      timeoutMs: 15_000,
      what: "the relay to recreate its consumer",
    });
    const done = collect(n.nc, n.topology.completedSubject(heatmaps));
    const up = await createPublisher(n.js, n.topology).publish(lineups, { gameweek: 8 });
    await waitFor(() => done.items.length > 0, {
      timeoutMs: 15_000,
      what: "the downstream run after the consumer came back",
    });
    expect(
      done.items.map((e) => (e.data.trigger as { upstreamRunId?: string }).upstreamRunId),
    ).toEqual([up.runId]);
    done.stop();
  });
});
