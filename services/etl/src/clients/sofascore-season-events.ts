import { NonRetryableError } from "@matchday/shared";

import type { SofaEvent, SofaEventsPage } from "./schemas/sofascore.js";
import type { SofaPageDirection } from "./sofascore-paths.js";
import { isUpstreamNotFound, type UpstreamNotFoundError } from "./upstream-not-found-error.js";

/** The one method this helper needs, so any source (or a test double) can be paged. */
export interface SofaEventsPager {
  eventsPage(
    seasonId: number,
    direction: SofaPageDirection,
    page: number,
    signal?: AbortSignal,
  ): Promise<SofaEventsPage>;
}

/**
 * Upper bound of pages per direction. A Premier League season is 380 events and SofaScore pages
 * hold about 30, so 13 pages suffice; an upstream that always says `hasNextPage: true` must not
 * loop forever.
 */
export const MAX_SEASON_EVENT_PAGES = 40;

/**
 * Every event of a season: pages `last/0, last/1, …` then `next/0, next/1, …`, each direction
 * until `hasNextPage` is false. SofaScore answers 404 for a direction with no events (`next`
 * once the season is over, `last` before it starts): that ends the direction. If neither
 * direction has a single page, the season id is wrong: `UpstreamNotFoundError`.
 *
 * An event seen twice (it kicked off while we paged) keeps its later copy. Events come back
 * sorted by kick-off, then id, so a re-run gives the same list.
 */
export async function collectSeasonEvents(
  source: SofaEventsPager,
  seasonId: number,
  options: { signal?: AbortSignal; maxPages?: number } = {},
): Promise<{ events: SofaEvent[]; pages: number }> {
  const maxPages = options.maxPages ?? MAX_SEASON_EVENT_PAGES;
  const byId = new Map<number, SofaEvent>();
  let pages = 0;
  let lastNotFound: UpstreamNotFoundError | undefined;
  for (const direction of ["last", "next"] as const) {
    for (let page = 0; ; page++) {
      if (page >= maxPages) {
        throw new NonRetryableError(
          `season ${seasonId} ${direction} events: still hasNextPage after ${maxPages} pages`,
        );
      }
      let result: SofaEventsPage;
      try {
        result = await source.eventsPage(seasonId, direction, page, options.signal);
      } catch (err) {
        if (!isUpstreamNotFound(err)) throw err;
        lastNotFound = err;
        break;
      }
      pages++;
      for (const event of result.events) byId.set(event.id, event);
      if (!result.hasNextPage) break;
    }
  }
  if (pages === 0 && lastNotFound) throw lastNotFound;
  const events = [...byId.values()].sort(
    (a, b) => a.startTimestamp - b.startTimestamp || a.id - b.id,
  );
  return { events, pages };
}
