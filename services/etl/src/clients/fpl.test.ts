import { readFileSync } from "node:fs";
import path from "node:path";

import { HttpError, HttpStatusError, isNonRetryable, sharedDataDir } from "@matchday/shared";
import { afterEach, describe, expect, it } from "vitest";

import { createDirectoryFplSource, createHttpFplSource } from "./fpl.js";
import { fplSeasonOf } from "./season.js";
import {
  startLocalHttpServer,
  type LocalHttpServer,
  type ScriptedAnswer,
} from "./testing/local-http-server.js";
import { UpstreamDriftError } from "./upstream-drift-error.js";
import { UpstreamNotFoundError } from "./upstream-not-found-error.js";

const fplDir = path.join(sharedDataDir(), "fpl");
const recorded = (relative: string): unknown =>
  JSON.parse(readFileSync(path.join(fplDir, relative), "utf8"));

/** Fast retries for tests; the 429 test relies on Retry-After, not on these. */
const fast = {
  retryDelayMs: 10,
  maxRetryDelayMs: 20,
  minIntervalMs: 0,
  timeoutMs: 5_000,
  maxAttempts: 3,
};

let server: LocalHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(answer: (url: string, nth: number) => ScriptedAnswer) {
  server = await startLocalHttpServer(answer);
  return server;
}

describe("fpl directory source - real recordings", () => {
  it("reads the 2022-23 bootstrap, fixtures and gameweek 1 live points", async () => {
    const source = createDirectoryFplSource(path.join(fplDir, "2022-23/api"));
    const bootstrap = await source.bootstrap();
    expect(bootstrap.teams).toHaveLength(20);
    expect(fplSeasonOf(bootstrap)).toBe("2022-23");
    const fixtures = await source.fixtures();
    expect(fixtures).toHaveLength(380);
    expect(new Set(fixtures.map((f) => f.id)).size).toBe(380);
    const live = await source.eventLive(1);
    expect(live.elements.length).toBeGreaterThan(500);
  });

  it("reads a 2023-24 element summary (Haaland, 355)", async () => {
    const summary = await createDirectoryFplSource(path.join(fplDir, "2023-24/api")).elementSummary(
      355,
    );
    expect(summary.history.every((h) => h.element === 355)).toBe(true);
    expect(summary.history_past.some((p) => p.season_name === "2022/23")).toBe(true);
  });

  it("tags every capture with the season its gameweeks say", async () => {
    for (const season of ["2022-23", "2023-24", "2026-27"]) {
      const bootstrap = await createDirectoryFplSource(
        path.join(fplDir, season, "api"),
      ).bootstrap();
      expect(fplSeasonOf(bootstrap)).toBe(season);
    }
  });

  it("reports a missing file as not found, non-retryable, naming the file", async () => {
    const source = createDirectoryFplSource(path.join(fplDir, "2022-23/api"));
    const err = await source.elementSummary(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamNotFoundError);
    expect(isNonRetryable(err)).toBe(true);
    expect((err as Error).message).toContain(
      path.join("2022-23", "api", "element-summary", "1.json"),
    );
  });

  it("refuses ids that are not non-negative integers", async () => {
    const source = createDirectoryFplSource(path.join(fplDir, "2022-23/api"));
    await expect(source.eventLive(-1)).rejects.toThrow(
      "FPL gameweek must be a non-negative integer",
    );
    await expect(source.elementSummary(1.5)).rejects.toThrow("FPL element id");
  });
});

describe("fpl http source - local server", () => {
  it("GETs FPL's paths with a trailing slash and parses the answer", async () => {
    const fixtures = recorded("2026-27/api/fixtures.json");
    const s = await serve((url) =>
      url === "/api/fixtures/" ? { body: fixtures } : { status: 404, body: {} },
    );
    const source = createHttpFplSource({ baseUrl: `${s.baseUrl}api`, ...fast });
    expect(await source.fixtures()).toHaveLength(380);
    expect(s.requests.map((r) => r.url)).toEqual(["/api/fixtures/"]);
    expect(s.requests[0]?.headers["user-agent"]).toMatch(/^matchday-etl/);
  });

  it("reports 404 at once as not found, non-retryable, with the URL", async () => {
    const s = await serve(() => ({ status: 404, body: { detail: "Not found." } }));
    const source = createHttpFplSource({ baseUrl: s.baseUrl, ...fast });
    const err = await source.elementSummary(9999).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamNotFoundError);
    expect(isNonRetryable(err)).toBe(true);
    expect((err as Error).message).toContain(`GET ${s.baseUrl}element-summary/9999/`);
    expect(s.requests).toHaveLength(1);
  });

  it("reports 403 at once as refused access, non-retryable", async () => {
    const s = await serve(() => ({ status: 403, body: "<html>blocked</html>" }));
    const source = createHttpFplSource({ baseUrl: s.baseUrl, ...fast });
    const err = await source.bootstrap().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpStatusError);
    expect((err as HttpStatusError).status).toBe(403);
    expect((err as Error).message).toContain("answered 403: access refused");
    expect(isNonRetryable(err)).toBe(true);
    expect(s.requests).toHaveLength(1);
  });

  it("waits out a 429 with Retry-After: 1, then succeeds", async () => {
    const live = recorded("2022-23/api/event/1/live.json");
    const s = await serve((_url, nth) =>
      nth === 0 ? { status: 429, headers: { "retry-after": "1" }, body: {} } : { body: live },
    );
    const retries: number[] = [];
    const source = createHttpFplSource({
      baseUrl: s.baseUrl,
      ...fast,
      onRetry: (info) => retries.push(info.delayMs),
    });
    const started = Date.now();
    const result = await source.eventLive(1);
    const elapsedMs = Date.now() - started;
    expect(result.elements.length).toBeGreaterThan(500);
    expect(retries).toEqual([1000]);
    expect(s.requests).toHaveLength(2);
    const [first, second] = s.requests;
    expect(second!.atMs - first!.atMs).toBeGreaterThanOrEqual(990);
    expect(elapsedMs).toBeGreaterThanOrEqual(990);
  });

  it("retries a 500, then succeeds", async () => {
    const bootstrap = recorded("2022-23/api/bootstrap-static.json");
    const s = await serve((_url, nth) =>
      nth === 0 ? { status: 500, body: {} } : { body: bootstrap },
    );
    const source = createHttpFplSource({ baseUrl: s.baseUrl, ...fast });
    expect((await source.bootstrap()).teams).toHaveLength(20);
    expect(s.requests).toHaveLength(2);
  });

  it("gives up retryably after the last 503", async () => {
    const s = await serve(() => ({ status: 503, body: {} }));
    const source = createHttpFplSource({ baseUrl: s.baseUrl, ...fast });
    const err = await source.bootstrap().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(isNonRetryable(err)).toBe(false);
    expect(s.requests).toHaveLength(fast.maxAttempts);
  });

  it("reports a drifted answer precisely (field, path, URL) and returns nothing", async () => {
    const fixtures = recorded("2026-27/api/fixtures.json") as Record<string, unknown>[];
    const drifted = fixtures.map((f, i) => (i === 7 ? { ...f, kickoff_time: 1787338800 } : f));
    const s = await serve(() => ({ body: drifted }));
    const source = createHttpFplSource({ baseUrl: s.baseUrl, ...fast });
    const written: unknown[] = [];
    const err = await source
      .fixtures()
      .then((rows) => written.push(...rows))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamDriftError);
    expect((err as Error).message).toBe(
      `drift in GET ${s.baseUrl}fixtures/: [7].kickoff_time: expected string, received number`,
    );
    expect(written).toEqual([]);
    expect(s.requests).toHaveLength(1);
  });

  it("reports an HTML answer as not JSON", async () => {
    const s = await serve(() => ({
      body: "<!DOCTYPE html><title>The game is being updated</title>",
    }));
    const source = createHttpFplSource({ baseUrl: s.baseUrl, ...fast });
    await expect(source.bootstrap()).rejects.toThrow(
      `drift in GET ${s.baseUrl}bootstrap-static/: the body is not JSON`,
    );
  });
});
