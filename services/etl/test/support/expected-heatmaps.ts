import path from "node:path";
import type { FplBootstrap } from "../../src/clients/schemas/fpl.js";
import type { SofaLineups } from "../../src/clients/schemas/sofascore.js";
import { DEFAULT_QUALIFY_RULE, qualifyForHeatmap } from "../../src/domain/qualify.js";
import { TEST_SEASON, type GeneratedGameweek } from "./generated-gameweek.js";

/**
 * The (event, player) pairs whose heatmap `collect_heatmaps` must store for the generated
 * gameweek, read straight from the generated files: every player of a CONFIRMED lineup the old
 * system's rule qualifies (FPL season points from the bootstrap, via the mapping file).
 */
export function expectedHeatmapPairs(g: GeneratedGameweek, eventIds: readonly number[]): string[] {
  const bootstrap = g.readJson<FplBootstrap>(
    path.join("fpl", TEST_SEASON, "api", "bootstrap-static.json"),
  );
  const points = new Map(bootstrap.elements.map((e) => [e.id, e.total_points]));
  const mapping = g.readJson<Record<string, { fpl_id: number }>>(
    path.join("sofascore", "mappings", "player_mapping.json"),
  );
  const pairs: string[] = [];
  for (const eventId of eventIds) {
    const lineups = g.readJson<SofaLineups>(
      path.join("sofascore", "event", String(eventId), "lineups.json"),
    );
    if (!lineups.confirmed) continue;
    for (const p of [...lineups.home.players, ...lineups.away.players]) {
      const element = mapping[String(p.player.id)]?.fpl_id;
      const decision = qualifyForHeatmap(
        p,
        element === undefined ? undefined : points.get(element),
        DEFAULT_QUALIFY_RULE,
      );
      if (decision.qualifies) pairs.push(`${eventId}:${p.player.id}`);
    }
  }
  return pairs.sort();
}
