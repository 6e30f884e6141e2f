/** Splits `items` into consecutive slices of at most `size` items (the last one may be shorter). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be >= 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One multi-row statement a file apply has just executed. */
export interface WrittenBatch {
  /** The table written (`matches`, `odds`, …). */
  table: string;
  /** Rows in this statement. */
  rows: number;
  /** 1-based count of write statements so far in this apply. */
  index: number;
}

/** Options every apply function takes: cancellation, and a hook after each write statement. */
export interface ApplyOptions {
  /** Checked before every write statement: an abort rolls the whole file back. */
  signal?: AbortSignal | undefined;
  /**
   * Called after each write statement, inside the transaction. Throwing from it rolls the file back:
   * the fault-injection point of the "half-way failure leaves the tables as they were" tests.
   */
  onBatchWritten?: ((batch: WrittenBatch) => void | Promise<void>) | undefined;
}

/** Runs write statements of one apply, counting them, checking the signal and calling the hook. */
export interface BatchRunner {
  run<T>(table: string, rows: number, write: () => Promise<T>): Promise<T>;
  /** Write statements executed so far. */
  readonly count: number;
}

export function createBatchRunner(options: ApplyOptions = {}): BatchRunner {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async run(table, rows, write) {
      options.signal?.throwIfAborted();
      const result = await write();
      count += 1;
      await options.onBatchWritten?.({ table, rows, index: count });
      return result;
    },
  };
}
