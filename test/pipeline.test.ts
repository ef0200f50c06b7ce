/**
 * The whole build, with the real Eleventy and the real Pagefind, on small fixture sites: the
 * pages a reader expects exist, link each other both ways, and every internal link resolves,
 * at `/` and under a GitHub Pages path prefix. A failing build leaves the previous site intact.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, readlink, rm, cp, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildSite, prepareSite } from "../src/pipeline.ts";
import type { BuildResult } from "../src/build/stages.ts";
import { aboutSource, pageSourcesOf } from "../src/render/page-sources.ts";
import { pagesOf } from "../src/render/pages.ts";
import { checkLinks } from "../src/check/links.ts";
import { fixture } from "./helpers/content.ts";
import { lockedAgainstNewEntries } from "./publish/build-cli.ts";
import { treeHash } from "./helpers/tree-hash.ts";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "briefbook-build-"));
}

const page = (out: string, sitePath: string) =>
  readFile(path.join(out, sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath), "utf8");

/** Every href in a page, as written. */
const hrefs = (html: string) => Array.from(html.matchAll(/\shref="([^"]*)"/g), (m) => m[1]!);

for (const prefix of ["/", "/some-repo/"]) {
  describe(`building the minimal fixture site at ${prefix}`, () => {
    let out: string;
    let result: BuildResult;
    before(async () => {
      out = path.join(await tempDir(), "_site");
      result = await buildSite({
        contentDir: fixture("valid-minimal"),
        outDir: out,
        pathPrefix: prefix,
        includeDrafts: false,
      });
    });
    after(async () => rm(path.dirname(out), { recursive: true, force: true }));

    test("succeeds without diagnostics", () => {
      assert.equal(result.ok, true, JSON.stringify(result.diagnostics, null, 2));
      assert.deepEqual(result.diagnostics, []);
    });

    test("writes every page of the URL contract", () => {
      for (const p of [
        "/",
        "/briefs/",
        "/briefs/uk-pause/",
        "/briefs/rubio-reaction/",
        "/articles/uk-halts-intel/",
        "/articles/rubio-responds/",
        "/actors/",
        "/actors/united-kingdom/",
        "/actors/marco-rubio/",
        "/actors/marco-rubio/timeline/",
        "/timeline/",
        "/outlets/",
        "/outlets/harbour-news/",
        "/topics/",
        "/topics/intelligence-sharing/",
        "/topics/caribbean-strikes/",
        "/search/",
        "/404.html",
        "/feed.xml",
        "/css/site.css",
        "/pagefind/pagefind.js",
      ]) {
        const file = path.join(out, p.endsWith("/") ? `${p}index.html` : p);
        assert.ok(existsSync(file), `missing ${p}`);
      }
    });

    test("does not publish drafts", async () => {
      assert.equal(existsSync(path.join(out, "briefs/strikes-draft")), false);
      assert.doesNotMatch(await page(out, "/briefs/"), /What we know about the Caribbean strikes/);
    });

    test("a brief links its actors, its sources and the paragraphs it cites", async () => {
      const links = hrefs(await page(out, "/briefs/uk-pause/"));
      for (const target of [
        "actors/united-kingdom/",
        "actors/marco-rubio/",
        "actors/united-states/",
        "articles/uk-halts-intel/",
        "articles/rubio-responds/",
        "articles/uk-halts-intel/#p1",
        "articles/uk-halts-intel/#p3",
        "articles/rubio-responds/#p2",
        "topics/intelligence-sharing/",
      ]) {
        assert.ok(links.includes(prefix + target), `brief should link ${prefix + target}`);
      }
    });

    test("an actor page lists the briefs and articles naming it, newest first, and its quotes", async () => {
      const html = await page(out, "/actors/marco-rubio/");
      const mentions = html.slice(html.indexOf('id="mentions"'));
      const order = ["briefs/rubio-reaction/", "briefs/uk-pause/"].map((p) => mentions.indexOf(`href="${prefix}${p}"`));
      assert.ok(
        order.every((i) => i > 0),
        "both briefs naming Rubio are listed",
      );
      assert.ok(order[0]! < order[1]!, "the newer brief comes first");
      assert.match(html, /Nothing has changed about our commitment/);
      assert.match(html, /Most often appears with/);
    });

    test("an article page anchors every paragraph, lists the briefs citing it and links the first mention of an actor", async () => {
      const html = await page(out, "/articles/uk-halts-intel/");
      for (const n of [1, 2, 3, 4, 5]) assert.match(html, new RegExp(`id="p${n}"`));
      assert.match(html, new RegExp(`Briefs citing this article[\\s\\S]*href="${prefix}briefs/uk-pause/"`));
      const p1 = html.slice(html.indexOf('id="p1"'), html.indexOf('id="p2"'));
      assert.match(p1, new RegExp(`<a class="actor" href="${prefix}actors/united-kingdom/">United Kingdom</a>`));
      const later = html.slice(html.indexOf('id="p2"'));
      assert.doesNotMatch(
        later,
        new RegExp(`<a class="actor" href="${prefix}actors/united-kingdom/">`),
        "only the first mention links",
      );
    });

    test("the timeline lists every event with its brief and citation", async () => {
      const html = await page(out, "/timeline/");
      assert.match(html, /US strikes on suspected drug boats begin\./);
      assert.match(html, /&quot;last month&quot; \(exact date not stated\)/);
      assert.ok(hrefs(html).includes(`${prefix}articles/rubio-responds/#p4`));
    });

    test("every internal link and asset resolves under the prefix", async () => {
      const checked = await checkLinks(out, prefix);
      assert.deepEqual(checked.diagnostics, []);
      assert.ok(checked.links > 100, `expected many links, checked ${checked.links}`);
      for (const href of hrefs(await page(out, "/"))) {
        if (href.startsWith("/")) assert.ok(href.startsWith(prefix), `${href} ignores the prefix`);
      }
    });

    test("the feed links to the briefs on the site's address", async () => {
      const feed = await readFile(path.join(out, "feed.xml"), "utf8");
      assert.match(feed, new RegExp(`<link href="https://briefs.example.org${prefix}briefs/uk-pause/"`));
    });

    test("Pagefind indexed exactly the briefs, articles and actors", async () => {
      const entry = JSON.parse(await readFile(path.join(out, "pagefind/pagefind-entry.json"), "utf8"));
      assert.equal(entry.languages.en.page_count, 2 + 2 + 4);
    });

    test("pages other than search carry no script", async () => {
      for (const p of [
        "/",
        "/briefs/uk-pause/",
        "/articles/uk-halts-intel/",
        "/actors/united-kingdom/",
        "/timeline/",
      ]) {
        // JSON-LD (structured data for search engines) is not a script a browser runs.
        assert.doesNotMatch(await page(out, p), /<script(?![^>]*application\/ld\+json)/i, `${p} has a script`);
      }
    });
  });
}

describe("a failing build", () => {
  let dir: string;
  before(async () => {
    dir = await tempDir();
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  /** Builds the valid fixture into `out` and returns the hash of what was written. */
  async function goodSite(out: string): Promise<string> {
    const good = await buildSite({
      contentDir: fixture("valid-minimal"),
      outDir: out,
      pathPrefix: "/",
      includeDrafts: false,
      index: false,
    });
    assert.equal(good.ok, true);
    return treeHash(out);
  }

  /** Runs `npm run build`'s script, which must fail; gives its exit code and error output. */
  const failingBuild = (content: string, out: string, env: NodeJS.ProcessEnv = process.env) =>
    run("npx", ["tsx", "scripts/build.ts", "--content", content, "--out", out], { cwd: ROOT, env }).then(
      () => assert.fail("the build should fail"),
      (e: { code: number; stderr: string }) => e,
    );

  test("reports the typo with file, line, field and a suggestion, exits non-zero, and leaves _site byte for byte", async () => {
    const out = path.join(dir, "_site");
    const before = await goodSite(out);

    // The valid site with one actor id misspelt in a brief.
    const content = path.join(dir, "content");
    await cp(fixture("valid-minimal"), content, { recursive: true });
    const brief = path.join(content, "briefs/uk-pause.md");
    await writeFile(brief, (await readFile(brief, "utf8")).replace("  - id: united-kingdom", "  - id: united-kingdon"));

    const failed = await failingBuild(content, out);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /briefs\/uk-pause\.md:10 \(actors\[0\]\.id\) error: unknown actor 'united-kingdon'/);
    assert.match(failed.stderr, /did you mean 'united-kingdom'/);
    assert.doesNotMatch(failed.stderr, /\n\s+at .+:\d+:\d+/, "no stack trace");
    assert.equal(await treeHash(out), before, "_site is unchanged");
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.startsWith(".briefbook-staging")),
      [],
      "no staging folder is left behind",
    );
  });

  test("a render process that runs out of memory fails the build with a way out, and leaves _site as it was", async () => {
    const out = path.join(dir, "_site-oom");
    const before = await goodSite(out);
    const failed = await failingBuild(fixture("valid-minimal"), out, { ...process.env, BRIEFBOOK_RENDER_HEAP_MB: "4" });
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /render process stopped .* 4 MiB heap.*BRIEFBOOK_RENDER_HEAP_MB/);
    assert.equal(await treeHash(out), before, "_site is unchanged");
  });

  test("a publish the disk refuses is one message, and _site still serves the previous build, whole", async (t) => {
    const parent = path.join(dir, "publish-refused");
    await mkdir(parent);
    const out = path.join(parent, "_site");
    const before = await goodSite(out);
    const previous = await readlink(out);
    // Everything up to the swap works (the new version is built in .briefbook/_site/); the rename
    // of the new link over _site, in the folder holding it, is refused.
    const locked = await lockedAgainstNewEntries(parent);
    if (!locked) return t.skip("cannot make a folder refuse new entries here (no chmod effect, no chattr)");
    let result: BuildResult;
    try {
      result = await buildSite({
        contentDir: fixture("valid-minimal"),
        outDir: out,
        pathPrefix: "/",
        includeDrafts: false,
        index: false,
      });
    } finally {
      await locked.undo();
    }
    assert.equal(result.ok, false);
    assert.equal(result.diagnostics.length, 1, JSON.stringify(result.diagnostics));
    assert.match(
      result.diagnostics[0]!.message,
      /could not publish: .*(EACCES|EPERM).*; '.*_site' still serves the previous version$/,
    );
    assert.equal(await readlink(out), previous);
    assert.equal(await treeHash(out), before, "_site is unchanged");
    assert.deepEqual(
      await readdir(path.join(parent, ".briefbook", "_site")),
      [path.basename(previous)],
      "nothing left beside it",
    );
  });

  test("`npm run check` reports every problem of several files in one run", async () => {
    const failed = await run("npx", ["tsx", "scripts/check.ts", "--content", fixture("invalid/many-problems")], {
      cwd: ROOT,
    }).then(
      () => assert.fail("check should fail"),
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(failed.code, 1);
    // Each of the fixture's ten mistakes, once, at its file, line and field, in the editor's order.
    // Printed under the content folder as given, at line:column; compared here at file:line.
    const problems = failed.stderr.split("\n").filter((l) => /^\S+\.(?:md|yaml):\d+[: ]/.test(l));
    assert.deepEqual(
      problems.map((l) =>
        l
          .replace(/ error: .*/, "")
          .replace(`${fixture("invalid/many-problems")}/`, "")
          .replace(/^(\S+:\d+):\d+/, "$1"),
      ),
      [
        "actors/harbour-news.yaml:2 (kind)",
        "articles/empty-article.md:3 (author)",
        "articles/empty-article.md:5",
        "articles/uk-halts-intel.md:3 (published)",
        "briefs/broken.md:2 (title)",
        "briefs/uk-pause.md:2 (dek)",
        "briefs/uk-pause.md:7 (actors[0].id)",
        "briefs/uk-pause.md:11 (actors[2].id)",
        "briefs/uk-pause.md:14 (events[0])",
        "briefs/uk-pause.md:17 (body)",
      ],
      failed.stderr,
    );
    assert.match(failed.stderr, /^10 errors, 0 warnings$/m);
    assert.doesNotMatch(failed.stderr, /^\s+at /m, "no stack trace");
  });
});

describe("a problem the link check finds after rendering", () => {
  test("is told against the content file the page is made from", async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), "briefbook-about-source-")), "site");
    try {
      const opts = { contentDir: fixture("valid-minimal"), pathPrefix: "/", includeDrafts: false };
      const built = await buildSite({ ...opts, outDir: out, index: false });
      assert.equal(built.ok, true);
      const { model } = await prepareSite(opts);
      const sources = pageSourcesOf(pagesOf(model!));
      assert.equal(sources["briefs/uk-pause/index.html"], "briefs/uk-pause.md");
      // A layout bug, as the check would meet it: a link to nowhere on a brief's page.
      const page = path.join(out, "briefs/uk-pause/index.html");
      await writeFile(page, (await readFile(page, "utf8")).replace("</main>", '<a href="/nowhere/">x</a></main>'));
      const { diagnostics } = await checkLinks(out, "/");
      // (Built without the search index, whose files the search page links to: those are left aside.)
      const told = diagnostics.map((d) => aboutSource(d, sources)).filter((d) => d.message.includes("/nowhere/"));
      assert.equal(told.length, 1);
      assert.equal(told[0]!.file, "briefs/uk-pause.md");
      assert.match(told[0]!.message, /^on its page \/briefs\/uk-pause\/: broken link '\/nowhere\/'/);
    } finally {
      await rm(path.dirname(out), { recursive: true, force: true });
    }
  });
});
