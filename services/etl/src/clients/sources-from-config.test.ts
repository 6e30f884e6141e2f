import { describe, expect, it } from "vitest";
import { EtlConfig } from "../config.js";
import { sofaSourceFromConfig } from "./sources-from-config.js";
import { startLocalHttpServer } from "./testing/local-http-server.js";

describe("sofaSourceFromConfig", () => {
  it("sources - the RapidAPI style sends the key and host headers and unwraps {data}", async () => {
    const server = await startLocalHttpServer(() => ({
      body: { data: { playerAttributeOverviews: [], averageAttributeOverviews: [] } },
    }));
    try {
      const config = EtlConfig.parse({
        SOFASCORE_API_URL: server.baseUrl,
        SOFASCORE_API_STYLE: "rapidapi",
        SOFASCORE_API_KEY: "secret-key",
      });
      const sofa = sofaSourceFromConfig(config);
      await expect(sofa.attributeOverviews(7)).resolves.toEqual({
        playerAttributeOverviews: [],
        averageAttributeOverviews: [],
      });
      expect(server.requests[0]!.url).toBe("/players/attribute-overviews?player_id=7");
      expect(server.requests[0]!.headers).toMatchObject({
        "x-rapidapi-key": "secret-key",
        "x-rapidapi-host": new URL(server.baseUrl).host,
      });
    } finally {
      await server.close();
    }
  });
});
