/**
 * The live preview (`npm start`, src/preview/): pages rendered on request from the model in
 * memory, edits picked up by watching the content folder, open pages told to reload, and the last
 * good site kept when an edit breaks the content.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/pipeline.ts";
import { eventStream, eventsUrlOf, eventually, FIXTURES, previewOf, type RunningPreview } from "./helpers.ts";

const BRIEF = "/briefs/uk-review/";
const NEW_ACTOR = "/actors/european-union/";
const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];

/** The brief with a new title and one more actor, as an editor would write it. */
const retitle = (title: string) => (text: string) =>
  text
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(/^actors:\n/m, "actors:\n  - id: european-union\n    role: named in an edit\n");

describe("the preview serves the site from memory", () => {
  let p: RunningPreview;
  before(async () => (p = await previewOf("cross-links")));
  after(() => p.stop());

  test("a brief, an actor, the stylesheet and the feed, rendered as the build renders them", async () => {
    const brief = await p.get(BRIEF);
    assert.equal(brief.status, 200);
    assert.match(brief.headers.get("content-type") ?? "", /text\/html/);
    assert.equal(h1(brief.text), "UK reviews intelligence sharing");
    assert.match(brief.text, /Preview: drafts are shown/, "the preview says it shows drafts");

    const actor = await p.get("/actors/united-kingdom/");
    assert.equal(actor.status, 200);
    assert.match(actor.text, /UK reviews intelligence sharing/);

    const css = /<link rel="stylesheet" href="\/([^"]+)"/.exec(brief.text)?.[1];
    assert.ok(css, "the page links the stylesheet");
    const sheet = await p.get(`/${css}`);
    assert.equal(sheet.status, 200);
    assert.match(sheet.headers.get("content-type") ?? "", /text\/css/);

    const feed = await p.get("/feed.xml");
    assert.equal(feed.status, 200);
    assert.match(feed.text, /^<\?xml/);
    assert.doesNotMatch(feed.text, /<script/, "the feed is not a page: no live-reload script");
  });

  test("a draft is shown, as in the old preview", async () => {
    assert.equal((await p.get("/briefs/later-draft/")).status, 200);
  });

  test("every HTML page carries the live-reload script; a missing page gets the site's 404 page", async () => {
    const brief = await p.get(BRIEF);
    assert.match(eventsUrlOf(brief.text, p.server.url), /\/__briefbook\/events\?page=%2Fbriefs%2Fuk-review%2F&v=/);
    const missing = await p.get("/no-such-page/");
    assert.equal(missing.status, 404);
    assert.match(missing.text, /Page not found/);
    assert.match(missing.text, /__briefbook\/events/);
  });

  test("no address leads out of public/ or the search index", async () => {
    for (const sneaky of [
      "/css/..%2F..%2Fpackage.json",
      "/pagefind%2F..%2F..%2F..%2Fpackage.json",
      "/css/..%5Csite.css",
    ])
      assert.equal((await p.get(sneaky)).status, 400, sneaky);
  });

  test("a port already taken is an error, not a preview that hangs", async () => {
    const port = Number(new URL(p.server.url).port);
    await assert.rejects(previewOf("cross-links", { port }), /EADDRINUSE/);
  });

  test("addresses without the trailing slash redirect, as static hosts do", async () => {
    const res = await p.get("/briefs/uk-review");
    assert.equal(res.status, 301);
    assert.equal(res.headers.get("location"), BRIEF);
  });
});

describe("edits show up without a full rebuild", () => {
  let p: RunningPreview;
  before(async () => (p = await previewOf("cross-links")));
  after(() => p.stop());

  test("a new title and a new actor show on the brief page and on that actor's page", async () => {
    const before = await p.get(NEW_ACTOR);
    assert.doesNotMatch(before.text, /Edited review title/);
    await p.edit("briefs/uk-review.md", retitle("Edited review title"));
    const brief = await eventually("the brief page shows the new title", async () => {
      const page = await p.get(BRIEF);
      return h1(page.text) === "Edited review title" ? page.text : undefined;
    });
    assert.match(brief.value, /href="\/actors\/european-union\/"/, "the brief lists its new actor");
    const actor = await eventually("the new actor's page lists the brief", async () => {
      const page = await p.get(NEW_ACTOR);
      return page.text.includes("Edited review title") ? page.text : undefined;
    });
    assert.match(actor.value, /named in an edit/, "with its role");
    assert.ok(
      p.logs.some((l) => /^briefs\/uk-review\.md: built in/.test(l)),
      p.logs.join("\n"),
    );
  });

  test("only the files that changed are read again", async () => {
    const rebuilt = p.server.nextRebuild();
    await p.edit("briefs/uk-review.md", (t) => t.replace(/^dek: .*$/m, "dek: A new dek."));
    const r = await rebuilt;
    assert.equal(r.ok, true);
    assert.equal(r.files, 1);
  });

  test("a new file is picked up, and a deleted one disappears", async () => {
    const file = path.join(p.content, "briefs", "second-look.md");
    await writeFile(
      file,
      "---\ntitle: A second look\ndate: 2025-11-20\ndek: New.\nstatus: draft\nsources: [uk-pause]\n---\nBody.\n",
    );
    await eventually("the new brief is served", async () =>
      (await p.get("/briefs/second-look/")).status === 200 ? true : undefined,
    );
    await unlink(file);
    await eventually("the deleted brief is gone", async () =>
      (await p.get("/briefs/second-look/")).status === 404 ? true : undefined,
    );
  });
});

describe("open pages follow edits", () => {
  let p: RunningPreview;
  before(async () => (p = await previewOf("cross-links")));
  after(() => p.stop());

  test("a page whose HTML changed is told to reload; a page that did not change is not", async () => {
    const brief = await eventStream(eventsUrlOf((await p.get(BRIEF)).text, p.server.url));
    const other = await eventStream(eventsUrlOf((await p.get("/articles/navy-strikes/")).text, p.server.url));
    const otherBefore = (await p.get("/articles/navy-strikes/")).text;
    try {
      const reload = brief.next("reload");
      const rebuilt = p.server.nextRebuild();
      await p.edit("briefs/uk-review.md", retitle("Reloaded title"));
      await reload;
      await rebuilt;
      assert.equal((await p.get("/articles/navy-strikes/")).text, otherBefore, "the article page did not change");
      assert.deepEqual(
        other.events.filter((e) => e === "reload"),
        [],
      );
    } finally {
      brief.close();
      other.close();
    }
  });

  test("a page opened before an edit and connecting after it reloads at once", async () => {
    const html = (await p.get(BRIEF)).text;
    await p.edit("briefs/uk-review.md", (t) => t.replace(/^title: .*$/m, "title: Changed while connecting"));
    await eventually("the edit is built", async () =>
      h1((await p.get(BRIEF)).text) === "Changed while connecting" ? true : undefined,
    );
    const stream = await eventStream(eventsUrlOf(html, p.server.url));
    try {
      await eventually("a reload", async () => (stream.events.includes("reload") ? true : undefined));
    } finally {
      stream.close();
    }
  });
});

describe("a broken edit", () => {
  let p: RunningPreview;
  before(async () => (p = await previewOf("cross-links")));
  after(() => p.stop());

  test("keeps the last good page, reports the problem in the terminal and in open pages, and recovers", async () => {
    const good = (await p.get(BRIEF)).text;
    const stream = await eventStream(eventsUrlOf(good, p.server.url));
    try {
      const problems = stream.next("problems");
      const rebuilt = p.server.nextRebuild();
      await p.edit("briefs/uk-review.md", (t) =>
        t.replace(/^title: .*$/m, "title: Broken edit").replace(/^date: .*$/m, "date: someday"),
      );
      const r = await rebuilt;
      assert.equal(r.ok, false);
      const shown = await problems;
      assert.match(shown, /briefs\/uk-review\.md:3 \(date\) error: /);
      assert.ok(
        p.reports.some((t) => /briefs\/uk-review\.md:3 \(date\)/.test(t)),
        `the terminal report names file, line and field:\n${p.reports.join("\n")}`,
      );
      assert.ok(p.logs.some((l) => /keeps the last good version/.test(l)));
      const served = (await p.get(BRIEF)).text;
      assert.equal(h1(served), "UK reviews intelligence sharing", "the last good page is still served");
      assert.doesNotMatch(served, /Broken edit/);

      const fixed = stream.next("fixed");
      const reload = stream.next("reload");
      await p.edit("briefs/uk-review.md", (t) => t.replace(/^date: .*$/m, "date: 2025-11-11"));
      await fixed;
      await reload;
      assert.equal(h1((await p.get(BRIEF)).text), "Broken edit");
    } finally {
      stream.close();
    }
  });
});

describe("content that is broken from the start", () => {
  let p: RunningPreview;
  before(async () => (p = await previewOf("invalid/unknown-actor-typo")));
  after(() => p.stop());

  test("serves a page listing the problems, which reloads once the content is fixed", async () => {
    const res = await p.get("/");
    assert.equal(res.status, 500);
    assert.match(res.text, /The content has errors/);
    assert.match(res.text, /briefs\/uk-pause\.md:8 \(actors\[0\]\.id\) error: unknown actor/);
    const stream = await eventStream(eventsUrlOf(res.text, p.server.url));
    try {
      const reload = stream.next("reload");
      await p.edit("briefs/uk-pause.md", (t) => t.replace("united-kingdon", "united-kingdom"));
      await reload;
      assert.equal((await p.get("/briefs/uk-pause/")).status, 200);
    } finally {
      stream.close();
    }
  });
});

describe("under a path prefix", () => {
  let p: RunningPreview;
  before(async () => (p = await previewOf("cross-links", { pathPrefix: "/some-repo/" })));
  after(() => p.stop());

  test("pages, links and the event stream live under the prefix; the bare root redirects to it", async () => {
    assert.match(p.server.url, /\/some-repo\/$/);
    const brief = await p.get(BRIEF);
    assert.equal(brief.status, 200);
    assert.match(brief.text, /href="\/some-repo\/actors\/united-kingdom\/"/);
    assert.match(eventsUrlOf(brief.text, p.server.url), /\/some-repo\/__briefbook\/events\?/);
    const root = await fetch(new URL("/", p.server.url), { redirect: "manual" });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get("location"), "/some-repo/");
  });
});

describe("production pages carry no script", () => {
  let out: string;
  before(async () => {
    out = await mkdtemp(path.join(tmpdir(), "briefbook-no-script-"));
  });
  after(() => rm(out, { recursive: true, force: true }));

  test("a build of the same content has no live-reload script, and no script outside the search page", async () => {
    const site = path.join(out, "_site");
    const built = await buildSite({
      contentDir: path.join(FIXTURES, "cross-links"),
      outDir: site,
      pathPrefix: "/",
      includeDrafts: false,
      index: false,
    });
    assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
    const pages = (await readdir(site, { recursive: true })).filter((f) => f.endsWith(".html"));
    assert.ok(pages.length > 10);
    for (const page of pages) {
      const html = await readFile(path.join(site, page), "utf8");
      assert.doesNotMatch(html, /__briefbook|EventSource/, page);
      if (!page.startsWith("search")) assert.doesNotMatch(html, /<script(?![^>]*application\/ld\+json)/, page);
    }
  });
});
