import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDataDir } from "@matchday/shared";
import { footballDataSourceFromConfig } from "./source-from-config.js";

const tuning = { FOOTBALL_DATA_TIMEOUT_MS: 5_000, FOOTBALL_DATA_MIN_INTERVAL_MS: 0 };

describe("source from config", () => {
  it("source-from-config - the site root: season files under mmz4281/, fixtures.csv at the root", async () => {
    const csv = readFileSync(path.join(sharedDataDir(), "football-data/2324/E0.csv"));
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? "");
      res.writeHead(200, { "content-type": "text/csv" }).end(csv);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      // A mirror under a path, written without its trailing slash.
      const source = footballDataSourceFromConfig({
        ...tuning,
        FOOTBALL_DATA_URL: `http://127.0.0.1:${port}/mirror`,
        FOOTBALL_DATA_DIR: undefined,
      });
      expect(source.name).toBe(`http http://127.0.0.1:${port}/mirror/mmz4281/`);
      const season = await source.fetchSeason("E0", "2324");
      expect(season.body.equals(csv)).toBe(true);
      await source.fetchFixtures();
      expect(paths).toEqual(["/mirror/mmz4281/2324/E0.csv", "/mirror/fixtures.csv"]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("source-from-config - the default is the football-data.co.uk site; a directory when FOOTBALL_DATA_DIR is set", () => {
    const web = footballDataSourceFromConfig({
      ...tuning,
      FOOTBALL_DATA_URL: undefined,
      FOOTBALL_DATA_DIR: undefined,
    });
    expect(web.name).toBe("http https://www.football-data.co.uk/mmz4281/");
    const dir = footballDataSourceFromConfig({
      ...tuning,
      FOOTBALL_DATA_URL: undefined,
      FOOTBALL_DATA_DIR: "/tmp/fd",
    });
    expect(dir.name).toBe("dir /tmp/fd");
  });
});
