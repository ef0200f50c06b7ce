/**
 * Every page type rendered straight from the model (no Eleventy): what a reader can click, what
 * search indexes, and that nothing from content runs as script. Deployed under `/some-repo/`.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { renderPage } from "../../layouts/index.ts";
import { pager } from "../../layouts/partials.ts";
import { buildModel } from "../../src/model/build-model.ts";
import type { SiteModel } from "../../src/model/types.ts";
import { isHtmlPage, outputPathOf, type Page } from "../../src/render/pages.ts";
import type { RenderContext } from "../../src/render/context.ts";
import { renderInputOf } from "../../src/render/render-input.ts";
import { renderSettingsOf } from "../../src/render-settings.ts";
import { dump, validateFixture } from "../helpers/content.ts";

const PREFIX = "/some-repo/";

let model: SiteModel;
let ctx: RenderContext;
let pages: readonly Page[];
/** Rendered output by site path. */
const out = new Map<string, string>();

before(async () => {
  const run = await validateFixture("cross-links");
  // Errors only: the fact-check's warnings do not stop a build, and are tested where it is.
  const errors = run.diagnostics.filter((d) => d.severity === "error");
  assert.deepEqual(errors, [], dump(errors));
  const opts = { contentDir: "unused", pathPrefix: PREFIX, includeDrafts: false };
  model = buildModel(run.validated.content, opts);
  const input = renderInputOf(model, await renderSettingsOf(model, opts));
  ctx = input.context;
  pages = input.pages;
  for (const p of pages) out.set(p.path, renderPage(p, ctx));
});

const page = (path: string): string => {
  const text = out.get(path);
  assert.ok(text !== undefined, `no page at ${path}`);
  return text;
};
const hrefs = (text: string) =>
  Array.from(text.matchAll(/\s(?:href|src|action)="([^"]*)"/g), (m) => m[1]!.replace(/&amp;/g, "&"));
const idsOf = (text: string) => Array.from(text.matchAll(/\sid="([^"]*)"/g), (m) => m[1]!);
/** The part of a page inside the element that starts with `open` (up to the next `close`). */
const section = (text: string, open: RegExp, close: string): string => {
  const m = open.exec(text);
  assert.ok(m, `no ${open} in page`);
  const end = text.indexOf(close, m.index);
  return text.slice(m.index, end === -1 ? undefined : end);
};

describe("brief page", () => {
  test("links to each actor involved, each source article and each cited paragraph", () => {
    const text = page("/briefs/strikes-response/");
    const links = new Set(hrefs(text));
    const brief = model.briefs.find((b) => b.id === "strikes-response")!;
    for (const a of brief.actors) assert.ok(links.has(`${PREFIX}actors/${a.id}/`), `no link to actor ${a.id}`);
    for (const s of brief.sources) assert.ok(links.has(`${PREFIX}articles/${s}/`), `no link to source ${s}`);
    for (const anchor of ["navy-strikes/#p1", "navy-strikes/#p2", "navy-strikes/#p3", "uk-pause/#p2"]) {
      assert.ok(links.has(`${PREFIX}articles/${anchor}`), `no citation of ${anchor}`);
    }
  });

  test("shows the quote, the stance and the event dated only in words", () => {
    const text = page("/briefs/strikes-response/");
    assert.match(text, /<blockquote><p>an act of aggression<\/p><\/blockquote>/);
    assert.match(text, /the strikes are aggression/);
    assert.match(text, /&quot;on Tuesday&quot; \(date not stated\)/);
  });

  test("is indexed as a Brief, filterable by every actor it involves", () => {
    const text = page("/briefs/strikes-response/");
    assert.match(text, /<article class="brief" data-pagefind-body>/);
    assert.match(text, /data-pagefind-filter="type">Brief</);
    const actors = Array.from(text.matchAll(/data-pagefind-filter="actor">([^<]*)</g), (m) => m[1]).sort();
    assert.deepEqual(actors, ["Nicolás Maduro", "US Navy", "United Kingdom", "United States", "Venezuela"]);
  });

  test("editor text is escaped everywhere it appears", () => {
    const text = page("/briefs/uk-review/");
    assert.doesNotMatch(text, /<b>after<\/b>/);
    assert.match(
      text,
      /<p class="lede">London pauses sharing &lt;b&gt;after&lt;\/b&gt; strikes &amp; reviews it\.<\/p>/,
    );
    assert.match(text, /<meta name="description" content="London pauses sharing &lt;b&gt;after/);
    assert.match(text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(text, /href="javascript:/i);
    assert.doesNotMatch(text, /<img/i);
    // Lists showing the dek escape it too.
    assert.doesNotMatch(page("/"), /<b>after<\/b>/);
    assert.doesNotMatch(page("/actors/united-kingdom/"), /<b>after<\/b>/);
  });
});

/** The citation popovers on a page: id → their HTML. */
const popoversOf = (text: string) =>
  new Map(
    Array.from(text.matchAll(/<div class="cite-pop" id="([^"]+)" popover>([\s\S]*?)<\/div>/g), (m) => [m[1]!, m[2]!]),
  );
/** Each citation button on a page: the popover it opens and its visible label. */
const citeButtonsOf = (text: string) =>
  Array.from(text.matchAll(/<button type="button" class="cite" popovertarget="([^"]+)">([^<]*)/g), (m) => ({
    target: m[1]!,
    label: m[2]!,
  }));

describe("citations", () => {
  test("a citation opens the cited paragraph's text in place, with a link to the paragraph", () => {
    const text = page("/briefs/strikes-response/");
    const body = section(text, /<section class="body"/, "</section>");
    const [button, ...more] = citeButtonsOf(body);
    assert.ok(button && more.length === 0, "one citation button in the body");
    assert.equal(button.label, "Coast Gazette");
    const popover = popoversOf(text).get(button.target);
    assert.ok(popover, `no popover #${button.target}`);
    assert.match(
      popover.replace(/<[^>]*>/g, ""),
      /The US Navy struck a vessel off the coast of Venezuela on Tuesday\./,
    );
    assert.ok(hrefs(popover).includes(`${PREFIX}articles/navy-strikes/#p1`));
    // Without popover support, the same label links to the popover's text (:target).
    assert.ok(hrefs(body).includes(`#${button.target}`));
  });

  test("several paragraphs cited together are one button (one tab stop) showing each of them", () => {
    const text = page("/briefs/uk-review/");
    const body = section(text, /<section class="body"/, "</section>");
    const buttons = citeButtonsOf(body);
    assert.equal(buttons.length, 2, "[@uk-pause#p1, @uk-pause#p2] and [@uk-pause#p3]");
    const popover = popoversOf(text).get(buttons[0]!.target)!;
    for (const n of [1, 2]) assert.ok(hrefs(popover).includes(`${PREFIX}articles/uk-pause/#p${n}`), `¶${n}`);
    assert.doesNotMatch(buttons[0]!.label, /¶/);
  });

  test("every citation button on every page opens a popover that is on that page", () => {
    for (const p of pages) {
      if (!isHtmlPage(p)) continue;
      const text = page(p.path);
      const popovers = popoversOf(text);
      for (const b of citeButtonsOf(text)) assert.ok(popovers.has(b.target), `${p.path}: #${b.target}`);
    }
    assert.ok(
      citeButtonsOf(page("/timeline/")).length > 0 && citeButtonsOf(page("/actors/nicolas-maduro/")).length > 0,
    );
  });
});

describe("printed citations", () => {
  test("each citation in a brief, repeats included, has a footnote in page order naming its paragraphs", () => {
    for (const path of ["/briefs/strikes-response/", "/briefs/uk-review/", "/briefs/memo-brief/"]) {
      const text = page(path);
      const article = text.split('<ol class="cite-footnotes"')[0]!;
      const popovers = popoversOf(text);
      const cited = citeButtonsOf(article).map((b) =>
        Array.from(popovers.get(b.target)!.matchAll(/<p class="cite-src"><a [^>]*>([^<]*)<\/a>/g), (m) => m[1]).join(
          "; ",
        ),
      );
      const notes = Array.from(
        section(text, /<ol class="cite-footnotes"/, "</ol>").matchAll(/<li>([^<]*)<\/li>/g),
        (m) => m[1]!.replace(/&amp;/g, "&"),
      );
      assert.ok(cited.length > 1, path);
      assert.deepEqual(notes, cited, path);
    }
  });
});

describe("what each source says", () => {
  test("a brief with several sources shows, per source, the paragraphs reporting each key point", () => {
    const text = page("/briefs/memo-brief/");
    const table = section(text, /<table class="compare">/, "</table>");
    const heads = Array.from(table.matchAll(/<th scope="col"><a href="([^"]*)">([^<]*)<\/a>/g), (m) => [m[2], m[1]]);
    assert.deepEqual(heads, [
      ["A memo circulated among…", `${PREFIX}articles/unsourced-memo/`],
      ["Coast Gazette", `${PREFIX}outlets/coast-gazette/`],
    ]);
    const row = section(table, /<tr id="key-point-1"><th scope="row">The memo names the US Navy\./, "</tr>");
    const cells = citeButtonsOf(row);
    assert.deepEqual(
      cells.map((c) => c.label),
      ["¶2", "¶1"],
    );
    const popovers = popoversOf(text);
    assert.ok(hrefs(popovers.get(cells[0]!.target)!).includes(`${PREFIX}articles/unsourced-memo/#p2`));
    assert.ok(hrefs(popovers.get(cells[1]!.target)!).includes(`${PREFIX}articles/navy-strikes/#p1`));
  });

  test("a brief with one source lists its key points as before", () => {
    const text = page("/briefs/uk-review/");
    assert.doesNotMatch(text, /class="compare"/);
    assert.match(text, /<ul class="key-points"><li id="key-point-1">The UK paused some intelligence sharing\./);
  });
});

describe("a brief with updates", () => {
  test("says 'Updated <date>' next to its date, linking to the updates log", async () => {
    const run = await validateFixture("valid-minimal");
    const opts = { contentDir: "unused", pathPrefix: PREFIX, includeDrafts: false };
    const minimal = buildModel(run.validated.content, opts);
    const input = renderInputOf(minimal, await renderSettingsOf(minimal, opts));
    const brief = input.pages.find((p) => p.path === "/briefs/uk-pause/")!;
    const text = renderPage(brief, input.context);
    const eyebrow = section(text, /<p class="eyebrow"/, "</p>");
    assert.match(eyebrow, /<time datetime="2025-11-12">/);
    assert.match(eyebrow, /<a href="#updates">Updated <time datetime="2025-11-14">14 November 2025<\/time><\/a>/);
    assert.match(text, /<h2 id="updates">/);
    assert.doesNotMatch(section(page("/briefs/uk-review/"), /<p class="eyebrow"/, "</p>"), /Updated/);
  });

  test("in lists, its row says 'Updated <date>' beside its date, or 'Corrected' for a correction, linking to the log", async () => {
    const run = await validateFixture("valid-minimal");
    const opts = { contentDir: "unused", pathPrefix: PREFIX, includeDrafts: false };
    const minimal = buildModel(run.validated.content, opts);
    const input = renderInputOf(minimal, await renderSettingsOf(minimal, opts));
    const list = renderPage(
      input.pages.find((p) => p.path === "/briefs/")!,
      input.context,
    );
    const row = (path: string) => section(list, new RegExp(`<a class="doc-title" href="${PREFIX}${path}`), "</li>");
    // uk-pause's latest update (14 November) is a correction; rubio-reaction's a clarification.
    assert.match(
      row("briefs/uk-pause/"),
      new RegExp(`<a class="changed" href="${PREFIX}briefs/uk-pause/#updates">Corrected <time datetime="2025-11-14">`),
    );
    assert.match(
      row("briefs/rubio-reaction/"),
      /<a class="changed" href="[^"]+rubio-reaction\/#updates">Updated <time/,
    );
    const crossLinksRow = section(page("/briefs/"), /<a class="doc-title" href="[^"]+uk-review\//, "</li>");
    assert.doesNotMatch(crossLinksRow, /class="changed"/, "a brief with no update says nothing");
  });
});

describe("a brief with no sources (a warning, not an error)", () => {
  test("says its source articles are not listed yet, rather than an empty Sources heading", async () => {
    const run = await validateFixture("invalid/no-sources");
    assert.deepEqual(
      run.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
    const opts = { contentDir: "unused", pathPrefix: PREFIX, includeDrafts: false };
    const model = buildModel(run.validated.content, opts);
    const input = renderInputOf(model, await renderSettingsOf(model, opts));
    const briefs = input.pages.filter((p) => p.layout === "brief");
    assert.ok(briefs.length > 0);
    for (const p of briefs) {
      const sources = section(renderPage(p, input.context), /<h2 id="sources">/, "</section>");
      assert.match(sources, /No source articles listed yet\./, p.path);
    }
  });
});

describe("article page", () => {
  test("every paragraph has its anchor, in order, and its ¶ link", () => {
    for (const a of model.articles) {
      const text = page(`/articles/${a.id}/`);
      const anchors = idsOf(text).filter((id) => /^p\d+$/.test(id));
      assert.deepEqual(
        anchors,
        a.paragraphs.map((p) => `p${p.n}`),
        a.id,
      );
      for (const p of a.paragraphs) assert.ok(text.includes(`href="#p${p.n}"`), `${a.id} ¶${p.n} link`);
    }
  });

  test("each cited paragraph lists the briefs citing it, linked", () => {
    const text = page("/articles/uk-pause/");
    const p2 = section(text, /id="p2"/, 'id="p3"');
    assert.match(
      p2,
      /Cited in <a href="\/some-repo\/briefs\/strikes-response\/#events">Strikes draw responses from London and Caracas<\/a>, <a href="\/some-repo\/briefs\/uk-review\/#cited-1">/, // cited in its text only: the sentence
    );
    const p4 = section(text, /id="p4"/, "</article>");
    assert.doesNotMatch(p4, /Cited in/);
  });

  test("lists the briefs using it as a source and the actors it names", () => {
    const text = page("/articles/navy-strikes/");
    const citing = section(text, /<h2 id="citing">/, "</section>");
    assert.deepEqual(
      hrefs(citing).filter((h) => h.includes("/briefs/")),
      [`${PREFIX}briefs/memo-brief/`, `${PREFIX}briefs/strikes-response/`],
    );
    const named = section(text, /<h2 id="named">/, "</section>");
    for (const id of ["us-navy", "venezuela", "nicolas-maduro", "united-kingdom", "united-states"]) {
      assert.ok(hrefs(named).includes(`${PREFIX}actors/${id}/`), id);
    }
  });

  test("first mentions in the text link to actor pages under the prefix", () => {
    assert.match(
      page("/articles/navy-strikes/"),
      /<a class="actor" href="\/some-repo\/actors\/nicolas-maduro\/">Nicolás Maduro<\/a>/,
    );
  });

  test("an article with no outlet says so and links to the unstated-outlet list", () => {
    const text = page("/articles/unsourced-memo/");
    assert.match(text, /Not stated in the source/);
    assert.ok(hrefs(text).includes(`${PREFIX}outlets/outlet-not-stated/`));
    assert.match(text, /this title was written by the editors/);
    assert.match(text, /data-pagefind-filter="type">Article</);
  });
});

describe("actor page", () => {
  test("its counts leave out what it has none of: no '0 quotes'", () => {
    const silent = model.actors.filter(
      (a) => model.dossierOf(a.id).quotes.length === 0 && model.mentionsOf(a.id).length > 0,
    );
    assert.ok(silent.length > 0, "the fixture has a named actor never quoted");
    for (const a of silent) {
      const counts = section(page(a.path), /<p class="counts"/, "</p>");
      assert.match(counts, /Named in \d+ documents?/, a.id);
      assert.doesNotMatch(counts, /quote/, `${a.id}: ${counts}`);
    }
  });

  test("lists the briefs and articles naming it, newest first", () => {
    const text = page("/actors/united-kingdom/");
    const list = section(text, /<h2 id="mentions">/, "</section>");
    const docs = hrefs(list).filter((h) => /\/(briefs|articles)\/[^/]+\/$/.test(h));
    assert.deepEqual(
      docs,
      model
        .mentionsOf(model.actors.find((a) => a.id === "united-kingdom")!.id)
        .map((d) => `${PREFIX}${d.path.slice(1)}`),
    );
    assert.equal(docs.length, 5);
    assert.ok(docs.some((d) => d.includes("/articles/")) && docs.some((d) => d.includes("/briefs/")));
  });

  test("shows its quotes with the brief they come from and the cited paragraph", () => {
    const text = page("/actors/nicolas-maduro/");
    const quotes = section(text, /<h2 id="quotes">/, "</section>");
    assert.match(quotes, /an act of aggression/);
    assert.ok(hrefs(quotes).includes(`${PREFIX}briefs/strikes-response/`));
    const [cite] = citeButtonsOf(quotes);
    assert.ok(cite, "the quote's citation");
    assert.ok(hrefs(popoversOf(text).get(cite.target) ?? "").includes(`${PREFIX}articles/navy-strikes/#p2`));
  });

  test("shows roles, affiliation and the actors it appears with, with counts", () => {
    const text = page("/actors/keir-starmer/");
    assert.match(text, /Affiliated with <a href="\/some-repo\/actors\/united-kingdom\/">United Kingdom<\/a>/);
    assert.match(text, /explained the pause/);
    const withList = section(text, /<h2 id="with">/, "</section>");
    assert.match(
      withList,
      /<a href="\/some-repo\/actors\/united-kingdom\/">United Kingdom<\/a> <span class="meta">1 of its 1 brief · 1 source article<\/span>/,
    );
  });

  test("stances over time with their briefs' dates, oldest first; first and latest mention", () => {
    const text = page("/actors/united-kingdom/");
    const stances = section(text, /<h2 id="stances">/, "</section>");
    const rows = Array.from(
      stances.matchAll(/<time datetime="([^"]*)">[\s\S]*?<a href="[^"]*briefs\/([^/]*)\/"/g),
      (m) => [m[1], m[2]],
    );
    assert.deepEqual(rows, [
      ["2025-11-11", "uk-review"],
      ["2025-11-13", "strikes-response"],
    ]);
    assert.match(stances, /will not share intelligence used for lethal strikes/);
    assert.match(
      text,
      /First named <time datetime="2025-11-10">[^<]*<\/time> in <a href="\/some-repo\/articles\/uk-pause\/">[\s\S]*?latest <time datetime="2025-11-13">/,
    );
  });

  test("lists the events it takes part in, and each quote once, not again under each brief", () => {
    const navy = page("/actors/us-navy/");
    const events = section(navy, /<h2 id="events">/, "</section>");
    assert.match(events, /The US Navy strikes a vessel\./);
    const maduro = page("/actors/nicolas-maduro/").split('<div class="cite-notes"')[0]!;
    assert.equal((maduro.match(/an act of aggression/g) ?? []).length, 1, "once, outside the cited paragraphs");
  });

  test("is indexed as an Actor under its own name; an unnamed actor still has a page", () => {
    const text = page("/actors/united-kingdom/");
    assert.match(text, /<article class="actor" data-pagefind-body>/);
    assert.match(text, /data-pagefind-filter="type">Actor</);
    assert.match(text, /data-pagefind-filter="actor">United Kingdom</);
    assert.match(text, /Also: <span[^>]*>UK, Britain, U\.K\.<\/span>/);
    assert.match(page("/actors/european-union/"), /Not named in any brief or article yet/);
  });
});

describe("every page", () => {
  test("brief, article and first actor pages each have exactly one data-pagefind-body; no other page has one", () => {
    for (const p of pages) {
      if (!isHtmlPage(p)) continue;
      const n = (page(p.path).match(/data-pagefind-body/g) ?? []).length;
      const indexed = p.layout === "brief" || p.layout === "article" || (p.layout === "actor" && p.slice.number === 1);
      assert.equal(n, indexed ? 1 : 0, `${p.path} (${p.layout})`);
    }
  });

  test("no <script> element on any page but search (and no inline event handlers anywhere)", () => {
    for (const p of pages) {
      const text = page(p.path);
      if (p.layout === "search") continue;
      // JSON-LD is data for search engines, not a script a browser runs (test/render/metadata.test.ts).
      assert.doesNotMatch(text, /<script(?![^>]*type="application\/ld\+json")/i, p.path);
      assert.doesNotMatch(text, /<[^>]*\son[a-z]+\s*=/i, p.path);
    }
  });

  test("under a path prefix, every root-relative link starts with the prefix", () => {
    const bad: string[] = [];
    for (const p of pages) {
      for (const h of hrefs(page(p.path))) if (h.startsWith("/") && !h.startsWith(PREFIX)) bad.push(`${p.path}: ${h}`);
    }
    assert.deepEqual(bad, []);
  });

  test("every internal link resolves to a rendered page, and every #fragment to an id on it", () => {
    const files = new Set(pages.map((p) => outputPathOf(p.path)));
    const idsByFile = new Map(pages.map((p) => [outputPathOf(p.path), new Set(idsOf(page(p.path)))]));
    const broken: string[] = [];
    for (const p of pages) {
      if (!isHtmlPage(p)) continue;
      const own = idsByFile.get(outputPathOf(p.path))!;
      for (const h of hrefs(page(p.path))) {
        if (/^[a-z]+:/i.test(h)) continue; // external
        const [pathPart = "", fragment] = h.split("#", 2);
        const path = pathPart.split("?")[0]!;
        if (path === "") {
          if (fragment && !own.has(fragment)) broken.push(`${p.path}: ${h}`);
          continue;
        }
        if (path === `${PREFIX}css/site.css`) continue; // copied from public/, not a page
        if (path.startsWith(`${PREFIX}pagefind/`)) continue; // written by the index stage
        const file = outputPathOf(`/${path.slice(PREFIX.length)}` as never);
        if (!files.has(file)) broken.push(`${p.path}: ${h}`);
        else if (fragment && !idsByFile.get(file)!.has(fragment)) broken.push(`${p.path}: ${h} (no #${fragment})`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test("no page repeats an element id", () => {
    for (const p of pages) {
      const ids = idsOf(page(p.path));
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      assert.deepEqual(dupes, [], p.path);
    }
  });

  test("each HTML page has one h1 and a title naming the site", () => {
    for (const p of pages) {
      if (!isHtmlPage(p)) continue;
      const text = page(p.path);
      assert.equal((text.match(/<h1[ >]/g) ?? []).length, 1, p.path);
      assert.match(text, /<title>[^<]*Cross-links Desk<\/title>/, p.path);
    }
  });
});

describe("list pages", () => {
  test("the timeline groups dated events by month, newest first, and those dated only in words apart, last", () => {
    const text = page("/timeline/");
    const groups = Array.from(text.matchAll(/<h2>([^<]*)<\/h2>\s*<ol class="timeline">([\s\S]*?)<\/ol>/g), (m) => [
      m[1],
      Array.from(m[2]!.matchAll(/<span class="what">([^<]*)/g), (w) => w[1]!.trim()),
    ]);
    assert.deepEqual(groups, [
      ["November 2025", ["The memo circulates.", "The pause begins."]],
      ["October 2025", ["Strikes in the Caribbean begin."]],
      ["Dated only in words", ["The US Navy strikes a vessel."]],
    ]);
    assert.match(text, /&quot;on Tuesday&quot; \(date not stated\)<\/span><\/span>/);
    assert.doesNotMatch(text, /reported <time/, "never placed at the brief's date");
  });

  test("the sources page lists every outlet, the unstated one last", () => {
    const text = page("/outlets/");
    const outlets = Array.from(text.matchAll(/<h2 id="outlet-[^"]*"><a href="([^"]*)">([^<]*)<\/a>/g), (m) => m[2]);
    assert.deepEqual(outlets, ["Coast Gazette", "Harbour News", "Outlet not stated"]);
  });

  test("the feed lists published briefs with absolute links and escaped text", () => {
    const feed = page("/feed.xml");
    const entries = parseFeed(feed).items;
    assert.deepEqual(
      entries.map((e) => e.url),
      model.briefs.map((b) => `https://briefs.example.org/some-repo/briefs/${b.id}/`),
    );
    assert.ok(entries.some((e) => e.description === "London pauses sharing <b>after</b> strikes & reviews it."));
    assert.doesNotMatch(feed, /later-draft/);
  });
});

describe("pagers say which way they go", () => {
  test("date-ordered lists page to older items; the actor index (by name) to the next page", () => {
    const slice = { items: [], number: 1, count: 2, total: 2, first: "/x/", next: "/x/page/2/" } as never;
    const byDate = pager(ctx, slice).toString();
    const byName = pager(ctx, slice, "name").toString();
    assert.match(byDate, /rel="next"[^>]*>Older →/);
    assert.match(byName, /rel="next"[^>]*>Next →/);
    assert.doesNotMatch(byName, /Older|Newer/);
  });
});
