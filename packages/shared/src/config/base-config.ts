import * as z from "zod";
import { BoolEnv, IsoInstantEnv, Millis, optionalEnv } from "./env.js";

/**
 * What every Matchday process reads from its environment. Each service extends it with its own
 * variables (`SyncConfig = BaseConfig.extend({...})`).
 */
export const BaseConfig = z.object({
  /** NATS servers, comma-separated. Unset: `matchday up` starts a local nats-server. */
  NATS_URL: optionalEnv(
    z.string().regex(/^(nats|tls|wss?):\/\/[^\s]+$/, "expected nats://host:port[,…]"),
  ),
  NATS_USER: optionalEnv(z.string().min(1)),
  NATS_PASSWORD: optionalEnv(z.string().min(1)),
  NATS_TOKEN: optionalEnv(z.string().min(1)),
  /** A `.creds` file (JWT + nkey seed). */
  NATS_CREDS: optionalEnv(z.string().min(1)),
  /** TLS: CA bundle, and client certificate + key for mutual TLS. */
  NATS_TLS_CA: optionalEnv(z.string().min(1)),
  NATS_TLS_CERT: optionalEnv(z.string().min(1)),
  NATS_TLS_KEY: optionalEnv(z.string().min(1)),
  /**
   * Optional prefix for every stream, subject, consumer and bucket name. Production leaves it unset
   * (one server or account per environment); tests use it to share one server without colliding.
   */
  MATCHDAY_NAMESPACE: optionalEnv(
    z.string().regex(/^[a-z0-9_]{1,16}$/, "expected 1-16 of [a-z0-9_]"),
  ),
  /** PostgreSQL connection string. Unset: embedded PGlite under MATCHDAY_DATA_DIR. */
  DATABASE_URL: optionalEnv(z.string().regex(/^postgres(ql)?:\/\//, "expected postgres://…")),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Local state: the PGlite database and the embedded nats-server store. */
  MATCHDAY_DATA_DIR: z.string().min(1).default(".matchday"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How long in-flight work may finish after SIGTERM before it is handed back (nak). */
  SHUTDOWN_GRACE_MS: Millis.default(25_000),
  /** "Now" for tests, offline demos and replays of past seasons. Unset: the system clock. */
  MATCHDAY_NOW: optionalEnv(IsoInstantEnv),
  /** With MATCHDAY_NOW: `running` (advances from it in real time) or `frozen`. */
  MATCHDAY_CLOCK: z.enum(["running", "frozen"]).default("running"),
  /** Record every run in PostgreSQL (turn off only for benchmarks). */
  MATCHDAY_RECORD_RUNS: BoolEnv.default(true),
});
export type BaseConfig = z.infer<typeof BaseConfig>;

/** Every variable name a config schema knows (for the docker-compose consistency test). */
export function configKeys(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}
