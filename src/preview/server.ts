/**
 * The live preview (`npm start`): a small HTTP server that renders each page when a browser asks
 * for it, from the site model it keeps in memory, the way Vite or Hugo's server work.
 *
 *   content edit ─watch (50 ms)─▶ re-read that file ─▶ validate ─▶ model (cached Markdown)
 *     ─▶ pages that changed reload in the browser ─▶ (later, in the background) search index
 *
 * Nothing is written per edit except the search index, which follows in the background. A content
 * error is printed, shown in the open pages, and the last good site stays served.
 */
import { mkdir, readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { formatReport } from "../diagnostics/format.ts";
import { escapeHtml } from "../text/escape.ts";
import { notFoundPath } from "../model/urls.ts";
import type { Page } from "../render/pages.ts";
import { PUBLIC_DIR } from "../pipeline.ts";
import { contentTypeOf, HTML_TYPE } from "./content-types.ts";
import { EVENTS_PATH, LiveReload, versionOf, withLiveReload } from "./live-reload.ts";
import { PreviewSearchIndex } from "./search-index.ts";
import { PreviewSite, type PreviewOptions, type Rebuild } from "./site.ts";
import { watchTree } from "./watch-tree.ts";
import { forTerminal } from "../text/escape.ts";

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

/** What the preview answers for a site path. */
type Answer =
  | { readonly kind: "html"; readonly status: number; readonly html: string; readonly page?: Page }
  | { readonly kind: "body"; readonly status: number; readonly type: string; readonly body: string | Buffer }
  | { readonly kind: "redirect"; readonly to: string };

export async function startPreview(opts: ServeOptions): Promise<PreviewServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const report = opts.report ?? ((text: string) => console.error(text));
  const prefix = opts.pathPrefix;
  const cacheDir = path.resolve(opts.cacheDir);
  await mkdir(cacheDir, { recursive: true });
  const site = new PreviewSite(opts, path.join(cacheDir, "scratch"));
  const live = new LiveReload();
  const search =
    opts.search === false
      ? undefined
      : new PreviewSearchIndex({
          dir: cacheDir,
          contentDir: opts.contentDir,
          pathPrefix: prefix,
          includeDrafts: opts.includeDrafts,
          log,
          ...(opts.searchDelay ? { delay: opts.searchDelay } : {}),
        });
  const waiting: Array<(r: Rebuild) => void> = [];

  /** The HTML shown while the content has never been valid: the problems, reloading once fixed. */
  const problemsPage = () =>
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Content errors · Briefbook preview</title></head>` +
    `<body><h1>The content has errors</h1><p>Fix them and save; this page reloads by itself.</p>` +
    `<pre>${escapeHtml(formatReport(site.problems))}</pre></body></html>`;

  /** A page of the site, rendered now from the current model; the 404 page when there is none. */
  function pageAnswer(sitePath: string): Extract<Answer, { kind: "html" }> | undefined {
    if (!site.input) return { kind: "html", status: 500, html: problemsPage() };
    const page = site.page(sitePath) ?? site.page(sitePath.replace(/\/index\.html$/, "/"));
    return page && { kind: "html", status: 200, html: site.render(page), page };
  }

  function notFound(): Extract<Answer, { kind: "html" }> {
    const page = site.page(notFoundPath);
    return { kind: "html", status: 404, html: page ? site.render(page) : "<!doctype html><title>Not found</title>" };
  }

  async function answer(sitePath: string): Promise<Answer> {
    const page = pageAnswer(sitePath);
    if (page?.page?.path.endsWith(".xml"))
      return { kind: "body", status: 200, type: contentTypeOf(".xml"), body: page.html };
    if (page) return page;
    if (!sitePath.endsWith("/") && site.page(`${sitePath}/`)) return { kind: "redirect", to: `${sitePath}/` };
    const rel = sitePath.slice(1);
    const bundle = search?.bundleFiles(rel);
    if (bundle) {
      for (const file of bundle) {
        const body = await readFileIfAny(file);
        if (body) return { kind: "body", status: 200, type: contentTypeOf(file), body };
      }
      return { kind: "body", status: 404, type: "text/plain", body: "not in the preview's search index (yet)" };
    }
    const file = path.join(PUBLIC_DIR, rel);
    const body = file.startsWith(PUBLIC_DIR + path.sep) ? await readFileIfAny(file) : undefined;
    return body ? { kind: "body", status: 200, type: contentTypeOf(file), body } : notFound();
  }

  /** The version of the page a browser at `sitePath` should now be showing. */
  const currentVersion = (sitePath: string) => versionOf((pageAnswer(sitePath) ?? notFound()).html);

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://preview");
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = "/..";
    }
    // Only files under public/ and the search index are served: no way out of them.
    if (pathname.split("/").includes("..") || pathname.includes("\0") || pathname.includes("\\")) {
      res.writeHead(400).end("bad address");
      return;
    }
    if (!pathname.startsWith(prefix)) {
      if (`${pathname}/`.startsWith(prefix) || pathname === "/") res.writeHead(302, { location: prefix }).end();
      else res.writeHead(404, { "content-type": HTML_TYPE }).end(`Outside the path prefix ${escapeHtml(prefix)}`);
      return;
    }
    const sitePath = `/${pathname.slice(prefix.length)}`;
    if (sitePath === `/${EVENTS_PATH}`) {
      const client = live.connect(req, res, url.searchParams);
      if (site.problems.length > 0 && site.input) live.send(client, "problems", formatReport(site.problems));
      if (currentVersion(client.path) !== client.version) live.send(client, "reload");
      return;
    }
    const a = await answer(sitePath);
    const head = req.method === "HEAD";
    if (a.kind === "redirect") {
      res.writeHead(301, { location: prefix + a.to.slice(1) + url.search }).end();
      return;
    }
    // Pages are rendered per request, so browsers must always ask again; files may be revalidated.
    const cache = a.kind === "html" ? "no-store" : "no-cache";
    const type = a.kind === "html" ? HTML_TYPE : a.type;
    const body = a.kind === "html" ? withLiveReload(a.html, prefix, a.page?.path ?? sitePath) : a.body;
    res.writeHead(a.status, { "content-type": type, "cache-control": cache });
    res.end(head ? undefined : body);
  }

  /** Whether the open pages show the content's problems. */
  let showingProblems = false;

  /** Tells every open page whose HTML changed to reload, and starts a new search index. */
  function siteChanged(): void {
    for (const c of live.clients) {
      if (showingProblems) live.send(c, "fixed");
      if (currentVersion(c.path) !== c.version) live.send(c, "reload");
    }
    showingProblems = false;
    search?.schedule();
  }

  /** After a rebuild: print what happened, and update the open pages. */
  function announce(r: Rebuild, what: string): void {
    const t = r.timings;
    const took = t.load + t.validate + t.model + t.pages;
    const steps = `load ${t.load.toFixed(2)} s, validate ${t.validate.toFixed(2)} s, model ${t.model.toFixed(2)} s, pages ${t.pages.toFixed(2)} s`;
    if (r.diagnostics.length > 0)
      report(formatReport(r.diagnostics, { contentDir: opts.contentDir, color: process.stderr.isTTY }));
    if (r.ok) {
      log(`${forTerminal(what)}: built in ${took.toFixed(2)} s (${steps})`);
      siteChanged();
    } else {
      log(`${forTerminal(what)}: the content has errors (listed above); the preview keeps the last good version`);
      const text = formatReport(r.diagnostics);
      for (const c of live.clients) live.send(c, "problems", text);
      showingProblems = true;
    }
    for (const resolve of waiting.splice(0)) resolve(r);
  }

  // Edits are collected for `debounce` ms, then rebuilt together, one rebuild at a time; edits made
  // during a rebuild (the first one included) are taken by the next.
  let pending = new Set<string>();
  let restyle = false;
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  const build = () => {
    building ??= drain().finally(() => (building = undefined));
    return building;
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void build(), opts.debounce ?? 50);
  };
  async function drain(): Promise<void> {
    while (pending.size > 0 || restyle) {
      const batch = [...pending];
      const css = restyle;
      pending = new Set();
      restyle = false;
      try {
        if (batch.length > 0)
          announce(await site.rebuild(batch), batch.length === 1 ? batch[0]! : `${batch.length} changes`);
        if (css && (await site.restyle())) {
          log("public/ changed");
          siteChanged();
        }
      } catch (e) {
        log(`rebuild failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
  }

  // Watching starts first, so that nothing saved while the content is first read is missed.
  const watchFailed = (e: Error) => log(`watching for edits failed: ${e.message}`);
  const watchers = [
    await watchTree(opts.contentDir, (rel) => (pending.add(rel), later()), watchFailed),
    // The stylesheet's address carries its hash: a new one means every page changed.
    await watchTree(PUBLIC_DIR, () => ((restyle = true), later()), watchFailed),
  ];
  building = site
    .rebuild()
    .then((r) => announce(r, opts.contentDir))
    .then(drain)
    .finally(() => (building = undefined));
  await building;

  const server: Server = createServer((req, res) => {
    respond(req, res).catch((e: unknown) => {
      log(`request ${req.url} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port, opts.host ?? "localhost", resolve);
    });
  } catch (e) {
    for (const w of watchers) w.close();
    await search?.close();
    throw e;
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  const host = opts.host && !["0.0.0.0", "::"].includes(opts.host) ? opts.host : "localhost";

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}${prefix}`,
    site,
    nextRebuild: () => new Promise((resolve) => waiting.push(resolve)),
    searchIdle: () => search?.idle() ?? Promise.resolve(),
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      live.close();
      await building;
      await search?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readFileIfAny(file: string): Promise<Buffer | undefined> {
  try {
    return (await stat(file)).isFile() ? await readFile(file) : undefined;
  } catch {
    return undefined;
  }
}
