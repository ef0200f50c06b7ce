/**
 * Serves a built site at `/` on 127.0.0.1 and counts the bytes of every response body it sends.
 *
 * Counting at the server rather than in the page catches what Pagefind fetches from its web
 * worker too (page-level network events miss worker requests), and it is exact: no compression,
 * no cache headers, so every fetch the browser makes is one full response counted here. Pagefind's
 * index, filter, fragment, meta and wasm files are gzipped by Pagefind itself, so these are the
 * bytes a static host would send for them too.
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { contentTypeOf, HTML_TYPE } from "../../src/preview/content-types.ts";

/** An empty page to start from, served at this path whatever the site holds (no favicon request). */
export const BLANK_PATH = "/__briefbook-bench-blank.html";
const BLANK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body></body></html>`;

export interface Fetched {
  readonly path: string;
  readonly status: number;
  readonly bytes: number;
}

export interface CountingServer {
  readonly origin: string;
  /** Every response finished since the last `take()`, in finishing order; clears the list. */
  take(): Fetched[];
  /** Resolves once no response has been in flight for `quietMs`. */
  idle(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function serveCounting(root: string): Promise<CountingServer> {
  let fetched: Fetched[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();

  const server: Server = createServer((req, res) => {
    inFlight++;
    lastActivity = performance.now();
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const send = (status: number, type: string, body: Buffer | string) => {
      const bytes = Buffer.byteLength(body);
      res.on("close", () => {
        fetched.push({ path: urlPath, status, bytes });
        inFlight--;
        lastActivity = performance.now();
      });
      res.writeHead(status, { "content-type": type, "content-length": bytes, "cache-control": "no-store" }).end(body);
    };
    void (async () => {
      if (urlPath === BLANK_PATH) return send(200, HTML_TYPE, BLANK);
      let file = path.normalize(path.join(root, urlPath));
      if (!file.startsWith(path.normalize(root))) return send(403, "text/plain", "forbidden");
      try {
        if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
        send(200, contentTypeOf(file), await readFile(file));
      } catch {
        send(404, "text/plain", "not found");
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  return {
    origin,
    take() {
      const out = fetched;
      fetched = [];
      return out;
    },
    async idle(quietMs = 50) {
      while (inFlight > 0 || performance.now() - lastActivity < quietMs)
        await new Promise((resolve) => setTimeout(resolve, 10));
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
