import { NonRetryableError } from "@matchday/shared";

/**
 * A football-data file that cannot be used at all: an HTML page or other non-CSV body, or a header
 * without the key columns. Nothing from such a file is written, and no retry helps (the same URL
 * serves the same body), hence non-retryable.
 */
export class CsvFormatError extends NonRetryableError {
  override name = "CsvFormatError";
  constructor(
    /** Where the bytes came from (a URL or a path). */
    readonly file: string,
    /** What is wrong, without the file name. */
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}`, options);
  }
}
