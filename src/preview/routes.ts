/**
 * What the preview answers for an address: a page rendered now from the model in memory, a file
 * from `public/` or the search index, a redirect, or the live-reload event stream. Nothing here
 * outlives a request; the site, the search index and the open pages are the server's.
 */
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { formatReport } from "../diagnostics/format.ts";
import { escapeHtml } from "../text/escape.ts";
import { notFoundPath } from "../model/urls.ts";
import { isHtmlPage, type Page } from "../render/pages.ts";
import { PUBLIC_DIR } from "../repository.ts";
import { contentTypeOf, HTML_TYPE } from "./content-types.ts";
import { EVENTS_PATH, versionOf, withLiveReload, type LiveReload } from "./live-reload.ts";
import type { PreviewSearchIndex } from "./search-index.ts";
import type { PreviewSite } from "./site.ts";

/** What the routes read: the site, its search index (when kept), the open pages and the prefix. */
export interface Routes {
  readonly site: PreviewSite;
  readonly search: PreviewSearchIndex | undefined;
  readonly live: LiveReload;
  /** `/` or `/some-repo/`. */
  readonly prefix: string;
}

type HtmlAnswer = { readonly kind: "html"; readonly status: number; readonly html: string; readonly page?: Page };

/** What the preview answers for a site path. */
type Answer =
  | HtmlAnswer
  | { readonly kind: "body"; readonly status: number; readonly type: string; readonly body: string | Buffer }
  | { readonly kind: "redirect"; readonly to: string };

/** The HTML shown while the content has never been valid: the problems, reloading once fixed. */
const problemsPage = (site: PreviewSite) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Content errors · Briefbook preview</title></head>` +
  `<body><h1>The content has errors</h1><p>Fix them and save; this page reloads by itself.</p>` +
  `<pre>${escapeHtml(formatReport(site.problems))}</pre></body></html>`;

/** A page of the site, rendered now from the current model; undefined when there is none. */
function pageAnswer(site: PreviewSite, sitePath: string): HtmlAnswer | undefined {
  if (!site.input) return { kind: "html", status: 500, html: problemsPage(site) };
  const page = site.page(sitePath) ?? site.page(sitePath.replace(/\/index\.html$/, "/"));
  return page && { kind: "html", status: 200, html: site.render(page), page };
}

function notFound(site: PreviewSite): HtmlAnswer {
  const page = site.page(notFoundPath);
  return { kind: "html", status: 404, html: page ? site.render(page) : "<!doctype html><title>Not found</title>" };
}

/** The version of the page a browser at `sitePath` should now be showing. */
export const currentVersion = (site: PreviewSite, sitePath: string): string =>
  versionOf((pageAnswer(site, sitePath) ?? notFound(site)).html);

/** The answer for a site path: a page, a feed, a redirect, a search bundle file or a `public/` file. */
async function answer({ site, search }: Routes, sitePath: string): Promise<Answer> {
  const page = pageAnswer(site, sitePath);
  // Feeds and data files are served as they are written, with no live-reload script.
  if (page?.page && !isHtmlPage(page.page))
    return { kind: "body", status: 200, type: contentTypeOf(page.page.path), body: page.html };
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
  return body ? { kind: "body", status: 200, type: contentTypeOf(file), body } : notFound(site);
}

/** The site path asked for, or undefined when the request was already answered (bad or outside the prefix). */
function sitePathOf(url: URL, prefix: string, res: ServerResponse): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = "/..";
  }
  // Only files under public/ and the search index are served: no way out of them.
  if (pathname.split("/").includes("..") || pathname.includes("\0") || pathname.includes("\\")) {
    res.writeHead(400).end("bad address");
    return undefined;
  }
  if (!pathname.startsWith(prefix)) {
    if (`${pathname}/`.startsWith(prefix) || pathname === "/") res.writeHead(302, { location: prefix }).end();
    else res.writeHead(404, { "content-type": HTML_TYPE }).end(`Outside the path prefix ${escapeHtml(prefix)}`);
    return undefined;
  }
  return `/${pathname.slice(prefix.length)}`;
}

/** Answers one HTTP request. */
export async function respond(routes: Routes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { site, live, prefix } = routes;
  const url = new URL(req.url ?? "/", "http://preview");
  const sitePath = sitePathOf(url, prefix, res);
  if (sitePath === undefined) return;
  if (sitePath === `/${EVENTS_PATH}`) {
    const client = live.connect(req, res, url.searchParams);
    if (site.problems.length > 0 && site.input) live.send(client, "problems", formatReport(site.problems));
    if (currentVersion(site, client.path) !== client.version) live.send(client, "reload");
    return;
  }
  const a = await answer(routes, sitePath);
  if (a.kind === "redirect") {
    res.writeHead(301, { location: prefix + a.to.slice(1) + url.search }).end();
    return;
  }
  // Pages are rendered per request, so browsers must always ask again; files may be revalidated.
  const cache = a.kind === "html" ? "no-store" : "no-cache";
  const type = a.kind === "html" ? HTML_TYPE : a.type;
  const body = a.kind === "html" ? withLiveReload(a.html, prefix, a.page?.path ?? sitePath) : a.body;
  res.writeHead(a.status, { "content-type": type, "cache-control": cache });
  res.end(req.method === "HEAD" ? undefined : body);
}

async function readFileIfAny(file: string): Promise<Buffer | undefined> {
  try {
    return (await stat(file)).isFile() ? await readFile(file) : undefined;
  } catch {
    return undefined;
  }
}
