/**
 * A French site reads French (issue #13, "Readers"): the cross-links fixture with `language: fr`,
 * built for real, shows French interface words on every page type and none of the English ones,
 * in its visible text and in the labels a screen reader reads (aria-label, title, placeholder).
 * The fixture's own content is English, but none of it uses the English words listed here.
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { buildSite } from "../../src/pipeline.ts";
import { outputPathOf, type Layout } from "../../src/render/pages.ts";
import { fixture } from "../helpers/content.ts";
import { NON_HTML_LAYOUTS, pageTypesOf, type PageTypes } from "../helpers/page-types.ts";

/** English interface words, each absent from the fixture's content; words French writes alike ("Sources", "Original", "Pages") are left out. */
const ENGLISH = [
  "Skip to content",
  "Search briefs",
  "Key point",
  "What each source says",
  "Not reported",
  "Who is involved",
  "Who said what",
  "What happened when",
  "Related briefs",
  "Shared:",
  "Updates",
  "On this page",
  "Outlet not stated",
  "Original at",
  "Updated",
  "Corrected",
  "Close",
  "show cited text",
  "paragraph",
  "Paragraph",
  "Cited in",
  "Briefs citing",
  "Actors named",
  "Not stated in the source",
  "Date not stated",
  "Published",
  "Outlet",
  "Source article",
  "source article",
  "Named once",
  "First named",
  "Roles and stances",
  "Quotes",
  "Events it took part in",
  "appears with",
  "Ranked by",
  "Named in",
  "giving its role",
  "Role:",
  "Stance:",
  "Also:",
  "Affiliated",
  "Follow",
  "feed reader",
  "Actor timeline",
  "Timeline",
  "Lead brief",
  "full brief",
  "Latest briefs",
  "Most active",
  "People and organisations",
  "All actors",
  "All briefs",
  "newest first",
  "oldest first",
  "Dated only in words",
  "Page not found",
  "There is no page",
  "Best match",
  "Newest first",
  "Order",
  "needs JavaScript",
  "Browse instead",
  "Browsing by",
  "Atom feed",
  "Newer",
  "Older",
  "Previous",
  "Next",
  "1 of",
  "Topic",
  "Actors",
  "Briefs",
  "Outlets",
  "Country",
  "Person",
  "Military",
  "Media outlet",
  "briefs",
  "brief",
  "events",
];

/** Each word as a whole word: "Person" is not in "Personne", nor "paragraph" in "paragraphe". */
const ENGLISH_WORDS = ENGLISH.map(
  (w) =>
    [
      w,
      new RegExp(
        `${/^\w/.test(w) ? "\\b" : ""}${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${/\w$/.test(w) ? "\\b" : ""}`,
      ),
    ] as const,
);

/** A French heading or label each page type must show (besides the header every page has). */
const FRENCH: { readonly [L in Layout]?: string } = {
  home: "Dernières synthèses",
  brief: "Sur cette page",
  article: "Synthèses citant cet article",
  actor: "Synthèses et articles citant",
  "actor-timeline": "Chronologie d’un acteur",
  actors: "pays, personnes, organisations et médias",
  briefs: "Toutes les synthèses",
  timeline: "issus de toutes les synthèses",
  outlets: "articles sources de",
  outlet: "1 article source",
  topics: "<h1>Thèmes</h1>",
  topic: "Thème",
  search: "Trier par",
  "not-found": "Page introuvable",
};

/** What a reader sees or hears: the body's text, tags stripped, and its aria-labels, titles and placeholders. */
function readersText(page: string): string {
  const body = page.slice(page.indexOf("<body"));
  const labels = Array.from(body.matchAll(/(?:aria-label|title|placeholder|alt)="([^"]*)"/g), (m) => m[1]);
  const text = body.replace(/<(script|style)[\s\S]*?<\/\1>/g, " ").replace(/<[^>]+>/g, " ");
  return [text, ...labels].join("\n").replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");
}

let dir = "";
let outDir = "";
let types: PageTypes;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "briefbook-french-"));
  const content = path.join(dir, "content");
  await cp(fixture("cross-links"), content, { recursive: true });
  const site = await readFile(path.join(content, "site.yaml"), "utf8");
  await writeFile(path.join(content, "site.yaml"), site.replace(/^language: en$/m, "language: fr"));
  outDir = path.join(dir, "_site");
  const built = await buildSite({ contentDir: content, outDir, pathPrefix: "/", includeDrafts: false });
  assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
  types = await pageTypesOf(content, outDir);
});
after(() => rm(dir, { recursive: true, force: true }));

const pageOf = (p: string) => readFile(path.join(outDir, outputPathOf(p as never)), "utf8");

describe("a site in French (language: fr)", () => {
  test("the fixture has a page of every page type a reader opens", () => {
    const html = types.layouts.filter((l) => !NON_HTML_LAYOUTS.includes(l) && l !== "cname");
    assert.deepEqual(types.samples.map((s) => s.layout).sort(), html.sort());
  });

  test("every page type reads French: its own heading, the header's words, <html lang>", async () => {
    for (const { layout, path: p } of types.samples) {
      const page = await pageOf(p);
      assert.match(page, /<html lang="fr">/, p);
      const expected = FRENCH[layout];
      assert.ok(expected, `no French heading listed for ${layout}`);
      assert.ok(page.includes(expected), `${p} (${layout}) lacks '${expected}'`);
      assert.ok(page.includes(">Aller au contenu<") && page.includes(">Synthèses</a>"), `${p}: the header`);
    }
  });

  test("no page type shows or reads out an English interface word", async () => {
    const found: string[] = [];
    for (const { layout, path: p } of types.samples) {
      const text = readersText(await pageOf(p));
      for (const [word, pattern] of ENGLISH_WORDS) if (pattern.test(text)) found.push(`${layout} ${p}: '${word}'`);
    }
    assert.deepEqual(found, []);
  });

  test("counts agree with their number: « 1 article source », « 3 articles sources »", async () => {
    const home = readersText(await pageOf("/"));
    assert.match(home, /3 synthèses · 3 articles sources · 9 acteurs/);
    const outlets = readersText(await pageOf("/outlets/"));
    assert.match(outlets, /3 articles sources de 2 médias identifiés/);
  });

  test("search's filter groups and result labels are French: Pagefind's UI prints their names as they are", async () => {
    const article = await pageOf("/articles/navy-strikes/");
    for (const filter of ["type", "année", "média", "acteur", "catégorie"])
      assert.match(article, new RegExp(`data-pagefind-filter="${filter}">`), filter);
    assert.match(article, /data-pagefind-filter="type">Article</);
    assert.match(article, /data-pagefind-meta="publié le">/);
    assert.doesNotMatch(article, /data-pagefind-(filter|meta)="(year|outlet|actor|kind|published)"/);
    assert.match(await pageOf("/search/"), /id="search-config"[^>]* data-type="type"/);
  });

  test("the feeds' own words are French too", async () => {
    const feed = await readFile(path.join(outDir, "actors/united-kingdom/feed.xml"), "utf8");
    assert.match(feed, /Les dernières synthèses citant United Kingdom\./);
    assert.doesNotMatch(feed, /The latest briefs/);
  });
});
