import { randomBytes } from "node:crypto";
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from "@nats-io/jetstream";
import { connectNats, type NatsConnection } from "../nats/connect.js";
import { createTopology, type Topology } from "../nats/topology.js";

/** The NATS the tests use: TEST_NATS_URL, else NATS_URL, else the local default. */
export function testNatsUrl(): string {
  return process.env.TEST_NATS_URL ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222";
}

/** A namespace unique to this test run and file: streams and subjects never collide with another run's. */
export function testNamespace(): string {
  return `t${randomBytes(4).toString("hex")}`;
}

export interface TestNats {
  url: string;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  /** Deletes this namespace's streams (and KV bucket) and closes the connection. */
  cleanup(): Promise<void>;
}

/** Connects to the test NATS with a fresh namespace; fails with the command to run when it is not there. */
export async function connectTestNats(url = testNatsUrl()): Promise<TestNats> {
  let nc: NatsConnection;
  try {
    // The services' own connection settings: tests and benchmarks see the client they run.
    nc = await connectNats({ NATS_URL: url }, { name: "matchday-test" });
  } catch (err) {
    throw new Error(
      `NATS with JetStream is not reachable at ${url} (${(err as Error).message}); start one: nats-server -js -a 127.0.0.1 -p 4222 -sd /tmp/nats`,
    );
  }
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const topology = createTopology(testNamespace());
  return {
    url,
    nc,
    js,
    jsm,
    topology,
    async cleanup() {
      for (const s of [...Object.values(topology.streams), `KV_${topology.schedulerBucket}`]) {
        await jsm.streams.delete(s).catch(() => {});
      }
      await nc.close();
    },
  };
}
