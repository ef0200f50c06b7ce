/**
 * sitemap.xml and robots.txt as a crawler reads them: the sitemap parsed by a strict XML parser
 * (saxes), every reader-facing page listed once at its absolute address, `lastmod` from content
 * dates; robots.txt naming the sitemap.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SaxesParser } from "saxes";
import { robots, sitemap } from "../../layouts/sitemap.ts";
import { isHtmlPage, pagesOf } from "../../src/render/pages.ts";
import { contextOf } from "./publishing-context.ts";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** Each `<url>` as [loc, lastmod], read strictly (a malformed sitemap throws). */
const readSitemap = (xml: string) => readEntries(xml, "urlset", "url");
/** Each `<sitemap>` of a sitemap index as [loc, lastmod]. */
const readSitemapIndex = (xml: string) => readEntries(xml, "sitemapindex", "sitemap");

function readEntries(xml: string, root: string, entry: string): [string, string | undefined][] {
  const urls: [string, string | undefined][] = [];
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let text = "";
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (t) => {
    assert.equal(t.uri, SITEMAP_NS, t.name);
    if (depth++ === 0) assert.equal(t.local, root);
    text = "";
    if (t.local === entry) urls.push(["", undefined]);
  });
  parser.on("text", (t) => (text += t));
  parser.on("closetag", (t) => {
    depth--;
    if (t.local === "loc") urls.at(-1)![0] = text;
    if (t.local === "lastmod") urls.at(-1)![1] = text;
  });
  parser.write(xml).close();
  return urls;
}

describe("sitemap.xml", async () => {
  const ctx = await contextOf("cross-links");
  const { model } = ctx;
  const urls = readSitemap(sitemap(ctx));
  const ORIGIN = "https://briefs.example.org/some-repo";
  const lastmod = (path: string) => urls.find(([loc]) => loc === `${ORIGIN}${path}`)?.[1];

  test("lists every HTML page once, absolute, but the search form and the not-found page", () => {
    const expected = pagesOf(model)
      .filter((p) => isHtmlPage(p) && p.layout !== "search" && p.layout !== "not-found")
      .map((p) => `${ORIGIN}${p.path}`);
    assert.deepEqual(
      urls.map(([loc]) => loc),
      expected,
    );
  });

  test("dates each page by its content: a brief by its latest update, an article by its publication", () => {
    for (const b of model.briefs)
      assert.equal(lastmod(b.path), [b.date, ...b.updates.map((u) => u.date)].sort().at(-1), b.id);
    for (const a of model.articles) assert.equal(lastmod(a.path), a.published, a.id);
    const newest = model.briefs
      .flatMap((b) => [b.date, ...b.updates.map((u) => u.date)])
      .sort()
      .at(-1);
    assert.equal(lastmod("/"), newest);
    for (const [, d] of urls) if (d) assert.match(d, /^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("a sitemap past one file's addresses (50,000; here 3)", async () => {
  const ctx = await contextOf("cross-links");
  const PER = 3;
  const ORIGIN = "https://briefs.example.org/some-repo";
  const every = readSitemap(sitemap(ctx));
  const parts = pagesOf(ctx.model, { sitemapUrls: PER }).filter((p) => p.layout === "sitemap" && p.part);

  test("sitemap.xml is an index of files of at most 3 addresses that list every page once, in order", () => {
    assert.ok(every.length > 2 * PER, `enough pages for three files: ${every.length}`);
    assert.equal(parts.length, Math.ceil(every.length / PER));
    const index = readSitemapIndex(sitemap(ctx, undefined, PER));
    assert.deepEqual(
      index.map(([loc]) => loc),
      parts.map((_, i) => `${ORIGIN}/sitemap-${i + 1}.xml`),
    );
    const files = parts.map((p) => readSitemap(sitemap(ctx, p.layout === "sitemap" ? p.part : 0, PER)));
    for (const file of files) assert.ok(file.length >= 1 && file.length <= PER, `${file.length} addresses`);
    assert.deepEqual(files.flat(), every);
    // Each file is dated by its newest page.
    index.forEach(([, lastmod], i) =>
      assert.equal(
        lastmod,
        files[i]!.map(([, d]) => d)
          .filter((d) => d !== undefined)
          .sort()
          .at(-1),
      ),
    );
  });

  test("a site within one file's addresses has one sitemap and no files of it", () => {
    assert.deepEqual(
      pagesOf(ctx.model)
        .filter((p) => p.layout === "sitemap")
        .map((p) => p.path),
      ["/sitemap.xml"],
    );
  });
});

describe("robots.txt", () => {
  test("names the sitemap at its absolute address", async () => {
    const ctx = await contextOf("cross-links");
    assert.match(robots(ctx), /^Sitemap: https:\/\/briefs\.example\.org\/some-repo\/sitemap\.xml$/m);
    assert.match(robots(ctx), /^User-agent: \*$/m);
  });

  test("without a site address it says how to name one, as a comment crawlers skip", async () => {
    const ctx = await contextOf("cross-links");
    const bare = { ...ctx, model: { ...ctx.model, site: { ...ctx.model.site, url: undefined } } };
    assert.doesNotMatch(robots(bare), /^Sitemap:/m);
    assert.match(robots(bare), /^# Sitemap: set `url` in site\.yaml/m);
  });
});
