import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** What a test route answers; `body` objects are sent as JSON. */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One request the server saw, with the time it arrived (ms since epoch). */
export interface SeenRequest {
  url: string;
  headers: IncomingMessage["headers"];
  atMs: number;
}

/** A test server on 127.0.0.1 with a random port; `close()` when done. */
export interface LocalHttpServer {
  baseUrl: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Starts a node:http server on 127.0.0.1:0 for client tests. `answer(url, nth)` decides the
 * reply; `nth` counts earlier requests to the same URL (0 for the first), so a test can script
 * "429, then 200".
 */
export async function startLocalHttpServer(
  answer: (url: string, nth: number) => ScriptedAnswer,
): Promise<LocalHttpServer> {
  const requests: SeenRequest[] = [];
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    requests.push({ url, headers: req.headers, atMs: Date.now() });
    const nth = counts.get(url) ?? 0;
    counts.set(url, nth + 1);
    const { status = 200, headers = {}, body } = answer(url, nth);
    const text = typeof body === "string" ? body : JSON.stringify(body ?? null);
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      ),
  };
}
