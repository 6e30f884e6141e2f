import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, mkdir, readFile, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError, isNonRetryable, sharedDataDir } from "@matchday/shared";
import { CsvFormatError } from "../domain/csv-format-error.js";
import {
  SeasonNotPublishedError,
  createDirectoryFootballDataSource,
  createHttpFootballDataSource,
} from "./football-data.js";

const recorded = path.join(sharedDataDir(), "football-data");
const FIXTURES = path.join(recorded, "fixtures", "fixtures_2026-03-31.csv");

/** Serves the recorded files byte for byte, with failure modes chosen by a path prefix. */
function startServer(): Promise<{
  server: Server;
  base: string;
  hits: Map<string, number>;
  agents: string[];
}> {
  const hits = new Map<string, number>();
  const agents: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      const count = (hits.get(url.pathname) ?? 0) + 1;
      hits.set(url.pathname, count);
      agents.push(req.headers["user-agent"] ?? "");
      const [, mode, ...rest] = url.pathname.split("/");
      if (mode === "flaky" && count === 1) return void res.writeHead(500).end("boom");
      if (mode === "html") {
        res.writeHead(200, { "content-type": "text/html" });
        return void res.end("<!DOCTYPE html><html><body>Please log in</body></html>");
      }
      if (mode === "slow") {
        await new Promise((r) => setTimeout(r, 1_000));
        if (res.destroyed) return;
      }
      const rel = rest.join("/");
      const file =
        rel === "fixtures.csv"
          ? FIXTURES
          : rel.startsWith("mmz4281/")
            ? path.join(recorded, rel.slice(8))
            : undefined;
      try {
        if (!file || !file.startsWith(recorded)) throw new Error("outside");
        const body = await readFile(file);
        res.writeHead(200, { "content-type": "text/csv" }).end(body);
      } catch {
        res.writeHead(404, { "content-type": "text/html" }).end("<html>404 Not Found</html>");
      }
    })();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}`, hits, agents });
    }),
  );
}

describe("HTTP football-data source", () => {
  let ctx: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    ctx = await startServer();
  });
  afterAll(() => new Promise<void>((r) => ctx.server.close(() => r())));

  const source = (
    mode: string,
    extra: Partial<Parameters<typeof createHttpFootballDataSource>[0]> = {},
  ) =>
    createHttpFootballDataSource({
      baseUrl: `${ctx.base}/${mode}/mmz4281/`,
      timeoutMs: 2_000,
      maxAttempts: 3,
      retryDelayMs: 10,
      maxRetryDelayMs: 20,
      minIntervalMs: 0,
      userAgent: "matchday-test/1",
      ...extra,
    });

  it("football-data - 200: returns the recorded bytes unchanged, with a User-Agent", async () => {
    const got = await source("ok").fetchSeason("E0", "2324");
    const expected = await readFile(path.join(recorded, "2324", "E0.csv"));
    expect(got.body.equals(expected)).toBe(true);
    expect(got.origin).toBe(`${ctx.base}/ok/mmz4281/2324/E0.csv`);
    expect(ctx.agents).toContain("matchday-test/1");
    const fixtures = await source("ok").fetchFixtures();
    expect(fixtures.body.equals(await readFile(FIXTURES))).toBe(true);
    expect(fixtures.origin).toBe(`${ctx.base}/ok/fixtures.csv`);
  });

  it("football-data - 404: a clear non-retryable 'not published' error, asked once", async () => {
    const err = await source("ok")
      .fetchSeason("E0", "2526")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeasonNotPublishedError);
    expect(isNonRetryable(err)).toBe(true);
    expect(String((err as Error).message)).toBe(
      `season 2526 of E0 is not published at ${ctx.base}/ok/mmz4281/2526/E0.csv`,
    );
    expect(ctx.hits.get("/ok/mmz4281/2526/E0.csv")).toBe(1);
  });

  it("football-data - a 500 then a 200: retried, succeeds", async () => {
    const retries: string[] = [];
    const got = await source("flaky", { onRetry: (i) => retries.push(i.reason) }).fetchSeason(
      "SP1",
      "1920",
    );
    expect(got.body.equals(await readFile(path.join(recorded, "1920", "SP1.csv")))).toBe(true);
    expect(ctx.hits.get("/flaky/mmz4281/1920/SP1.csv")).toBe(2);
    expect(retries).toEqual([expect.stringMatching(/answered 500/)]);
  });

  it("football-data - an HTML body is a non-retryable CsvFormatError", async () => {
    const err = await source("html")
      .fetchSeason("E0", "2324")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvFormatError);
    expect(isNonRetryable(err)).toBe(true);
    expect(String((err as Error).message)).toMatch(
      /html\/mmz4281\/2324\/E0\.csv: the body is an HTML page, not CSV/,
    );
    expect(ctx.hits.get("/html/mmz4281/2324/E0.csv")).toBe(1);
  });

  it("football-data - a server slower than the timeout: timed out, retried, then a retryable error", async () => {
    const err = await source("slow", { timeoutMs: 100, maxAttempts: 2 })
      .fetchSeason("D1", "2324")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(isNonRetryable(err)).toBe(false);
    expect(String((err as Error).message)).toMatch(/timed out after 100 ms/);
    expect(ctx.hits.get("/slow/mmz4281/2324/D1.csv")).toBe(2);
  });

  it("football-data - refuses bad league or season codes before any request", async () => {
    await expect(source("ok").fetchSeason("../E0", "2324")).rejects.toThrow(/invalid league code/);
    await expect(source("ok").fetchSeason("E0", "2325")).rejects.toThrow(/invalid season code/);
  });
});

describe("directory football-data source", () => {
  it("football-data - reads <dir>/<season>/<league>.csv and the newest fixtures file", async () => {
    const src = createDirectoryFootballDataSource(recorded);
    const got = await src.fetchSeason("I1", "1213");
    expect(got.body.equals(await readFile(path.join(recorded, "1213", "I1.csv")))).toBe(true);
    expect(got.origin).toBe(path.join(recorded, "1213", "I1.csv"));
    expect((await src.fetchFixtures()).origin).toBe(FIXTURES);
  });

  it("football-data - a missing season file is non-retryable and names the path", async () => {
    const err = await createDirectoryFootballDataSource(recorded)
      .fetchSeason("E1", "1112")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeasonNotPublishedError);
    expect(isNonRetryable(err)).toBe(true);
    expect(String((err as Error).message)).toMatch(
      /season 1112 of E1 is not available: no file .*1112\/E1\.csv/,
    );
  });

  it("football-data - prefers <dir>/fixtures.csv, rejects a non-CSV file, fails without fixtures", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "fd-dir-"));
    try {
      await expect(createDirectoryFootballDataSource(dir).fetchFixtures()).rejects.toBeInstanceOf(
        SeasonNotPublishedError,
      );
      await mkdir(path.join(dir, "fixtures"));
      await writeFile(
        path.join(dir, "fixtures", "fixtures_2026-01-01.csv"),
        "Div,Date,HomeTeam,AwayTeam\r\n",
      );
      await writeFile(
        path.join(dir, "fixtures", "fixtures_2026-02-01.csv"),
        "Div,Date,HomeTeam,AwayTeam\r\n",
      );
      expect((await createDirectoryFootballDataSource(dir).fetchFixtures()).origin).toMatch(
        /2026-02-01/,
      );
      await writeFile(path.join(dir, "fixtures.csv"), "Div,Date,HomeTeam,AwayTeam\r\n");
      expect((await createDirectoryFootballDataSource(dir).fetchFixtures()).origin).toBe(
        path.join(dir, "fixtures.csv"),
      );
      await mkdir(path.join(dir, "2324"));
      await writeFile(path.join(dir, "2324", "E0.csv"), "<html>oops</html>");
      await expect(
        createDirectoryFootballDataSource(dir).fetchSeason("E0", "2324"),
      ).rejects.toBeInstanceOf(CsvFormatError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
