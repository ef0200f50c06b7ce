/**
 * The search index itself, read back through Pagefind's own JavaScript API in Node: one record
 * per brief, article and actor page, with the filters and values readers will filter by.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSite } from "../../src/pipeline.ts";
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
    pagefind = (await import(pathToFileURL(path.join(dir, "_site/pagefind/pagefind.js")).href)) as PagefindApi;
    await pagefind.options({ basePath: site.url("/pagefind/") });
  });
  after(async () => {
    await site?.close();
    await rm(dir, { recursive: true, force: true });
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
    assert.ok((filters.kind?.["Person"] ?? 0) >= 1);
  });

  test("finds an actor by an alias", async () => {
    const { results } = await pagefind.search("Britain");
    const urls = await Promise.all(results.map(async (r) => new URL((await r.data()).url).pathname));
    assert.ok(urls.includes("/actors/united-kingdom/"), urls.join(", "));
  });

  test("a page count that differs from the model's fails with a clear message", async () => {
    const copy = path.join(dir, "copy");
    await cp(path.join(dir, "_site"), copy, { recursive: true });
    const result = await buildSearchIndex({ siteDir: copy, expectedPages: 9, language: "en" });
    assert.equal(result.diagnostics.length, 1);
    assert.match(
      result.diagnostics[0]!.message,
      /Pagefind indexed 8 pages, but the site has 9 briefs, articles and actors/,
    );
  });
});
