/**
 * How the pages to index are split into Pagefind bundles. Pagefind holds a bundle in memory while
 * it builds and writes it (~180 KB a page at 10,000 briefs), so a large site is indexed as several
 * bundles, one after another, that the index stage then merges into one index (`merge/`).
 */

/**
 * Pages per bundle unless `BRIEFBOOK_SEARCH_BUNDLE_PAGES` says otherwise. Measured at 10,000
 * briefs: with 1,910 pages a bundle the Pagefind process peaks at 354 MB; with 4,200 (a 5,000
 * maximum) at 763 MB. Beside the build's own ~150-200 MB during indexing, 4,000 (six bundles
 * of 3,500 at 21,000 pages, ~550 MB) stays inside a 1 GiB budget with room to spare. Fewer,
 * larger bundles mean fewer Pagefind start-ups and fewer word lists for the merge to join.
 */
export const DEFAULT_MAX_PAGES_PER_BUNDLE = 4000;

/** The bundle size for this build: the environment's `BRIEFBOOK_SEARCH_BUNDLE_PAGES`, else the default. */
export function maxPagesPerBundle(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env.BRIEFBOOK_SEARCH_BUNDLE_PAGES);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_PAGES_PER_BUNDLE;
}

/** How many bundles `pages` indexed pages need: at least one (a small site's one bundle is merged too). */
export function bundleCount(pages: number, maxPages: number = maxPagesPerBundle()): number {
  return Math.max(1, Math.ceil(pages / Math.max(1, maxPages)));
}

/** FNV-1a, 32 bits: a stable, dependency-free hash of a page's URL. */
function hashOf(url: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface BundledPage {
  readonly url: string;
  /** The page's value of the search page's sort (its date), when it has one. */
  readonly sortValue?: string | undefined;
}

/**
 * Deals pages into `count` bundles so that bundle sizes differ by at most one (never over the
 * maximum that gave `count`, never empty while pages ≥ count). The merge gives the same index
 * whatever the dealing; an even sample of dates and URLs per bundle keeps each bundle's word
 * lists alike in size, so no one bundle's Pagefind run is much larger than the others.
 *
 * Dated pages are dealt in date order, newest last, round-robin from the last bundle to the first;
 * then the undated ones in order of a hash of their URL.
 */
export function splitIntoBundles<T extends BundledPage>(pages: readonly T[], count: number): T[][] {
  const dated = pages
    .filter((p) => p.sortValue !== undefined)
    .sort((a, b) => byText(a.sortValue ?? "", b.sortValue ?? "") || byText(a.url, b.url));
  const undated = pages
    .filter((p) => p.sortValue === undefined)
    .map((page) => ({ page, hash: hashOf(page.url) }))
    .sort((a, b) => a.hash - b.hash || byText(a.page.url, b.page.url))
    .map((h) => h.page);
  const bundles = Array.from({ length: count }, (): T[] => []);
  [...dated, ...undated].forEach((page, i) => bundles[count - 1 - (i % count)]!.push(page));
  return bundles;
}
