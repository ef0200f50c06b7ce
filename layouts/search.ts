import { html, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import { actorsPath, searchPath, outletsPath, timelinePath, topicsPath } from "../src/model/urls.ts";
import { wordsOf } from "./format.ts";

/**
 * The search page: Pagefind's default UI, the only script on the site. The query lives in the
 * URL (`?q=Rubio`, `&sort=date`) so searches can be shared and the back button works. Filters
 * only narrow a search with a term: browsing without one belongs to the list pages, which cost
 * no index download. However large the site, its index is one, in `pagefind/` (the index stage
 * merges its bundles at build time, src/search/pagefind.ts).
 */
export function searchHead(ctx: RenderContext): SafeHtml {
  const index = `${ctx.pathPrefix}pagefind/`;
  return html`<link rel="stylesheet" href="${index}pagefind-ui.css">
<script src="${index}pagefind-ui.js"></script>
<script type="module" id="search-config" data-engine="${ctx.pathPrefix}${SEARCH_ENGINE_DIR}" data-base="${ctx.pathPrefix}" data-type="${wordsOf(ctx).filterType}">${searchScript}</script>`;
}

/**
 * Where the UI loads Pagefind from: `public/search/pagefind.js`, Pagefind's module with filter
 * values handed to the UI as HTML text (the UI writes them as HTML).
 */
const SEARCH_ENGINE_DIR = "search/";

// Plain JavaScript for the browser, kept tiny: configuration and URL state, nothing else.
// Written through the html tag with nothing interpolated: it is our constant, not content.
const searchScript = html`
const cfg = document.getElementById("search-config").dataset;
const params = new URLSearchParams(location.search);
const sortByDate = params.get("sort") === "date";
const sortSelect = document.getElementById("search-sort");
sortSelect.value = sortByDate ? "date" : "relevance";
sortSelect.addEventListener("change", () => {
  const url = new URL(location.href);
  if (sortSelect.value === "date") url.searchParams.set("sort", "date"); else url.searchParams.delete("sort");
  location.assign(url);
});
const ui = new PagefindUI({
  element: "#search",
  bundlePath: cfg.engine,
  baseUrl: cfg.base,
  showImages: false,
  showSubResults: false,
  showEmptyFilters: false,
  openFilters: matchMedia("(min-width: 50rem)").matches ? [cfg.type] : [],
  resetStyles: false,
  autofocus: !params.get("q"),
  // Pagefind lists a result's metadata in name order; its type reads first ("Type: Brief", then the
  // date). The type's name is in the site's language (data-type).
  processResult(result) {
    const { [cfg.type]: type, ...rest } = result.meta;
    return { ...result, meta: type ? { [cfg.type]: type, ...rest } : rest };
  },
  ...(sortByDate ? { sort: { date: "desc" } } : {}),
  processTerm(term) {
    const url = new URL(location.href);
    if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
    if (url.href !== location.href) history.replaceState(null, "", url);
    return term;
  },
});
if (params.get("q")) ui.triggerSearch(params.get("q"));
`;

export function searchMain(ctx: RenderContext): SafeHtml {
  return html`<h1>${wordsOf(ctx).search}</h1>
<p class="search-tools"><label for="search-sort">${wordsOf(ctx).order}</label>
<select id="search-sort"><option value="relevance">${wordsOf(ctx).bestMatch}</option><option value="date">${wordsOf(ctx).newestFirstOrder}</option></select></p>
<div id="search"></div>
<noscript>
<form action="${ctx.href(searchPath)}" method="get"><p>${wordsOf(ctx).searchNeedsScript}</p></form>
<p>${wordsOf(ctx).browseInstead(
    html`<a href="${ctx.href(actorsPath)}">${wordsOf(ctx).actorsLinkLower}</a>`,
    html`<a href="${ctx.href(outletsPath)}">${wordsOf(ctx).outletsLinkLower}</a>`,
    html`<a href="${ctx.href(topicsPath)}">${wordsOf(ctx).topicsLink}</a>`,
    html`<a href="${ctx.href(timelinePath)}">${wordsOf(ctx).timelineLinkLower}</a>`,
  )}</p>
</noscript>
<p class="more">${wordsOf(ctx).browsingBy(html`<a href="${ctx.href(actorsPath)}">${wordsOf(ctx).actorLink}</a>`, html`<a href="${ctx.href(outletsPath)}">${wordsOf(ctx).outletLink}</a>`)}</p>`;
}
