/**
 * The URL contract: which page exists at which address. A reader's bookmark of `/actors/x/` or
 * `/briefs/page/2/` must keep working, and every list must be reachable page by page.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { buildModel } from "../../src/model/build-model.ts";
import type { SiteModel } from "../../src/model/types.ts";
import type { SitePath } from "../../src/model/urls.ts";
import { outputPathOf, pagesOf, paginate, type Page, type Slice } from "../../src/render/pages.ts";
import { dump, errorsOf, tempContent, validateDir, validateFixture } from "../helpers/content.ts";

const BRIEFS = 12;
const PER_PAGE = 5;

/** A site with 12 briefs about the UK and one article, listed 5 to a page. */
function manyBriefs(): Record<string, string> {
  const files: Record<string, string> = {
    "site.yaml": `title: Paging Desk\nper_page: ${PER_PAGE}\n`,
    "actors/united-kingdom.yaml": "name: United Kingdom\nkind: country\naliases: [UK]\n",
    "actors/harbour-news.yaml": "name: Harbour News\nkind: media-outlet\n",
    "actors/european-union.yaml": "name: European Union\nkind: international-body\n",
    "articles/one.md":
      "---\ntitle: One\noutlet: harbour-news\npublished: 2025-01-01\n---\nThe UK said so.\n\nSecond paragraph.\n",
  };
  for (let i = 1; i <= BRIEFS; i++) {
    const day = String(i).padStart(2, "0");
    files[`briefs/brief-${day}.md`] =
      `---\ntitle: Brief ${day}\ndate: 2025-03-${day}\ndek: Number ${i}.\nstatus: published\nsources: [one]\n` +
      `actors:\n  - id: united-kingdom\n    role: spoke\ntopics: [Paging]\n` +
      `events:\n  - date: 2025-03-${day}\n    what: Event ${i}.\n    actors: [united-kingdom]\n    cites: [one#p1]\n---\nBody [@one#p1].\n`;
  }
  return files;
}

const byPath = (pages: readonly Page[]) => new Map(pages.map((p) => [p.path as string, p]));
const sliceOf = (p: Page | undefined): Slice<unknown> => {
  assert.ok(p && "slice" in p, `not a list page: ${p?.path}`);
  return p.slice as Slice<unknown>;
};

describe("paginate", () => {
  const base = "/list/" as SitePath;

  test("an empty list still gets its first page, with no neighbours", () => {
    const slices = paginate([], 5, base);
    assert.equal(slices.length, 1);
    assert.deepEqual(slices[0]!.items, []);
    assert.equal(slices[0]!.number, 1);
    assert.equal(slices[0]!.count, 1);
    assert.equal(slices[0]!.total, 0);
    assert.equal(slices[0]!.prev, undefined);
    assert.equal(slices[0]!.next, undefined);
  });

  test("exactly one page's worth makes one page; one more makes two", () => {
    assert.equal(paginate([1, 2, 3, 4, 5], 5, base).length, 1);
    const two = paginate([1, 2, 3, 4, 5, 6], 5, base);
    assert.deepEqual(
      two.map((s) => s.items),
      [[1, 2, 3, 4, 5], [6]],
    );
  });

  test("pages cover every item once, in order, with prev/next addresses", () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    const slices = paginate(items, 5, base);
    assert.deepEqual(
      slices.flatMap((s) => s.items),
      items,
    );
    assert.deepEqual(
      slices.map((s) => [s.number, s.count, s.total, s.first, s.prev, s.next]),
      [
        [1, 3, 12, "/list/", undefined, "/list/page/2/"],
        [2, 3, 12, "/list/", "/list/", "/list/page/3/"],
        [3, 3, 12, "/list/", "/list/page/2/", undefined],
      ],
    );
  });
});

describe("pagesOf over a paginated site", () => {
  let model: SiteModel;
  let pages: Page[];
  let cleanup: () => Promise<void>;
  before(async () => {
    const tmp = await tempContent(manyBriefs());
    cleanup = tmp.cleanup;
    const run = await validateDir(tmp.dir);
    assert.deepEqual(errorsOf(run.diagnostics), [], dump(run.diagnostics));
    model = buildModel(run.validated.content, { pathPrefix: "/some-repo/", includeDrafts: false });
    pages = pagesOf(model);
  });
  after(() => cleanup());

  test("no two pages share a path or an output file", () => {
    const paths = pages.map((p) => p.path);
    assert.equal(new Set(paths).size, paths.length, paths.filter((p, i) => paths.indexOf(p) !== i).join(", "));
    const files = paths.map(outputPathOf);
    assert.equal(new Set(files).size, files.length);
  });

  test("exactly one page per brief and per article, at its own address", () => {
    const briefPages = pages.filter((p) => p.layout === "brief");
    assert.equal(briefPages.length, BRIEFS);
    assert.deepEqual(briefPages.map((p) => p.path).sort(), model.briefs.map((b) => b.path).sort());
    assert.ok(briefPages.every((p) => p.layout === "brief" && p.path === `/briefs/${p.brief.id}/`));
    const articlePages = pages.filter((p) => p.layout === "article");
    assert.deepEqual(
      articlePages.map((p) => p.path),
      ["/articles/one/"],
    );
  });

  test("site paths never carry the deployment prefix (Eleventy adds it)", () => {
    assert.ok(pages.every((p) => p.path.startsWith("/") && !p.path.startsWith("/some-repo/")));
  });

  test("the briefs archive is split at per_page with stable page addresses", () => {
    const m = byPath(pages);
    const archive = pages.filter((p) => p.layout === "briefs").map((p) => p.path);
    assert.deepEqual(archive, ["/briefs/", "/briefs/page/2/", "/briefs/page/3/"]);
    assert.deepEqual(
      sliceOf(m.get("/briefs/")).items.map((b) => (b as { id: string }).id),
      ["brief-12", "brief-11", "brief-10", "brief-09", "brief-08"],
    );
    assert.equal(sliceOf(m.get("/briefs/page/3/")).items.length, 2);
    assert.equal(m.get("/briefs/page/2/")!.title, "All briefs (page 2 of 3)");
    assert.equal(m.get("/briefs/")!.title, "All briefs");
  });

  test("an actor's own timeline is split at per_page, oldest event first, under its dossier's address", () => {
    const timeline = pages.filter((p) => p.layout === "actor-timeline");
    assert.deepEqual(
      timeline.map((p) => p.path),
      [
        "/actors/united-kingdom/timeline/",
        "/actors/united-kingdom/timeline/page/2/",
        "/actors/united-kingdom/timeline/page/3/",
      ],
    );
    assert.deepEqual(
      sliceOf(timeline[0]).items.map((e) => (e as { event: { what: string } }).event.what),
      ["Event 1.", "Event 2.", "Event 3.", "Event 4.", "Event 5."],
    );
    assert.equal(timeline[2]!.title, "Timeline: United Kingdom (page 3 of 3)");
  });

  test("an actor's page lists its 13 documents over three pages, prev/next linking them", () => {
    const m = byPath(pages);
    const actorPages = pages.filter((p) => p.layout === "actor" && p.actor.id === "united-kingdom").map((p) => p.path);
    assert.deepEqual(actorPages, [
      "/actors/united-kingdom/",
      "/actors/united-kingdom/page/2/",
      "/actors/united-kingdom/page/3/",
    ]);
    const [p1, p2, p3] = actorPages.map((p) => sliceOf(m.get(p)));
    assert.equal(p1!.total, BRIEFS + 1);
    assert.equal(p1!.prev, undefined);
    assert.equal(p1!.next, "/actors/united-kingdom/page/2/");
    assert.equal(p2!.prev, "/actors/united-kingdom/");
    assert.equal(p2!.next, "/actors/united-kingdom/page/3/");
    assert.equal(p3!.prev, "/actors/united-kingdom/page/2/");
    assert.equal(p3!.next, undefined);
    assert.equal(p3!.items.length, 3);
    // The article (oldest) is the very last item.
    assert.equal((p3!.items.at(-1) as { type: string }).type, "article");
  });

  test("an actor no document names still gets its one page", () => {
    const eu = pages.filter((p) => p.layout === "actor" && p.actor.id === "european-union");
    assert.deepEqual(
      eu.map((p) => p.path),
      ["/actors/european-union/"],
    );
    assert.equal(sliceOf(eu[0]).total, 0);
    const news = pages.filter((p) => p.layout === "actor" && p.actor.id === "harbour-news");
    assert.equal(sliceOf(news[0]).total, 1); // an outlet is named by its article
  });

  test("timeline, topic and outlet lists paginate the same way", () => {
    const paths = new Set(pages.map((p) => p.path as string));
    for (const p of [
      "/timeline/",
      "/timeline/page/2/",
      "/timeline/page/3/",
      "/topics/paging/",
      "/topics/paging/page/2/",
      "/topics/paging/page/3/",
      "/outlets/harbour-news/",
    ]) {
      assert.ok(paths.has(p), `missing ${p}`);
    }
    assert.ok(!paths.has("/timeline/page/4/"));
    assert.ok(!paths.has("/outlets/harbour-news/page/2/"));
    assert.ok(!paths.has("/timeline/page/1/"), "page 1 lives at the list's own address");
  });

  test("every prev/next points at a page that exists", () => {
    const paths = new Set(pages.map((p) => p.path as string));
    for (const p of pages) {
      if (!("slice" in p)) continue;
      for (const link of [p.slice.prev, p.slice.next, p.slice.first])
        if (link) assert.ok(paths.has(link), `${p.path} → ${link}`);
    }
  });

  test("the fixed pages are all there", () => {
    const paths = new Set(pages.map((p) => p.path as string));
    for (const p of ["/", "/actors/", "/outlets/", "/topics/", "/search/", "/404.html", "/feed.xml"])
      assert.ok(paths.has(p), `missing ${p}`);
    assert.equal(outputPathOf("/feed.xml" as SitePath), "/feed.xml");
    assert.equal(outputPathOf("/actors/x/page/2/" as SitePath), "/actors/x/page/2/index.html");
  });
});

describe("pagesOf over the cross-links fixture", () => {
  test("one page per brief, article and actor; lists of exactly per_page fit on one page", async () => {
    const run = await validateFixture("cross-links");
    const model = buildModel(run.validated.content, { pathPrefix: "/", includeDrafts: false });
    const pages = pagesOf(model);
    const count = (layout: Page["layout"]) => pages.filter((p) => p.layout === layout).length;
    assert.equal(count("brief"), 3);
    assert.equal(count("article"), 3);
    assert.equal(count("actor"), model.actors.length);
    assert.equal(count("outlet"), 3);
    assert.equal(count("topic"), 2);
    // The UK is named in exactly 5 documents and per_page is 5.
    assert.equal(model.mentionsOf(model.actors.find((a) => a.id === "united-kingdom")!.id).length, 5);
    assert.ok(!pages.some((p) => p.path === "/actors/united-kingdom/page/2/"));
    assert.ok(pages.some((p) => p.path === "/outlets/outlet-not-stated/"));
    assert.ok(!pages.some((p) => p.path === "/briefs/later-draft/"), "drafts get no page");
  });
});

describe("the actor and source indexes at archive scale", () => {
  /** 650 actors (people, then countries), 45 outlets with one article each: more than one page of each index. */
  function manyActors(): Record<string, string> {
    const files: Record<string, string> = { "site.yaml": "title: Big Desk\n" };
    for (let i = 0; i < 600; i++) files[`actors/person-${i}.yaml`] = `name: Person Number ${i}\nkind: person\n`;
    for (let i = 0; i < 50; i++) files[`actors/country-${i}.yaml`] = `name: Country Number ${i}\nkind: country\n`;
    for (let i = 0; i < 45; i++) {
      files[`actors/outlet-${i}.yaml`] = `name: Outlet Number ${i}\nkind: media-outlet\n`;
      files[`articles/story-${i}.md`] =
        `---\ntitle: Story ${i}\noutlet: outlet-${i}\npublished: 2025-01-01\n---\nText.\n`;
    }
    return files;
  }

  test("split into pages of bounded length, every actor and outlet listed once, kinds linked to where they start", async () => {
    const { dir, cleanup } = await tempContent(manyActors());
    try {
      const run = await validateDir(dir);
      assert.equal(run.diagnostics.filter((d) => d.severity === "error").length, 0, dump(run.diagnostics));
      const model = buildModel(run.validated.content, { pathPrefix: "/", includeDrafts: false });
      const pages = pagesOf(model);
      const actorPages = pages.filter((p) => p.layout === "actors");
      assert.deepEqual(
        actorPages.map((p) => p.path),
        ["/actors/", "/actors/page/2/", "/actors/page/3/"],
      );
      const listed = actorPages.flatMap((p) => sliceOf(p).items as { id: string; kind: string }[]);
      assert.equal(listed.length, model.actors.length);
      assert.equal(new Set(listed.map((a) => a.id)).size, model.actors.length);
      assert.deepEqual(
        actorPages.map((p) => sliceOf(p).items.length),
        [300, 300, 95],
        "full pages of 300, the rest on the last",
      );
      // Countries come before people (the schema's order of kinds), and the nav says where each kind starts.
      const first = actorPages[0]!;
      assert.ok(first.layout === "actors");
      const kind = (k: string) => first.kinds.find((e) => e.kind === k)!;
      assert.deepEqual(
        first.kinds.map((e) => [e.kind, e.count]),
        [
          ["country", 50],
          ["person", 600],
          ["media-outlet", 45],
        ],
      );
      assert.equal(kind("country").start, "/actors/");
      const personStart = kind("person").start;
      const page = byPath(pages).get(personStart);
      assert.ok((sliceOf(page).items as { kind: string }[]).some((a) => a.kind === "person"));
      const before = actorPages[actorPages.findIndex((p) => p.path === personStart) - 1];
      if (before) assert.ok(!(sliceOf(before).items as { kind: string }[]).some((a) => a.kind === "person"));

      const sourcePages = pages.filter((p) => p.layout === "outlets");
      assert.deepEqual(
        sourcePages.map((p) => p.path),
        ["/outlets/", "/outlets/page/2/", "/outlets/page/3/"],
      );
      assert.equal(sourcePages.flatMap((p) => sliceOf(p).items).length, model.outlets.length);
    } finally {
      await cleanup();
    }
  });
});
