import { computeBackoffMs } from "../tasks/retry.js";
import { NonRetryableError } from "../tasks/errors.js";
import { sleep } from "../time/units.js";

/** An HTTP failure that another attempt may fix (timeout, network, 429, 5xx). */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An HTTP failure no retry can fix (403, 404, another 4xx, a body of the wrong kind). */
export class HttpStatusError extends NonRetryableError {
  override name = "HttpStatusError";
  constructor(
    message: string,
    readonly url: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface HttpClientOptions {
  /** Prefix of every request path; a trailing slash is added when missing. */
  baseUrl: string;
  userAgent: string;
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt, capped at `maxRetryDelayMs`, jittered. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** Longest `Retry-After` we wait out inside one request; longer ones fail retryably. */
  maxRetryAfterMs: number;
  /** Polite rate limit: at least this long between the starts of two requests. */
  minIntervalMs: number;
  /** Extra headers (API keys for the RapidAPI proxy, say). */
  headers?: Record<string, string>;
  /** Called before each retry: for logs and tests. */
  onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void;
  random?: () => number;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  body: Buffer;
}

export interface HttpClient {
  get(path: string, opts?: { signal?: AbortSignal; accept?: string }): Promise<HttpResponse>;
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * A small GET client on Node's fetch: per-attempt timeouts, retries with jittered exponential backoff
 * on network errors, timeouts, 429 and 5xx (honouring `Retry-After`), a minimum interval between
 * requests, and non-retryable errors for 4xx. The caller's signal aborts everything, waits included.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  let nextStartAt = 0;

  async function throttle(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const startAt = Math.max(now, nextStartAt);
    nextStartAt = startAt + options.minIntervalMs;
    if (startAt > now) await sleep(startAt - now, signal);
  }

  async function attemptOnce(url: string, accept: string | undefined, signal?: AbortSignal) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = { "user-agent": options.userAgent, ...options.headers };
    if (accept) headers.accept = accept;
    try {
      const res = await fetch(url, { headers, signal: combined, redirect: "follow" });
      const body = Buffer.from(await res.arrayBuffer());
      return { url, status: res.status, headers: res.headers, body };
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) {
        throw new HttpError(`GET ${url} timed out after ${options.timeoutMs} ms`, url, undefined, {
          cause: err,
        });
      }
      throw new HttpError(`GET ${url} failed: ${(err as Error).message}`, url, undefined, {
        cause: err,
      });
    }
  }

  return {
    async get(path, opts = {}) {
      const url = /^https?:\/\//.test(path)
        ? path
        : new URL(path.replace(/^\//, ""), base).toString();
      for (let attempt = 1; ; attempt++) {
        await throttle(opts.signal);
        let failure: HttpError;
        let retryAfterMs: number | undefined;
        try {
          const res = await attemptOnce(url, opts.accept, opts.signal);
          if (res.status >= 200 && res.status < 300) return res;
          if (res.status === 429 || res.status >= 500) {
            retryAfterMs = parseRetryAfterMs(res.headers.get("retry-after"));
            failure = new HttpError(`GET ${url} answered ${res.status}`, url, res.status);
          } else {
            throw new HttpStatusError(`GET ${url} answered ${res.status}`, url, res.status);
          }
        } catch (err) {
          if (!(err instanceof HttpError)) throw err;
          failure = err;
        }
        if (attempt >= options.maxAttempts) throw failure;
        if (retryAfterMs !== undefined && retryAfterMs > options.maxRetryAfterMs) {
          throw new HttpError(
            `${failure.message}; Retry-After ${Math.round(retryAfterMs / 1000)} s is longer than we wait in one request`,
            url,
            failure.status,
          );
        }
        const delayMs =
          retryAfterMs ??
          computeBackoffMs(
            attempt,
            {
              initialIntervalMs: options.retryDelayMs,
              backoffCoefficient: 2,
              maxIntervalMs: options.maxRetryDelayMs,
            },
            options.random,
          );
        options.onRetry?.({ url, attempt, delayMs, reason: failure.message });
        await sleep(delayMs, opts.signal);
      }
    },
  };
}
