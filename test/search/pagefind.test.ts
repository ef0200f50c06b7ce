/**
 * The search index itself, read back through Pagefind's own JavaScript API in Node: one record
 * per brief, article and actor page, with the filters and values readers will filter by; and a
 * site split into several bundles, which must answer as the single bundle of the same site does.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSite } from "../../src/pipeline.ts";
import { buildSearchIndex } from "../../src/search/pagefind.ts";
import { fixture } from "../helpers/content.ts";
import { serveSite, type StaticSite } from "../helpers/static-server.ts";

interface PagefindApi {
  options(o: { basePath: string }): Promise<void>;
  mergeIndex(bundlePath: string): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    term: string,
    o?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
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

/**
 * The search page's Pagefind (`search/pagefind.js`, from public/search/pagefind.js) loaded in Node
 * from a built site, every bundle merged into the first.
 */
async function pagefindOf(siteDir: string, site: StaticSite): Promise<PagefindApi> {
  const [first, ...rest] = await bundleFolders(siteDir);
  const api = (await import(pathToFileURL(path.join(siteDir, "search", "pagefind.js")).href)) as PagefindApi;
  await api.options({ basePath: site.url(`/${first}/`) });
  for (const dir of rest) await api.mergeIndex(site.url(`/${dir}/`));
  return api;
}

/** Pagefind's own module under the search page's (which has configured it and merged the bundles). */
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
    const result = await buildSearchIndex({ siteDir: copy, expectedPages: 9, language: "en" });
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

  test("writes pagefind/, pagefind-2/, … with every page once and none over 3, and the search page lists them all", async () => {
    assert.deepEqual(await bundleFolders(path.join(dir, "one")), ["pagefind"]);
    const folders = await bundleFolders(path.join(dir, "split"));
    const total = await bundlePages(path.join(dir, "one", "pagefind"));
    assert.equal(folders.length, Math.ceil(total / 3));
    assert.deepEqual(folders.slice(0, 2), ["pagefind", "pagefind-2"]);
    // Each bundle also holds its vocabulary page (src/search/vocabulary.ts): bundles this small all lack some word.
    const sizes = await Promise.all(folders.map(async (f) => (await bundlePages(path.join(dir, "split", f))) - 1));
    assert.equal(
      sizes.reduce((a, b) => a + b, 0),
      total,
    );
    for (const n of sizes) assert.ok(n >= 1 && n <= 3, sizes.join(", "));
    const itself = await pagefindItself(path.join(dir, "split"));
    assert.deepEqual((await itself.filters())["briefbook-index"], { vocabulary: folders.length });
    const searchPage = await readFile(path.join(dir, "split", "search", "index.html"), "utf8");
    // The UI and its styles come from the first bundle; Pagefind itself through the search page's module.
    assert.match(searchPage, /href="\/pagefind\/pagefind-ui\.css"/);
    assert.match(searchPage, /data-engine="\/search\/"/);
    const merge = /data-merge="([^"]*)"/.exec(searchPage)?.[1];
    assert.deepEqual(
      merge?.split(" "),
      folders.slice(1).map((f) => `/${f}/`),
    );
  });

  test("offers the same filters with the same counts as one bundle", async () => {
    assert.deepEqual(await split.filters(), await one.filters());
  });

  test("finds the same pages as one bundle, with and without a filter", async () => {
    // Words every bundle of this fixture contains; for one that some bundle lacks, see the next test.
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

  test("a word only some bundles hold, whole or as typed so far, finds what one bundle finds and nothing else", async () => {
    // Pagefind answers a word a bundle lacks with the longest prefix of it that the bundle holds
    // (pagefind#315); each bundle's vocabulary page holds the words it lacks, and the search page's
    // module leaves those pages out. Without them, "intelligence" listed every page with "in".
    for (const term of ["intelligence", "intellig", "Maduro", "Caribbean", "Carib"]) {
      const expected = await urlsOf(one, term);
      assert.ok(expected.length > 0, term);
      assert.deepEqual(await urlsOf(split, term), expected, term);
    }
    const { results } = await (await pagefindItself(path.join(dir, "split"))).search("intelligence");
    assert.ok(
      results.length > (await urlsOf(one, "intelligence")).length,
      "Pagefind's own module also lists the vocabulary pages",
    );
  });

  test("a page count that differs from the model's fails with a clear message, counting every bundle", async () => {
    const copy = path.join(dir, "copy");
    await cp(path.join(dir, "split"), copy, { recursive: true });
    const total = await bundlePages(path.join(dir, "one", "pagefind"));
    const result = await buildSearchIndex({
      siteDir: copy,
      expectedPages: total + 1,
      language: "en",
      maxPagesPerBundle: 3,
    });
    assert.ok(result.bundles.length > 1);
    assert.equal(result.diagnostics.length, 1);
    assert.equal(
      result.diagnostics[0]!.message,
      `Pagefind indexed ${total} pages, but the site has ${total + 1} briefs, articles and actors`,
    );
  });
});
