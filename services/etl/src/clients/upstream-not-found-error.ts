import { NonRetryableError } from "@matchday/shared";

/**
 * The upstream has no such resource: an HTTP 404, or a missing file in a directory source.
 * Non-retryable (the id or season is wrong, or the upstream never had it). Callers for which
 * "absent" is a normal answer (heatmaps of unused players) catch it with `isUpstreamNotFound`.
 */
export class UpstreamNotFoundError extends NonRetryableError {
  override name = "UpstreamNotFoundError";
  constructor(
    /** `GET <url>` or the file path that was looked for. */
    readonly where: string,
    options?: { cause?: unknown },
  ) {
    super(`not found: ${where} (404 or missing file; check the id and the season)`, options);
  }
}

/** True when `err` says the resource does not exist upstream (as opposed to a failed request). */
export function isUpstreamNotFound(err: unknown): err is UpstreamNotFoundError {
  return err instanceof UpstreamNotFoundError;
}
