/** A JSON value together with where it came from, for error messages (`GET <url>` or a path). */
export interface JsonDocument {
  json: unknown;
  where: string;
}

/**
 * Fetches one JSON document by a relative location (`bootstrap-static`, `event/123/lineups`, or
 * a query path for the RapidAPI proxy). Implemented over HTTP and over a directory, so a source
 * is written once for both. Throws `UpstreamNotFoundError` for 404/missing, `NotJsonError` for a
 * body that is not JSON, and the HTTP client's errors for the rest.
 */
export interface JsonTransport {
  /** The base URL or directory, for logs. */
  readonly origin: string;
  get(location: string, signal?: AbortSignal): Promise<JsonDocument>;
}
