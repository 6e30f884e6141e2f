/** How often and how patiently a task (or an HTTP call) is retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included. 1 = never retried. */
  maxAttempts: number;
  /** Delay before the second attempt. */
  initialIntervalMs: number;
  /** Each further delay is the previous one times this. */
  backoffCoefficient: number;
  /** No delay grows past this. */
  maxIntervalMs: number;
}

/**
 * The delay before the next attempt, after `attempt` (1-based) failed: exponential, capped, with
 * "equal jitter" (a uniformly random value in [½·d, d]) so that many failures do not retry in step.
 * `random` is injectable for tests.
 */
export function computeBackoffMs(
  attempt: number,
  policy: Pick<RetryPolicy, "initialIntervalMs" | "backoffCoefficient" | "maxIntervalMs">,
  random: () => number = Math.random,
): number {
  const exp = policy.initialIntervalMs * policy.backoffCoefficient ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxIntervalMs, exp);
  return Math.round(capped / 2 + (capped / 2) * random());
}
