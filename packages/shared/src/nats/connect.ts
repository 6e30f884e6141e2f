import { readFileSync } from "node:fs";
import {
  connect,
  credsAuthenticator,
  type ConnectionOptions,
  type NatsConnection,
} from "@nats-io/transport-node";
import type { Logger } from "../logging/logger.js";
import type { BaseConfig } from "../config/base-config.js";

export type { NatsConnection };

/**
 * Connects to NATS with the configured credentials and TLS, and reconnects forever: a NATS restart
 * is survived (in-flight publishes fail and are retried by their callers; pull consumers resume).
 * `reconnect: false` (one-shot commands such as the CLI's) fails instead of waiting for a server.
 */
export async function connectNats(
  cfg: Pick<
    BaseConfig,
    | "NATS_USER"
    | "NATS_PASSWORD"
    | "NATS_TOKEN"
    | "NATS_CREDS"
    | "NATS_TLS_CA"
    | "NATS_TLS_CERT"
    | "NATS_TLS_KEY"
  > & { NATS_URL: string },
  opts: { name: string; logger?: Logger; reconnect?: boolean },
): Promise<NatsConnection> {
  const options: ConnectionOptions = {
    servers: cfg.NATS_URL.split(","),
    name: opts.name,
    maxReconnectAttempts: opts.reconnect === false ? 0 : -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: false,
    // Building an Error (for its stack) on every request was ~15% of the worker's CPU in the
    // runtime benchmark; failures still carry their messages.
    noAsyncTraces: true,
  };
  if (cfg.NATS_USER) options.user = cfg.NATS_USER;
  if (cfg.NATS_PASSWORD) options.pass = cfg.NATS_PASSWORD;
  if (cfg.NATS_TOKEN) options.token = cfg.NATS_TOKEN;
  if (cfg.NATS_CREDS) options.authenticator = credsAuthenticator(readFileSync(cfg.NATS_CREDS));
  if (cfg.NATS_TLS_CA || cfg.NATS_TLS_CERT) {
    options.tls = {
      ...(cfg.NATS_TLS_CA ? { caFile: cfg.NATS_TLS_CA } : {}),
      ...(cfg.NATS_TLS_CERT ? { certFile: cfg.NATS_TLS_CERT } : {}),
      ...(cfg.NATS_TLS_KEY ? { keyFile: cfg.NATS_TLS_KEY } : {}),
    };
  }
  const nc = await connect(options);
  if (opts.logger) {
    const logger = opts.logger;
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === "disconnect" || s.type === "reconnect" || s.type === "error") {
          logger.warn(
            { nats: s.type, server: "server" in s ? s.server : undefined },
            `nats ${s.type}`,
          );
        }
      }
    })();
  }
  return nc;
}
