import { describeError, isNonRetryable } from "@matchday/shared";

/** One file a multi-file sync could not apply. */
export interface SyncFailure {
  /** `E0 2324`, or `fixtures`. */
  file: string;
  error: unknown;
}

/**
 * Some files of a multi-file sync failed after the others were applied (each file commits on its
 * own). It lists every failure in its message. It is non-retryable only when every failure is (all
 * 404s, say): then no retry can help and the task is dead-lettered at once with the list; otherwise
 * the runtime retries the task, and the retry costs little because the files already applied come
 * back unchanged.
 */
export class SyncFailuresError extends Error {
  override name = "SyncFailuresError";
  readonly nonRetryable: boolean;
  constructor(
    readonly failures: readonly SyncFailure[],
    /** Files applied before the task failed. */
    readonly appliedFiles: number,
  ) {
    super(
      `${failures.length} of ${failures.length + appliedFiles} files failed (${appliedFiles} applied and committed): ` +
        failures.map((f) => `${f.file}: ${describeError(f.error)}`).join("; "),
    );
    this.nonRetryable = failures.every((f) => isNonRetryable(f.error));
  }
}
