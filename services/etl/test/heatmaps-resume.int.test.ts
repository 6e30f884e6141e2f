import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import {
  collectHeatmaps,
  createPublisher,
  defineService,
  fixtureMappings,
  heatmaps,
  systemClock,
  taskRuns,
  type RunningService,
} from "@matchday/shared";
import {
  connectTestNats,
  createTestDatabase,
  testContext,
  waitFor,
  type TestDatabase,
  type TestNats,
  startTestService,
} from "@matchday/shared/testing";
import { createDirectoryFplSource } from "../src/clients/fpl.js";
import { createDirectorySofaSource, createHttpSofaSource } from "../src/clients/sofascore.js";
import type { ScriptedAnswer } from "../src/clients/testing/local-http-server.js";
import {
  createEtlHandlers,
  EtlConfig,
  etlService,
  etlSettingsFromConfig,
  type EtlDeps,
} from "../src/index.js";
import { handleUpdateFixtureMappings } from "../src/tasks/update-fixture-mappings.js";
import { handleUpdateLineups } from "../src/tasks/update-lineups.js";
import { expectedHeatmapPairs } from "./support/expected-heatmaps.js";
import {
  generateGameweeks,
  ETL_TEST_NOW,
  type GeneratedGameweek,
} from "./support/generated-gameweek.js";

/** Heatmap answers before SofaScore (the proxy's quota) says 429 for an hour. */
const ANSWERED_BEFORE_429 = 40;

let g: GeneratedGameweek;
let tdb: TestDatabase;
let n: TestNats;
let svc: RunningService;
let server: Server;
let heatmapAnswers = 0;
let throttled = false;
/** Per heatmap URL, the answers that carried data or a 404 (not the 429). */
const served = new Map<string, number>();

/** SofaScore over HTTP from the generated directory; one 429 "quota exhausted" mid-gameweek. */
async function answer(url: string): Promise<ScriptedAnswer> {
  const rel = decodeURIComponent(url.split("?")[0]!).replace(/^\/+/, "");
  const isHeatmap = rel.endsWith("/heatmap");
  if (isHeatmap && heatmapAnswers === ANSWERED_BEFORE_429 && !throttled) {
    throttled = true;
    return { status: 429, headers: { "retry-after": "3600" }, body: { message: "quota exceeded" } };
  }
  if (isHeatmap) {
    heatmapAnswers++;
    served.set(rel, (served.get(rel) ?? 0) + 1);
  }
  try {
    return { body: await readFile(path.join(g.sofaDir, `${rel}.json`), "utf8") };
  } catch {
    return { status: 404, body: { error: { code: 404, message: "Not Found" } } };
  }
}

beforeAll(async () => {
  g = generateGameweeks(1, 1, 11);
  tdb = await createTestDatabase();
  n = await connectTestNats();
  const config = EtlConfig.parse({
    ...g.env,
    MATCHDAY_NAMESPACE: n.topology.namespace,
    LOG_LEVEL: "silent",
  });
  const settings = etlSettingsFromConfig(config);
  const fpl = createDirectoryFplSource(g.fplDir);
  // Mappings and lineups come from the directory, straight through the handlers.
  const offline: EtlDeps = {
    db: tdb.database.db,
    fpl,
    sofa: createDirectorySofaSource(g.sofaDir),
    mappingsDir: () => g.mappingsDir,
    settings,
  };
  await handleUpdateFixtureMappings({}, testContext(ETL_TEST_NOW), offline);
  await handleUpdateLineups({ gameweek: 1 }, testContext(ETL_TEST_NOW), offline);

  // A local SofaScore (the shared test helper answers synchronously; this one reads files).
  server = createServer((req, res) => {
    void answer(req.url ?? "/").then(({ status = 200, headers = {}, body }) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(typeof body === "string" ? body : JSON.stringify(body ?? null));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const sofa = createHttpSofaSource({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    style: "api-v1",
    minIntervalMs: 0,
    maxAttempts: 2,
    retryDelayMs: 10,
    maxRetryAfterMs: 100,
  });
  const resumable = defineService({
    ...etlService,
    createHandlers: ({ database }) => createEtlHandlers({ ...offline, db: database.db, sofa }),
  });
  svc = await startTestService(resumable, {
    nats: n,
    database: tdb.database,
    env: g.env,
    clock: systemClock,
  });
}, 60_000);

afterAll(async () => {
  await svc?.stop(1_000);
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await n?.cleanup();
  await tdb?.cleanup();
  g?.cleanup();
});

describe("collect_heatmaps resumes", () => {
  it("collect_heatmaps - a 429 mid-gameweek fails the attempt retryably; the redelivery continues where it stopped: nothing twice, nothing missing", async () => {
    const mapped = await tdb.database.db.select().from(fixtureMappings);
    const expected = expectedHeatmapPairs(
      g,
      mapped.map((m) => m.sofaEventId),
    );
    expect(expected.length).toBeGreaterThan(ANSWERED_BEFORE_429 + 50);

    const { runId } = await createPublisher(n.js, n.topology).publish(collectHeatmaps, {
      gameweek: 1,
    });
    const runs = () =>
      tdb.database.db
        .select()
        .from(taskRuns)
        .where(eq(taskRuns.runId, runId))
        .orderBy(asc(taskRuns.attempt));
    const failed = await waitFor(async () => (await runs()).find((r) => r.status === "failed"), {
      timeoutMs: 30_000,
      what: "the first attempt to fail on the 429",
    });
    expect(failed.attempt).toBe(1);
    expect(failed.error).toMatch(/429/);
    // Nothing was recorded as missing for the throttled pair: only what was answered is stored.
    const between = await tdb.database.db.select().from(heatmaps);
    const requested = between.filter((r) => r.unavailableReason !== "event-without-heatmaps");
    expect(requested).toHaveLength(ANSWERED_BEFORE_429);

    // The runtime naks with backoff (~10 s); the redelivery resumes.
    const done = await waitFor(async () => (await runs()).find((r) => r.status === "succeeded"), {
      timeoutMs: 60_000,
      what: "the redelivered attempt to succeed",
    });
    expect(done.attempt).toBe(2);
    const result = done.result as { collected: number; unavailable: number; alreadyDone: number };
    expect(result.alreadyDone).toBe(between.length);
    expect(result.alreadyDone + result.collected + result.unavailable).toBe(expected.length);

    const rows = await tdb.database.db.select().from(heatmaps);
    expect(rows.map((r) => `${r.sofaEventId}:${r.sofaPlayerId}`).sort()).toEqual(expected);
    // Every heatmap was answered (data or 404) at most once: the restart skipped done pairs.
    expect([...served.values()].filter((count) => count > 1)).toEqual([]);
    expect(throttled).toBe(true);
  }, 90_000);
});
