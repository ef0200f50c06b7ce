/**
 * The search index itself, read back through Pagefind's own JavaScript API in Node: one record
 * per brief, article and actor page, with the filters and values readers will filter by; and a
 * site indexed as several bundles, merged into the one index a one-bundle build writes.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSite, prepareSite } from "../../src/pipeline.ts";
import { pagesOf } from "../../src/render/pages.ts";
import { searchSortsOf } from "../../src/render/search-sorts.ts";
import { buildSearchIndex } from "../../src/search/pagefind.ts";
import { fixture } from "../helpers/content.ts";
import { serveSite, type StaticSite } from "../helpers/static-server.ts";

interface PagefindApi {
  options(o: { basePath: string }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    term: string,
    o?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

/** Every file of a folder, by relative path, with its bytes. */
async function filesOf(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const e of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const file = path.join(e.parentPath, e.name);
      files[path.relative(folder, file)] = (await readFile(file)).toString("base64");
    }
  }
  return files;
}

/** The sort values a build of `contentDir` gives the index stage, from its model. */
async function searchSortsFor(contentDir: string) {
  const { model } = await prepareSite({ contentDir, pathPrefix: "/", includeDrafts: false });
  return searchSortsOf(pagesOf(model!));
}

/** The index folders a build wrote, `pagefind` first. */
async function bundleFolders(site: string): Promise<string[]> {
  const dirs = (await readdir(site)).filter((d) => /^pagefind(-\d+)?$/.test(d));
  return dirs.sort((a, b) => Number(a.split("-")[1] ?? 1) - Number(b.split("-")[1] ?? 1));
}

/** Pages in one bundle, from its entry file. */
async function bundlePages(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** A build with at most `pages` pages per search bundle (the environment is how a build is told). */
async function buildWithBundles(contentDir: string, outDir: string, pages?: number) {
  const saved = process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES;
  if (pages === undefined) delete process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES;
  else process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES = String(pages);
  try {
    const built = await buildSite({ contentDir, outDir, pathPrefix: "/", includeDrafts: false });
    assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
  } finally {
    if (saved === undefined) delete process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES;
    else process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES = saved;
  }
}

/** The search page's Pagefind (`search/pagefind.js`, from public/search/pagefind.js) loaded in Node from a built site. */
async function pagefindOf(siteDir: string, site: StaticSite): Promise<PagefindApi> {
  const api = (await import(pathToFileURL(path.join(siteDir, "search", "pagefind.js")).href)) as PagefindApi;
  await api.options({ basePath: site.url("/pagefind/") });
  return api;
}

/** Pagefind's own module under the search page's (which has configured it). */
const pagefindItself = async (siteDir: string) =>
  (await import(pathToFileURL(path.join(siteDir, "pagefind", "pagefind.js")).href)) as PagefindApi;

const urlsOf = async (api: PagefindApi, term: string, filters?: Record<string, string>) => {
  const { results } = await api.search(term, filters ? { filters } : {});
  return (await Promise.all(results.map(async (r) => new URL((await r.data()).url).pathname))).sort();
};

describe("the Pagefind index of the minimal fixture", () => {
  let dir: string;
  let site: StaticSite;
  let pagefind: PagefindApi;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "briefbook-index-"));
    const built = await buildSite({
      contentDir: fixture("valid-minimal"),
      outDir: path.join(dir, "_site"),
      pathPrefix: "/",
      includeDrafts: false,
    });
    assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
    site = await serveSite(path.join(dir, "_site"));
    pagefind = await pagefindOf(path.join(dir, "_site"), site);
  });
  after(async () => {
    await site?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test("is one bundle at pagefind/, as small sites always were", async () => {
    assert.deepEqual(await bundleFolders(path.join(dir, "_site")), ["pagefind"]);
  });

  test("has one record per published brief, article and actor", async () => {
    const { type } = await pagefind.filters();
    assert.deepEqual(type, { Actor: 4, Article: 2, Brief: 2 });
  });

  test("offers actor, kind, outlet and year filters with the content's values", async () => {
    const filters = await pagefind.filters();
    assert.deepEqual(Object.keys(filters).sort(), ["actor", "kind", "outlet", "type", "year"]);
    // Rubio: his actor page, both published briefs and the article quoting him.
    assert.equal(filters.actor?.["Marco Rubio"], 4);
    assert.deepEqual(filters.outlet, { "Harbour News": 2 });
    assert.deepEqual(Object.keys(filters.year ?? {}).sort(), ["2025"]);
    // A kind counts the pages naming an actor of that kind: Rubio, the one person, is on four.
    assert.deepEqual(filters.kind, { Country: 6, "Media outlet": 3, Person: 4 });
  });

  test("finds an actor by an alias", async () => {
    const { results } = await pagefind.search("Britain");
    const urls = await Promise.all(results.map(async (r) => new URL((await r.data()).url).pathname));
    assert.ok(urls.includes("/actors/united-kingdom/"), urls.join(", "));
  });

  test("a page count that differs from the model's fails with a clear message", async () => {
    const copy = path.join(dir, "copy");
    // _site is a link to the build's version: copy the files, not the link.
    await cp(path.join(dir, "_site"), copy, { recursive: true, dereference: true });
    const result = await buildSearchIndex({
      siteDir: copy,
      sortValues: await searchSortsFor(fixture("valid-minimal")),
      expectedPages: 9,
      language: "en",
    });
    assert.equal(result.diagnostics.length, 1);
    assert.match(
      result.diagnostics[0]!.message,
      /Pagefind indexed 8 pages, but the site has 9 briefs, articles and actors/,
    );
  });
});

describe("the cross-links fixture indexed as bundles of at most 3 pages", () => {
  let dir: string;
  let oneSite: StaticSite;
  let splitSite: StaticSite;
  let one: PagefindApi;
  let split: PagefindApi;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "briefbook-bundles-"));
    await buildWithBundles(fixture("cross-links"), path.join(dir, "one"));
    await buildWithBundles(fixture("cross-links"), path.join(dir, "split"), 3);
    oneSite = await serveSite(path.join(dir, "one"));
    splitSite = await serveSite(path.join(dir, "split"));
    one = await pagefindOf(path.join(dir, "one"), oneSite);
    split = await pagefindOf(path.join(dir, "split"), splitSite);
  });
  after(async () => {
    await oneSite?.close();
    await splitSite?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test("is merged into one index at pagefind/, file for file the one-bundle build's, and the search page loads only it", async () => {
    assert.deepEqual(await bundleFolders(path.join(dir, "split")), ["pagefind"]);
    assert.deepEqual(
      await filesOf(path.join(dir, "split", "pagefind")),
      await filesOf(path.join(dir, "one", "pagefind")),
    );
    const searchPage = await readFile(path.join(dir, "split", "search", "index.html"), "utf8");
    // The UI and its styles come from the index's folder; Pagefind itself through the search page's module.
    assert.match(searchPage, /href="\/pagefind\/pagefind-ui\.css"/);
    assert.match(searchPage, /data-engine="\/search\/"/);
    assert.doesNotMatch(searchPage, /mergeIndex|data-merge|pagefind-2/);
  });

  test("offers the same filters with the same counts as one bundle", async () => {
    assert.deepEqual(await split.filters(), await one.filters());
  });

  test("finds the same pages as one bundle, with and without a filter", async () => {
    for (const term of ["strikes", "Starmer", "memo", "Venezuela", "navy", "sharing"]) {
      const expected = await urlsOf(one, term);
      assert.ok(expected.length > 0, term);
      assert.deepEqual(await urlsOf(split, term), expected, term);
    }
    const uk = { actor: "United Kingdom" };
    assert.deepEqual(await urlsOf(split, "strikes", uk), await urlsOf(one, "strikes", uk));
    const articles = { type: "Article" };
    assert.deepEqual(await urlsOf(split, "navy", articles), await urlsOf(one, "navy", articles));
  });

  test("a word only some bundles held, whole or as typed so far, finds what one bundle finds, through Pagefind's own module too", async () => {
    // Bundles searched apart answered a word they lacked with its longest prefix they held
    // (pagefind#315); the merged index holds every word, so no page stands in for the missing ones.
    const itself = await pagefindItself(path.join(dir, "split"));
    for (const term of ["intelligence", "intellig", "Maduro", "Caribbean", "Carib"]) {
      const expected = await urlsOf(one, term);
      assert.ok(expected.length > 0, term);
      assert.deepEqual(await urlsOf(split, term), expected, term);
      assert.deepEqual(await urlsOf(itself, term), expected, term);
    }
  });

  test("a page count that differs from the model's fails with a clear message, counting every bundle", async () => {
    const copy = path.join(dir, "copy");
    await cp(path.join(dir, "split"), copy, { recursive: true });
    const total = await bundlePages(path.join(dir, "one", "pagefind"));
    const result = await buildSearchIndex({
      siteDir: copy,
      sortValues: await searchSortsFor(fixture("cross-links")),
      expectedPages: total + 1,
      language: "en",
      maxPagesPerBundle: 3,
    });
    assert.ok(result.bundles > 1, `${result.bundles} bundles`);
    assert.equal(result.diagnostics.length, 1);
    assert.equal(
      result.diagnostics[0]!.message,
      `Pagefind indexed ${total} pages, but the site has ${total + 1} briefs, articles and actors`,
    );
    assert.deepEqual(await bundleFolders(copy), ["pagefind"]);
  });

  test("sort values missing for a dated page fail the merge with one message naming the page, not a stack trace", async () => {
    const copy = path.join(dir, "unsorted");
    await cp(path.join(dir, "split"), copy, { recursive: true });
    const result = await buildSearchIndex({ siteDir: copy, sortValues: {}, language: "en", maxPagesPerBundle: 3 });
    assert.equal(result.diagnostics.length, 1, JSON.stringify(result.diagnostics));
    assert.match(
      result.diagnostics[0]!.message,
      /^the page \/\S+\/ is sorted by 'date' in its search bundle, but the model gave no 'date' for it$/,
    );
    assert.doesNotMatch(JSON.stringify(result.diagnostics), /\n\s+at /);
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.endsWith(".search")),
      [],
      "the bundles' work folder is removed after a failure",
    );
  });
});
