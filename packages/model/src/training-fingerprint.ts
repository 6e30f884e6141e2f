import { createHash } from "node:crypto";

import type { PlayedMatch } from "./types.js";

/**
 * A stable SHA-256 (hex) of the training rows: kick-off, teams, goals and shot counts, in the
 * canonical order the fitter uses. Ids are left out, so the same matches under other ids give the
 * same fingerprint; any changed result gives another. Stored with each model version so that two
 * versions can be seen to share (or not) their training data.
 */
export function trainingFingerprint(rows: readonly PlayedMatch[]): string {
  const hash = createHash("sha256");
  for (const m of rows) {
    hash.update(
      [
        m.date.toISOString(),
        m.home,
        m.away,
        m.homeGoals,
        m.awayGoals,
        m.homeShots ?? "",
        m.awayShots ?? "",
        m.homeShotsOnTarget ?? "",
        m.awayShotsOnTarget ?? "",
      ].join("\u001f") + "\n",
    );
  }
  return hash.digest("hex");
}
