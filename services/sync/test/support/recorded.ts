import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sharedDataDir } from "@matchday/shared";

/** The recorded football-data directory (`<shared data>/football-data`). */
export function footballDataDir(): string {
  return path.join(sharedDataDir(), "football-data");
}

/** A recorded season file: league, season, path and the row count MANIFEST.json gives. */
export interface RecordedSeasonFile {
  league: string;
  season: string;
  file: string;
  rows: number;
}

/** Every recorded season file (82), oldest season first, with MANIFEST.json's row count. */
export function recordedSeasonFiles(): RecordedSeasonFile[] {
  const root = footballDataDir();
  const manifest = JSON.parse(
    readFileSync(path.join(sharedDataDir(), "MANIFEST.json"), "utf8"),
  ) as {
    files: { file: string; rows?: number }[];
  };
  const rows = new Map(manifest.files.map((f) => [f.file, f.rows]));
  return readdirSync(root)
    .filter((d) => /^\d{4}$/.test(d))
    .sort()
    .flatMap((season) =>
      readdirSync(path.join(root, season))
        .filter((f) => f.endsWith(".csv"))
        .sort()
        .map((f) => {
          const league = f.replace(/\.csv$/, "");
          const n = rows.get(`football-data/${season}/${f}`);
          if (n === undefined) throw new Error(`MANIFEST.json has no row count for ${season}/${f}`);
          return { league, season, file: path.join(root, season, f), rows: n };
        }),
    );
}

/** The bytes of a recorded file, by path relative to the football-data directory. */
export function readRecorded(relative: string): Buffer {
  return readFileSync(path.join(footballDataDir(), relative));
}
