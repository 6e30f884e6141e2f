import * as z from "zod";

/**
 * The errors the task runtime understands. A handler throws `NonRetryableError` for failures that
 * another attempt cannot fix (404, unknown id, schema drift): the message is dead-lettered at once.
 * Anything else is retried with backoff until the task's attempt budget is spent.
 */
export class NonRetryableError extends Error {
  override name = "NonRetryableError";
  readonly nonRetryable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The task ran past its time limit (`timeoutMs`); retried per the task's policy. */
export class TaskTimeoutError extends Error {
  override name = "TaskTimeoutError";
  constructor(
    readonly task: string,
    readonly timeoutMs: number,
  ) {
    super(`task ${task} exceeded its time limit of ${timeoutMs} ms`);
  }
}

/** A payload that is not valid JSON or that the task's schema refuses. Never retried. */
export class PayloadValidationError extends NonRetryableError {
  override name = "PayloadValidationError";
}

/** True for errors that must not be retried (also recognises `{ nonRetryable: true }` duck-typed). */
export function isNonRetryable(err: unknown): boolean {
  return (
    err instanceof NonRetryableError ||
    (typeof err === "object" &&
      err !== null &&
      (err as { nonRetryable?: unknown }).nonRetryable === true)
  );
}

/** A one-line description of any thrown value, for run records and DLQ headers. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
    return `${err.name}: ${err.message}${cause}`;
  }
  return String(err);
}

/** A schema failure as one line (for dead-letter headers, run records and log lines). */
export function zodErrorLine(error: z.ZodError): string {
  return z.prettifyError(error).replace(/\n/g, "; ");
}
