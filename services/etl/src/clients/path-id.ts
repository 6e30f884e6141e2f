import { NonRetryableError } from "@matchday/shared";

/**
 * An id as a path segment. Only non-negative safe integers pass, so a location built from ids
 * can neither escape a directory source (`..`) nor form a different URL. Anything else is a
 * caller bug, reported as non-retryable.
 */
export function pathId(value: number, what: string): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new NonRetryableError(`${what} must be a non-negative integer, got ${String(value)}`);
  }
  return String(value);
}
