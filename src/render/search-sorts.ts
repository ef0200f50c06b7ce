import type { Page } from "./pages.ts";

/** Each searchable page's `data-pagefind-sort` values, by the URL Pagefind gives the page. */
export type SearchSorts = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The sort values the layouts write (`searchFacts` in layouts/search-data.ts: `date`, a brief's
 * date or an article's publication date), told from the model so that the index stage can merge
 * its bundles' sort orders without reading the pages again. The merge refuses values that order
 * any bundle otherwise than Pagefind read them, so a layout and this list cannot drift apart unseen.
 */
export function searchSortsOf(pages: readonly Page[]): SearchSorts {
  const sorts: Record<string, Record<string, string>> = {};
  for (const page of pages) {
    const date = page.layout === "brief" ? page.brief.date : page.layout === "article" ? page.article.published : "";
    // Pagefind's URL of `briefs/x/index.html` is `/briefs/x/`, percent-encoded as encodeURI does.
    if (date) sorts[encodeURI(page.path)] = { date };
  }
  return sorts;
}
