import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from "@nats-io/jetstream";
import {
  BaseConfig,
  connectNats,
  createTopology,
  parseConfig,
  readEmbeddedNatsUrl,
  type NatsConnection,
  type Topology,
} from "@matchday/shared";

export interface CliContext {
  config: BaseConfig;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  close(): Promise<void>;
}

/**
 * Connects the CLI to NATS without reconnect loops: NATS_URL; unset, the nats-server `matchday up`
 * started for the same MATCHDAY_DATA_DIR; else nats://127.0.0.1:4222.
 */
export async function connectCli(env: Record<string, string | undefined>): Promise<CliContext> {
  const config = parseConfig(BaseConfig, env);
  const url =
    config.NATS_URL ?? readEmbeddedNatsUrl(config.MATCHDAY_DATA_DIR) ?? "nats://127.0.0.1:4222";
  let nc: NatsConnection;
  try {
    nc = await connectNats(
      { ...config, NATS_URL: url },
      { name: "matchday-cli", reconnect: false },
    );
  } catch (err) {
    throw new Error(`cannot reach NATS at ${url}: ${(err as Error).message} (set NATS_URL)`);
  }
  const jsm = await jetstreamManager(nc);
  return {
    config,
    nc,
    js: jetstream(nc),
    jsm,
    topology: createTopology(config.MATCHDAY_NAMESPACE ?? ""),
    close: async () => {
      await nc.drain().catch(() => nc.close());
    },
  };
}
