import type * as z from "zod";

import { NotJsonError, UpstreamDriftError } from "./upstream-drift-error.js";

/**
 * Checks an upstream value against its schema and returns the parsed value, or throws an
 * `UpstreamDriftError` that names every failing field by JSON path and `where` the value came
 * from (`GET <url>` or a file path). Call it before anything is written, so drift writes nothing.
 */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  json: unknown,
  where: string,
): z.output<S> {
  const result = schema.safeParse(json);
  if (!result.success) throw new UpstreamDriftError(where, result.error.issues);
  return result.data;
}

/** `JSON.parse` of a body or file, failing with a non-retryable `NotJsonError` naming `where`. */
export function parseJsonText(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new NotJsonError(where, { cause: err });
  }
}
