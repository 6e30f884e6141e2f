import path from "node:path";
import type * as z from "zod";

import { readJsonFile } from "./directory-json-transport.js";
import { parseResponse } from "./parse-response.js";
import { PlayerMappingFile, TeamMappingFile } from "./schemas/mappings.js";

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
  return parseResponse(schema, await readJsonFile(file, signal), file) as z.output<S>;
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
