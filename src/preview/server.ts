/**
 * The live preview (`npm start`): a small HTTP server that renders each page when a browser asks
 * for it, from the site model it keeps in memory, the way Vite or Hugo's server work.
 *
 *   content edit ─watch (50 ms)─▶ re-read that file ─▶ validate ─▶ model (cached Markdown)
 *     ─▶ pages that changed reload in the browser ─▶ (later, in the background) search index
 *
 * Nothing is written per edit except the search index, which follows in the background. A content
 * error is printed, shown in the open pages, and the last good site stays served.
 *
 * This file starts and stops the parts and wires them together: `routes.ts` answers requests,
 * `rebuild-queue.ts` turns edits into one rebuild at a time, `announce.ts` tells the terminal and
 * the open pages what a rebuild did, `watch-tree.ts` reports edits.
 */
import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { PUBLIC_DIR } from "../repository.ts";
import { Announcer } from "./announce.ts";
import { LiveReload } from "./live-reload.ts";
import { RebuildQueue } from "./rebuild-queue.ts";
import { respond, type Routes } from "./routes.ts";
import { PreviewSearchIndex } from "./search-index.ts";
import { PreviewSite, type PreviewOptions, type Rebuild } from "./site.ts";
import { watchTree } from "./watch-tree.ts";

export interface ServeOptions extends PreviewOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Interface to listen on; `localhost` unless told otherwise (drafts are not for the whole network). */
  readonly host?: string;
  /** Keep a Pagefind index of the preview (default true). */
  readonly search?: boolean;
  /** How long edits must pause before a rebuild (ms); editors often write a file in several steps. */
  readonly debounce?: number;
  /** How long the site must settle before the search index is rebuilt (ms). */
  readonly searchDelay?: number;
  /** One line per event; `console.log` by default. */
  readonly log?: (line: string) => void;
  /** The content report, when there are problems; `console.error` by default. */
  readonly report?: (text: string) => void;
}

export interface PreviewServer {
  /** The site's address, path prefix included: `http://localhost:8080/`. */
  readonly url: string;
  readonly site: PreviewSite;
  /** Resolves with the next rebuild after a content edit. */
  nextRebuild(): Promise<Rebuild>;
  /** Resolves when the search index has caught up with the site. */
  searchIdle(): Promise<void>;
  close(): Promise<void>;
}

export async function startPreview(opts: ServeOptions): Promise<PreviewServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const report = opts.report ?? ((text: string) => console.error(text));
  const cacheDir = path.resolve(opts.cacheDir);
  await mkdir(cacheDir, { recursive: true });
  const site = new PreviewSite(opts);
  const search = opts.search === false ? undefined : searchIndexOf(opts, cacheDir, log);
  const routes: Routes = { site, search, live: new LiveReload(), prefix: opts.pathPrefix };
  const announcer = new Announcer({ ...routes, contentDir: opts.contentDir, log, report });
  const queue = new RebuildQueue(site, announcer, opts.debounce);

  // Watching starts first, so that nothing saved while the content is first read is missed.
  const watchFailed = (e: Error) => log(`watching for edits failed: ${e.message}`);
  const watchers = [
    await watchTree(opts.contentDir, (rel) => queue.contentChanged(rel), watchFailed),
    await watchTree(PUBLIC_DIR, () => queue.styleChanged(), watchFailed),
  ];
  await queue.first(opts.contentDir);

  const server = createServer((req, res) => {
    respond(routes, req, res).catch((e: unknown) => {
      log(`request ${req.url} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  try {
    await listen(server, opts.port, opts.host ?? "localhost");
  } catch (e) {
    await Promise.all(watchers.map((w) => w.close()));
    await search?.close();
    throw e;
  }

  return {
    url: urlOf(server, opts),
    site,
    nextRebuild: () => announcer.nextRebuild(),
    searchIdle: () => search?.idle() ?? Promise.resolve(),
    async close() {
      await Promise.all(watchers.map((w) => w.close()));
      routes.live.close();
      await queue.close();
      await search?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function searchIndexOf(opts: ServeOptions, cacheDir: string, log: (line: string) => void): PreviewSearchIndex {
  return new PreviewSearchIndex({
    dir: cacheDir,
    contentDir: opts.contentDir,
    pathPrefix: opts.pathPrefix,
    includeDrafts: opts.includeDrafts,
    log,
    ...(opts.searchDelay ? { delay: opts.searchDelay } : {}),
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
}

/** The site's address, path prefix included; `localhost` when listening on every interface. */
function urlOf(server: Server, opts: ServeOptions): string {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  const host = opts.host && !["0.0.0.0", "::"].includes(opts.host) ? opts.host : "localhost";
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}${opts.pathPrefix}`;
}
