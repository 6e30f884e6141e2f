export { NonRetryableError, TaskTimeoutError, PayloadValidationError, isNonRetryable, describeError } from "./tasks/errors.js";
export { computeBackoffMs, type RetryPolicy } from "./tasks/retry.js";
export { type Clock, type ManualClock, systemClock, fixedClock, offsetClock, manualClock, clockFromConfig } from "./time/clock.js";
export { SECOND, MINUTE, HOUR, DAY, sleep } from "./time/units.js";
export {
  createHttpClient,
  parseRetryAfterMs,
  HttpError,
  HttpStatusError,
  type HttpClient,
  type HttpClientOptions,
  type HttpResponse,
} from "./http/http-client.js";
export { repoRoot, findSharedDataDir, sharedDataDir } from "./config/data-dir.js";
