/**
 * SofaScore's paged season lists (`events/last/<page>`, `events/next/<page>`) over the generated
 * events, so `update_fixture_mappings` pages through them (`hasNextPage`) exactly as against the
 * API. `last` holds the events that are no longer upcoming (finished, postponed, cancelled), newest
 * first; `next` the upcoming ones, soonest first. A direction without events has no page at all
 * (SofaScore's 404).
 */
import type { GeneratedSofaEvent } from "./sofa-event.js";

/** Events per page: SofaScore's pages hold about 30. */
export const SOFA_EVENTS_PAGE_SIZE = 30;

/** One page as SofaScore sends it. */
export interface SofaEventsPageJson {
  events: GeneratedSofaEvent[];
  hasNextPage: boolean;
}

function paginate(events: GeneratedSofaEvent[], size: number): SofaEventsPageJson[] {
  const pages: SofaEventsPageJson[] = [];
  for (let i = 0; i < events.length; i += size) {
    pages.push({ events: events.slice(i, i + size), hasNextPage: i + size < events.length });
  }
  return pages;
}

/** The `last` and `next` pages of a season's events (see the module comment). */
export function sofaEventPages(
  events: readonly GeneratedSofaEvent[],
  size = SOFA_EVENTS_PAGE_SIZE,
): { last: SofaEventsPageJson[]; next: SofaEventsPageJson[] } {
  const past = events
    .filter((e) => e.status.type !== "notstarted")
    .sort((a, b) => b.startTimestamp - a.startTimestamp || b.id - a.id);
  const upcoming = events
    .filter((e) => e.status.type === "notstarted")
    .sort((a, b) => a.startTimestamp - b.startTimestamp || a.id - b.id);
  return { last: paginate(past, size), next: paginate(upcoming, size) };
}
