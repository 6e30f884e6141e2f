/**
 * A cron expression the scheduler refuses: not 5 or 6 fields, a value out of range, a nickname
 * (`@daily`), or a pattern that never matches (`0 0 30 2 *`). The message names the expression;
 * croner's own error, when there is one, is the `cause`.
 */
export class InvalidCronError extends Error {
  override name = "InvalidCronError";
  constructor(
    readonly expression: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`invalid cron "${expression}": ${reason}`, options);
  }
}

/** One bad schedule entry: its id (or `#<index>` when it has none) and what is wrong with it. */
export interface ScheduleConfigIssue {
  id: string;
  message: string;
}

/**
 * The schedule configuration (defaults plus `MATCHDAY_SCHEDULES` overrides) cannot start: every
 * bad entry is listed at once, each by id, so an operator fixes the file in one pass.
 */
export class ScheduleConfigError extends Error {
  override name = "ScheduleConfigError";
  constructor(readonly issues: readonly ScheduleConfigIssue[]) {
    super(
      `invalid schedule configuration (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((i) => `  - ${i.id}: ${i.message}`).join("\n"),
    );
  }
}
