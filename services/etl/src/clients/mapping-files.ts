import { readFile } from "node:fs/promises";
import path from "node:path";
import type * as z from "zod";

import { parseJsonText, parseResponse } from "./parse-response.js";
import { PlayerMappingFile, TeamMappingFile } from "./schemas/mappings.js";
import { UpstreamNotFoundError } from "./upstream-not-found-error.js";

/** Both id mapping files of a season. */
export interface MappingFiles {
  teamMapping: TeamMappingFile;
  playerMapping: PlayerMappingFile;
}

async function readMapping<S extends typeof TeamMappingFile | typeof PlayerMappingFile>(
  schema: S,
  file: string,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, { encoding: "utf8", signal });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      throw new UpstreamNotFoundError(file, { cause: err });
    }
    throw err;
  }
  return parseResponse(schema, parseJsonText(text, file), file) as z.output<S>;
}

/**
 * Reads `<dir>/team_mapping.json` and `<dir>/player_mapping.json`, each checked with its schema
 * (a malformed file is `UpstreamDriftError` naming it; a missing one `UpstreamNotFoundError`).
 */
export async function loadMappingFiles(dir: string, signal?: AbortSignal): Promise<MappingFiles> {
  const [teamMapping, playerMapping] = await Promise.all([
    readMapping(TeamMappingFile, path.join(dir, "team_mapping.json"), signal),
    readMapping(PlayerMappingFile, path.join(dir, "player_mapping.json"), signal),
  ]);
  return { teamMapping, playerMapping };
}
