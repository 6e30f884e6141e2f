import type { SyncResult } from "@matchday/shared";

/** What one applied season file contributes to a task's result. */
export interface FileOutcome {
  counts: SyncResult["files"][number];
  /** Matches whose result is new or different. */
  changedResultMatchIds: readonly number[];
  /** Names that created teams. */
  createdTeams: readonly string[];
}

/** What the fixtures file contributes. */
export interface FixturesOutcome {
  counts: NonNullable<SyncResult["fixtures"]>;
  createdTeams: readonly string[];
}

/**
 * The result a sync task returns and its completion event carries: per-file counts, totals over the
 * season files (fixtures are counted apart, in `fixtures`), the ids (as strings, ascending, each
 * once) of matches whose result is new or changed, and the names that created teams in this run
 * (sorted, each once): no alias knew them, so an operator may want to check them.
 */
export function summarizeSync(
  files: readonly FileOutcome[],
  fixtures?: FixturesOutcome,
): SyncResult {
  const total = (key: "inserted" | "updated" | "unchanged" | "rejected") =>
    files.reduce((sum, f) => sum + f.counts[key], 0);
  const changed = new Set(files.flatMap((f) => f.changedResultMatchIds));
  const created = new Set([
    ...files.flatMap((f) => f.createdTeams),
    ...(fixtures?.createdTeams ?? []),
  ]);
  return {
    files: files.map((f) => ({ ...f.counts })),
    inserted: total("inserted"),
    updated: total("updated"),
    unchanged: total("unchanged"),
    rejected: total("rejected"),
    changedResultMatchIds: [...changed].sort((a, b) => a - b).map(String),
    unknownTeams: [...created].sort(),
    ...(fixtures ? { fixtures: { ...fixtures.counts } } : {}),
  };
}
