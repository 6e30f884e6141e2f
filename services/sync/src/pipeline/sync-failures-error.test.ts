import { describe, expect, it } from "vitest";
import { HttpError, isNonRetryable, NonRetryableError } from "@matchday/shared";
import { SyncFailuresError } from "./sync-failures-error.js";

describe("sync failures", () => {
  it("sync-failures - permanent only when every failure is; the message lists each one", () => {
    const notPublished = new NonRetryableError("season 2526 of E0 is not published");
    const flaky = new HttpError("503 Service Unavailable", "http://x/E1.csv", 503);
    const allPermanent = new SyncFailuresError([{ file: "E0 2526", error: notPublished }], 5);
    expect(isNonRetryable(allPermanent)).toBe(true);
    expect(allPermanent.message).toBe(
      "1 of 6 files failed (5 applied and committed): E0 2526: NonRetryableError: season 2526 of E0 is not published",
    );
    const mixed = new SyncFailuresError(
      [
        { file: "E0 2526", error: notPublished },
        { file: "E1 2526", error: flaky },
      ],
      4,
    );
    expect(isNonRetryable(mixed)).toBe(false);
    expect(mixed.message).toMatch(/^2 of 6 files failed .*E0 2526: .*; E1 2526: HttpError: 503/);
  });
});
