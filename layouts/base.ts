import { html, type Renderable, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { Page } from "../src/render/pages.ts";
import {
  actorsPath,
  briefsPath,
  feedPath,
  homePath,
  searchPath,
  outletsPath,
  timelinePath,
  topicsPath,
} from "../src/model/urls.ts";
import type { Slice } from "../src/render/pages.ts";
import type { SitePath } from "../src/model/urls.ts";
import { pageHead } from "./metadata.ts";
import { wordsOf } from "./format.ts";
import type { Words } from "../src/words/words.ts";

export interface Shell {
  readonly main: Renderable;
  /** For `<meta name="description">`. */
  readonly description?: string;
  /** Extra `<head>` content: only the search page has any (its script and styles). */
  readonly head?: SafeHtml;
  readonly slice?: Slice<unknown>;
  /** The search page fills its own box; the header box would repeat it. */
  readonly headerSearch?: boolean;
}

type NavWord = Extract<keyof Words, `nav${string}`>;

const NAV: readonly { readonly path: SitePath; readonly label: NavWord }[] = [
  { path: briefsPath, label: "navBriefs" },
  { path: timelinePath, label: "navTimeline" },
  { path: actorsPath, label: "navActors" },
  { path: outletsPath, label: "navOutlets" },
  { path: topicsPath, label: "navTopics" },
];

/** The HTML document around every page. No script: only the search page loads one. */
export function shell(ctx: RenderContext, page: Page, s: Shell): string {
  const { site } = ctx.model;
  const words = wordsOf(ctx);
  const title = page.path === homePath ? site.title : `${page.title} · ${site.title}`;
  const current = (path: string) => (page.path.startsWith(path) ? "page" : undefined);
  return `<!doctype html>\n${
    html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${s.description ? html`<meta name="description" content="${s.description}">` : ""}
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ctx.stylesheet}">
${pageHead(ctx, page, s.description)}
${s.slice?.prev ? html`<link rel="prev" href="${ctx.href(s.slice.prev)}">` : ""}
${s.slice?.next ? html`<link rel="next" href="${ctx.href(s.slice.next)}">` : ""}
${s.head ?? ""}
</head>
<body>
<a class="skip" href="#main">${words.skipToContent}</a>
<header class="site-header">
<div class="wrap header-row">
<a class="site-title" href="${ctx.href(homePath)}">${site.title}</a>
${
  s.headerSearch === false
    ? ""
    : html`<form class="header-search" role="search" action="${ctx.href(searchPath)}" method="get">
<label class="visually-hidden" for="site-search">${words.searchLabel}</label>
<input id="site-search" type="search" name="q" placeholder="${words.search}" autocomplete="off">
<button type="submit">${words.search}</button>
</form>`
}
</div>
<nav class="wrap site-nav" aria-label="${words.sections}">
<ul>${NAV.map((n) => html`<li><a href="${ctx.href(n.path)}" ${current(n.path) ? html`aria-current="page"` : ""}>${words[n.label]}</a></li>`)}</ul>
</nav>
</header>
${ctx.preview ? html`<p class="wrap preview-note">${words.previewNote}</p>` : ""}
<main id="main" class="wrap">
${s.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${site.title}${site.tagline ? html` — ${site.tagline}` : ""}</p>
<p><a href="${ctx.href(feedPath)}">${words.atomFeed}</a></p>
</div>
</footer>
</body>
</html>
`.value
  }`;
}
