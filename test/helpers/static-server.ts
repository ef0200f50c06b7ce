/**
 * Serves a built site on 127.0.0.1 under a path prefix, as GitHub Pages would: directory URLs
 * get index.html, unknown paths the site's 404.html, and Pagefind's module and wasm the MIME
 * types browsers require.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, normalize } from "node:path";
import { contentTypeOf, HTML_TYPE } from "../../src/preview/content-types.ts";

export interface StaticSite {
  readonly origin: string;
  /** Absolute URL of a site path under the prefix: `url("/actors/")`. */
  url(path: string): string;
  close(): Promise<void>;
}

export async function serveSite(root: string, pathPrefix = "/"): Promise<StaticSite> {
  const server: Server = createServer((req, res) => void respond(req, res));
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!path.startsWith(pathPrefix)) {
      res.writeHead(404).end("outside the path prefix");
      return;
    }
    let file = normalize(join(root, path.slice(pathPrefix.length)));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": contentTypeOf(file) }).end(body);
    } catch {
      const notFound = await readFile(join(root, "404.html")).catch(() => Buffer.from("not found"));
      res.writeHead(404, { "content-type": HTML_TYPE }).end(notFound);
    }
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    origin,
    url: (p) => origin + pathPrefix + p.replace(/^\//, ""),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
