/**
 * The front page as a reader meets it (the lead brief with its key points, the latest briefs with
 * dek and actors, the most active actors with outlets apart, a search box), and dates and counts in
 * the site's language: the cross-links fixture as written (`en`) and with `language: fr`.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { renderPage } from "../../layouts/index.ts";
import { formatCount, formatDate } from "../../layouts/format.ts";
import { buildModel } from "../../src/model/build-model.ts";
import type { SiteModel } from "../../src/model/types.ts";
import type { Page } from "../../src/render/pages.ts";
import { renderInputOf } from "../../src/render/render-input.ts";
import { renderSettingsOf } from "../../src/render-settings.ts";
import { dump, errorsOf, validateFixture } from "../helpers/content.ts";

interface Site {
  readonly model: SiteModel;
  readonly page: (path: string) => string;
}

/** The cross-links fixture rendered at `/`, in its own language or in `language`. */
async function renderFixture(language?: string): Promise<Site> {
  const run = await validateFixture("cross-links");
  assert.deepEqual(errorsOf(run.diagnostics), [], dump(errorsOf(run.diagnostics)));
  const { content } = run.validated;
  const opts = { contentDir: "unused", pathPrefix: "/", includeDrafts: false };
  const model = buildModel(language ? { ...content, site: { ...content.site, language } } : content, opts);
  const input = renderInputOf(model, await renderSettingsOf(model, opts));
  const byPath = new Map<string, Page>(input.pages.map((p) => [p.path, p]));
  return {
    model,
    page: (path) => {
      const p = byPath.get(path);
      assert.ok(p, `no page at ${path}`);
      return renderPage(p, input.context);
    },
  };
}

/** The part of `text` from the element opening with `open` to the first `close` after it. */
function part(text: string, open: string, close: string): string {
  const start = text.indexOf(open);
  assert.ok(start >= 0, `no ${open} in page`);
  const end = text.indexOf(close, start);
  return text.slice(start, end === -1 ? undefined : end + close.length);
}
const linkTexts = (text: string) => Array.from(text.matchAll(/<a [^>]*>([^<]*)<\/a>/g), (m) => m[1]!);

describe("home page (cross-links, en)", () => {
  let site: Site;
  let home: string;
  before(async () => {
    site = await renderFixture();
    home = site.page("/");
  });

  test("leads with the newest brief: its date, title, dek and key points, each with its citation", () => {
    const lead = site.model.briefs[0]!;
    const section = part(home, '<article class="home-lead"', "</article>");
    assert.match(section, new RegExp(`<time datetime="${lead.date}">14 November 2025</time>`));
    assert.match(
      section,
      /<h2 id="lead-title"><a href="\/briefs\/memo-brief\/">A memo names the force behind the strikes<\/a><\/h2>/,
    );
    assert.ok(section.includes(`<p class="lede">${lead.dek}</p>`));
    assert.ok(lead.key_points.length > 0);
    for (const k of lead.key_points) {
      const item = part(section, `<li>${k.text}`, "</li>");
      assert.match(item, /class="cite/, `the key point "${k.text}" has its citation`);
    }
    for (const id of part(home, "", "</main>").matchAll(/popovertarget="([^"]+)"/g)) {
      assert.ok(home.includes(`id="${id[1]}" popover`), `citation ${id[1]} opens a popover on the page`);
    }
  });

  test("then the other briefs, newest first, each with date, dek and its actors linked, and no “Brief” label", () => {
    const latest = part(home, '<section aria-labelledby="latest">', "</section>");
    const titles = Array.from(latest.matchAll(/<h3><a href="([^"]+)">/g), (m) => m[1]);
    assert.deepEqual(titles, ["/briefs/strikes-response/", "/briefs/uk-review/"]);
    const strikes = part(latest, '<h3><a href="/briefs/strikes-response/">', "</li>\n");
    assert.match(strikes, /<time datetime="2025-11-13">13 November 2025<\/time>/);
    assert.match(strikes, /<p class="dek">Venezuela protests as allies stay quiet.<\/p>/);
    const brief = site.model.briefs.find((b) => b.id === "strikes-response")!;
    const names = brief.actors.map((a) => site.model.actor(a.id)!.name);
    assert.deepEqual(linkTexts(part(strikes, '<ul class="chips">', "</ul>")), names.slice(0, 5));
    assert.doesNotMatch(home, /doc-type/, "no row is labelled with its type");
    assert.match(
      part(latest, '<h3><a href="/briefs/uk-review/">', "</li>"),
      /London pauses sharing &lt;b&gt;after&lt;\/b&gt; strikes &amp; reviews it\./,
    );
  });

  test("ranks the most active actors with outlets apart: no outlet among people and organisations", () => {
    const kindOf = new Map(site.model.actors.map((a) => [a.name, a.kind]));
    const people = linkTexts(part(home, '<h3 id="active-actors">', "</ol>"));
    const outlets = linkTexts(part(home, '<h3 id="active-outlets">', "</ol>"));
    const ranked = site.model.mostMentioned;
    assert.deepEqual(
      people,
      ranked
        .filter((a) => a.kind !== "media-outlet")
        .slice(0, 10)
        .map((a) => a.name),
    );
    assert.ok(outlets.length > 0, "the fixture's outlets are named, so listed");
    assert.deepEqual(
      outlets,
      ranked
        .filter((a) => a.kind === "media-outlet")
        .slice(0, 5)
        .map((a) => a.name),
    );
    for (const name of people) assert.notEqual(kindOf.get(name), "media-outlet", name);
  });

  test("has one search box, its own, sending the query to the search page; the site's name is printed once", () => {
    assert.match(home, /<form class="home-search" role="search" action="\/search\/" method="get">/);
    assert.match(home, /<input id="home-search" type="search" name="q"/);
    assert.equal(home.match(/type="search"/g)?.length, 1, "the header's box is not repeated");
    assert.match(home, /<h1 class="visually-hidden">Cross-links Desk<\/h1>/);
    const seen = part(home, "<body>", "</main>").replace(/<h1 class="visually-hidden">[^<]*<\/h1>/, "");
    assert.equal(seen.match(/Cross-links Desk/g)?.length, 1, "once, in the header");
  });
});

describe("dates and counts in the site's language", () => {
  test("formatDate reads day, month or year in the language given; en (the default) day first", () => {
    assert.equal(formatDate("2025-11-10", "fr"), "10 novembre 2025");
    assert.equal(formatDate("2025-11", "fr"), "novembre 2025");
    assert.equal(formatDate("2025-11-10", "de"), "10. November 2025");
    assert.equal(formatDate("2025-11-10"), "10 November 2025");
    assert.equal(formatDate("2025-11-10", "en"), "10 November 2025");
    assert.equal(formatDate("2025-11-10", "en-US"), "November 10, 2025");
    assert.equal(formatDate("2025-09"), "September 2025");
    assert.equal(formatDate("2025"), "2025");
    assert.equal(formatDate("2025-01-01", "fr"), "1 janvier 2025", "a calendar date, whatever the machine's time zone");
    assert.equal(formatCount(1234), "1,234");
    assert.equal(formatCount(1234, "fr"), "1\u202f234");
  });

  test("a language's formatters are built once, not once per date", () => {
    const Real = Intl.DateTimeFormat;
    let built = 0;
    const counting = function (...args: ConstructorParameters<typeof Real>) {
      built += 1;
      return new Real(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = counting;
    try {
      for (let d = 1; d <= 28; d++) formatDate(`2024-02-${String(d).padStart(2, "0")}`, "it");
      formatDate("2024-02", "it");
    } finally {
      Intl.DateTimeFormat = Real;
    }
    assert.ok(built <= 2, `${built} formatters built for 29 dates`);
  });

  test("a site in fr shows French dates and keeps machine dates: home page and search results", async () => {
    const fr = await renderFixture("fr");
    const home = fr.page("/");
    assert.match(home, /<time datetime="2025-11-14">14 novembre 2025<\/time>/);
    assert.match(home, /<time datetime="2025-11-13">13 novembre 2025<\/time>/);
    assert.doesNotMatch(home, /November/);
    assert.match(fr.page("/articles/uk-pause/"), /data-pagefind-meta="publié le">10 novembre 2025</);
    assert.match(fr.page("/briefs/memo-brief/"), /data-pagefind-meta="date">14 novembre 2025</);
    assert.match(
      fr.page("/briefs/memo-brief/"),
      /data-pagefind-sort="date">2025-11-14</,
      "sorting keeps the machine date",
    );
  });

  test("a site in fr shows French dates on every page that shows dates: brief, article, actor, lists, timeline", async () => {
    const fr = await renderFixture("fr");
    const pages = ["/briefs/memo-brief/", "/articles/uk-pause/", "/actors/united-kingdom/", "/briefs/", "/timeline/"];
    for (const path of pages) {
      const text = fr.page(path);
      assert.match(
        text,
        /<time datetime="\d{4}-\d{2}-\d{2}">\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}<\/time>/,
        path,
      );
      assert.doesNotMatch(
        text,
        /(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
        `${path} shows an English date`,
      );
    }
    assert.match(fr.page("/timeline/"), /<h2[^>]*>novembre 2025<\/h2>/, "the timeline's month headings too");
  });
});

describe("what a search result says of its date (cross-links, en)", () => {
  let site: Site;
  before(async () => {
    site = await renderFixture();
  });

  test("a brief its date, an article its publication, an actor its latest mention", () => {
    assert.match(site.page("/briefs/memo-brief/"), /data-pagefind-meta="date">14 November 2025</);
    assert.match(site.page("/articles/uk-pause/"), /data-pagefind-meta="published">10 November 2025</);
    const latest = site.model.mentionsOf(site.model.actors.find((a) => a.id === "united-kingdom")!.id)[0]!;
    const date = latest.type === "brief" ? latest.date : latest.published;
    assert.ok(date);
    assert.match(
      site.page("/actors/united-kingdom/"),
      new RegExp(`data-pagefind-meta="latest mention">${formatDate(date)}<`),
    );
    assert.doesNotMatch(
      site.page("/actors/united-kingdom/"),
      /data-pagefind-sort/,
      "actors stay out of “newest first”",
    );
  });
});
