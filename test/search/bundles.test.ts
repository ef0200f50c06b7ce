/**
 * The bundle rule the search page and the index stage share: how many bundles, their folders, and
 * which pages go where.
 */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import {
  bundleCount,
  DEFAULT_MAX_PAGES_PER_BUNDLE,
  maxPagesPerBundle,
  splitIntoBundles,
  type BundledPage,
} from "../../src/search/bundles.ts";

const pages = (n: number, dated = n): BundledPage[] =>
  Array.from({ length: n }, (_, i) => ({
    url: `/briefs/b${i}/`,
    ...(i < dated
      ? { sortValue: `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}` }
      : {}),
  }));

describe("how many bundles", () => {
  test("a site up to the maximum is one bundle, even an empty one", () => {
    assert.equal(bundleCount(0, 5), 1);
    assert.equal(bundleCount(5, 5), 1);
  });

  test("one page over the maximum makes two", () => {
    assert.equal(bundleCount(6, 5), 2);
    assert.equal(bundleCount(21_000, 2_000), 11);
  });

  test("the maximum comes from BRIEFBOOK_SEARCH_BUNDLE_PAGES when it is a positive whole number", () => {
    assert.equal(maxPagesPerBundle({}), DEFAULT_MAX_PAGES_PER_BUNDLE);
    assert.equal(maxPagesPerBundle({ BRIEFBOOK_SEARCH_BUNDLE_PAGES: "3" }), 3);
    for (const bad of ["", "0", "-2", "2.5", "many"])
      assert.equal(maxPagesPerBundle({ BRIEFBOOK_SEARCH_BUNDLE_PAGES: bad }), DEFAULT_MAX_PAGES_PER_BUNDLE, bad);
  });
});

describe("which pages go to which bundle", () => {
  test("every page lands in exactly one bundle, none over the maximum, none empty", () => {
    for (const [n, max] of [
      [7, 3],
      [100, 7],
      [2_001, 2_000],
      [21_000, 2_000],
    ] as const) {
      const site = pages(n, Math.floor(n * 0.9));
      const bundles = splitIntoBundles(site, bundleCount(n, max));
      assert.equal(bundles.flat().length, n);
      assert.equal(new Set(bundles.flat().map((p) => p.url)).size, n);
      for (const b of bundles) assert.ok(b.length > 0 && b.length <= max, `${b.length} pages with max ${max}`);
    }
  });

  test("the split is the same on every build, whatever order the pages are found in", () => {
    const site = pages(50, 30);
    const a = splitIntoBundles(site, 4);
    const b = splitIntoBundles([...site].reverse(), 4);
    assert.deepEqual(
      a.map((bundle) => bundle.map((p) => p.url).sort()),
      b.map((bundle) => bundle.map((p) => p.url).sort()),
    );
  });

  test("dated pages are dealt newest last from the last bundle backwards, so a page's place in its bundle's date order is ⌊site-wide rank / bundles⌋", () => {
    const site = pages(40, 30);
    const count = 4;
    const bundles = splitIntoBundles(site, count);
    const byDate = site
      .filter((p) => p.sortValue)
      .sort((a, b) => (a.sortValue! < b.sortValue! ? -1 : a.sortValue! > b.sortValue! ? 1 : a.url < b.url ? -1 : 1));
    byDate.forEach((page, rank) => {
      const bundle = bundles[count - 1 - (rank % count)]!;
      const dated = bundle.filter((p) => p.sortValue);
      assert.equal(dated.indexOf(page), Math.floor(rank / count), page.url);
    });
  });

  test("undated pages are spread over the bundles too", () => {
    const bundles = splitIntoBundles(pages(40, 0), 4);
    assert.deepEqual(
      bundles.map((b) => b.length),
      [10, 10, 10, 10],
    );
  });
});
