import { readFile } from "node:fs/promises";
import path from "node:path";

import type { JsonTransport } from "./json-transport.js";
import { parseJsonText } from "./parse-response.js";
import { UpstreamNotFoundError } from "./upstream-not-found-error.js";

/**
 * A `JsonTransport` over recorded files: `get(location)` reads `<dir>/<location>.json`.
 * A missing file is `UpstreamNotFoundError` (the directory's 404). Locations come from the
 * sources' path builders, which accept only integer ids, so they never leave `dir`.
 */
export function createDirectoryJsonTransport(dir: string): JsonTransport {
  const root = path.resolve(dir);
  return {
    origin: root,
    async get(location, signal) {
      const file = path.join(root, `${location}.json`);
      return { json: await readJsonFile(file, signal), where: file };
    },
  };
}

/**
 * A recorded JSON file's parsed content. A missing file is `UpstreamNotFoundError` (a directory
 * source's 404); text that is not JSON fails as `parseJsonText` says.
 */
export async function readJsonFile(file: string, signal?: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, { encoding: "utf8", signal });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      throw new UpstreamNotFoundError(file, { cause: err });
    }
    throw err;
  }
  return parseJsonText(text, file);
}
