import {
  createHttpClient,
  HttpStatusError,
  SECOND,
  type HttpClientOptions,
} from "@matchday/shared";

import type { JsonTransport } from "./json-transport.js";
import { parseJsonText } from "./parse-response.js";
import { UpstreamNotFoundError } from "./upstream-not-found-error.js";

/**
 * Options of an HTTP source. Only `baseUrl` is required; the rest default per source (see each
 * source's `…_HTTP_DEFAULTS`): timeouts, attempts, backoff with jitter, the longest Retry-After
 * waited out in-request, and the polite minimum interval between two requests.
 */
export type HttpSourceOptions = { baseUrl: string } & Partial<Omit<HttpClientOptions, "baseUrl">>;

/** Defaults shared by every source; a source overrides what its upstream needs. */
export const BASE_HTTP_DEFAULTS: Omit<HttpClientOptions, "baseUrl"> = {
  userAgent: "matchday-etl/0.1 (+https://github.com/matchday)",
  timeoutMs: 20 * SECOND,
  maxAttempts: 4,
  retryDelayMs: 2 * SECOND,
  maxRetryDelayMs: 30 * SECOND,
  // A 429 asking for more than 2 minutes fails the attempt (retryably) rather than hold the task.
  maxRetryAfterMs: 2 * 60 * SECOND,
  minIntervalMs: 500,
};

/** Why each refusal happens, so the DLQ entry says what to do. */
function explainStatus(status: number): string {
  if (status === 401 || status === 403) {
    return "access refused (missing or invalid API key, or this IP is blocked)";
  }
  if (status === 410) return "gone (the resource was removed upstream)";
  return "rejected as a bad request";
}

/**
 * A `JsonTransport` over the shared HTTP client: `get(location)` requests
 * `<baseUrl>/<location><suffix>` (FPL wants a trailing slash, SofaScore none). 404 becomes
 * `UpstreamNotFoundError`; 401/403/other 4xx a non-retryable `HttpStatusError` whose message
 * says why; 429 and 5xx are retried inside the client (Retry-After honoured).
 */
export function createHttpJsonTransport(
  options: HttpSourceOptions,
  defaults: Omit<HttpClientOptions, "baseUrl">,
  suffix: string,
): JsonTransport {
  const http = createHttpClient({ ...defaults, ...options });
  return {
    origin: options.baseUrl,
    async get(location, signal) {
      let res;
      try {
        res = await http.get(`${location}${suffix}`, { signal, accept: "application/json" });
      } catch (err) {
        if (err instanceof HttpStatusError) {
          if (err.status === 404) throw new UpstreamNotFoundError(`GET ${err.url}`, { cause: err });
          throw new HttpStatusError(
            `GET ${err.url} answered ${err.status}: ${explainStatus(err.status)}`,
            err.url,
            err.status,
          );
        }
        throw err;
      }
      const where = `GET ${res.url}`;
      return { json: parseJsonText(res.body.toString("utf8"), where), where };
    },
  };
}
