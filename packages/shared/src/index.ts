// Errors, retry, time
export {
  NonRetryableError,
  TaskTimeoutError,
  PayloadValidationError,
  isNonRetryable,
  describeError,
} from "./tasks/errors.js";
export { computeBackoffMs, type RetryPolicy } from "./tasks/retry.js";
export {
  type Clock,
  type ManualClock,
  systemClock,
  fixedClock,
  manualClock,
  clockFromConfig,
} from "./time/clock.js";
export { SECOND, MINUTE, HOUR, DAY, sleep } from "./time/units.js";
export {
  assertTimezone,
  cachedOffsetMsAt,
  InvalidTimezoneError,
  localFields,
  nextTransition,
  offsetMsAt,
  previousTransition,
  wallClockToUtc,
  type LocalFields,
  type WallClock,
  type ZoneTransition,
} from "./time/time-zone.js";
export { seededRandom } from "./random.js";
// HTTP
export {
  createHttpClient,
  HttpError,
  HttpStatusError,
  type HttpClient,
  type HttpClientOptions,
  type HttpResponse,
} from "./http/http-client.js";
// Config and logging
export { repoRoot, findSharedDataDir, sharedDataDir } from "./config/data-dir.js";
export { BaseConfig, configKeys } from "./config/base-config.js";
export {
  BoolEnv,
  Millis,
  IsoInstantEnv,
  ListEnv,
  blankAsUnset,
  optionalEnv,
} from "./config/env.js";
export { ConfigError, parseConfig } from "./config/load-config.js";
export { createLogger, type Logger } from "./logging/logger.js";
export { createShutdown, type Shutdown } from "./lifecycle/shutdown.js";
// NATS
export { connectNats, type NatsConnection } from "./nats/connect.js";
export {
  createTopology,
  ensureConsumer,
  ensureStreams,
  ensureTopology,
  taskConsumerConfig,
  type Topology,
} from "./nats/topology.js";
export {
  registerInstance,
  listInstances,
  runsQuerySubject,
  type InstanceStatus,
} from "./nats/discovery.js";
export {
  embeddedNatsUrlFile,
  readEmbeddedNatsUrl,
  startEmbeddedNats,
  type EmbeddedNats,
} from "./nats/embedded-server.js";
export { StreamPublisher, StreamPublishError, type StoredAck } from "./nats/stream-publisher.js";
// Tasks
export {
  defineTask,
  after,
  ServiceName,
  type AnyTaskDef,
  type TaskDef,
  type TaskSpec,
  type TaskTrigger,
  type DefaultSchedule,
  type MisfirePolicy,
  type OverlapPolicy,
  type PayloadOf,
  type PayloadInputOf,
  type ResultOf,
  type ResultInputOf,
} from "./tasks/define-task.js";
export {
  Header,
  runIdFor,
  newRunId,
  taskMsgId,
  triggerToHeaders,
  type TriggerInfo,
} from "./tasks/headers.js";
export {
  createPublisher,
  validatePayload,
  type TaskPublisher,
  type PublishedTask,
  type PublishTaskOptions,
} from "./tasks/publisher.js";
export {
  createRunRecorder,
  noopRecorder,
  type RunRecorder,
  type RunStart,
  type RunOutcome,
} from "./tasks/run-recorder.js";
export {
  startTaskWorker,
  skip,
  type Skip,
  type TaskContext,
  type TaskHandler,
  type Handlers,
  type TaskWorker,
  type InFlightRun,
} from "./tasks/worker.js";
export { startTriggerRelays } from "./tasks/triggers.js";
export type { CompletionEvent, FailureEvent } from "./tasks/events.js";
export * from "./tasks/catalog/index.js";
// Database
export {
  openDatabase,
  type Database,
  type Db,
  type RunStatement,
  type Statement,
} from "./db/client.js";
export { rowsOf } from "./db/rows.js";
export { migrateDatabase } from "./db/migrate.js";
export { listRuns, isTaskRunning, lastSuccessAt, type RunFilter } from "./db/runs-repo.js";
export * from "./db/schema/index.js";
export * from "./db/reads/football.js";
// Runtime
export {
  defineService,
  startService,
  type ServiceModule,
  type ServiceDeps,
  type RunningService,
} from "./runtime/service.js";
export { runServices, runServiceMain } from "./runtime/host.js";
export {
  assertSeasonCode,
  currentSeason,
  expandTwoDigitYear,
  isSeasonCode,
  previousSeasons,
  seasonCodeFor,
  seasonCodeOfStartYear,
  seasonEnd,
  seasonLabel,
  seasonStart,
  seasonStartYear,
  shiftSeason,
} from "./football/season.js";
