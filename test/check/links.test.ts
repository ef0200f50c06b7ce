/**
 * The link check over a hand-built site folder: each kind of broken link a reader would hit is
 * reported against the page that has it, and a correct site passes with nothing to say.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkLinks } from "../../src/check/links.ts";
import { dump, tempContent } from "../helpers/content.ts";

const page = (body: string) =>
  `<!doctype html>\n<html><head><link rel="stylesheet" href="/some-repo/css/site.css?v=abc"></head><body id="top">${body}</body></html>\n`;

/** A small correct site under /some-repo/. */
const GOOD: Record<string, string> = {
  "index.html": page(
    `<a href="/some-repo/briefs/one/">One</a> <a href="/some-repo/articles/a/#p2">A ¶2</a> <a href="#main">skip</a><main id="main"></main>`,
  ),
  "briefs/one/index.html": page(
    `<a href="/some-repo/">Home</a> <a href="/some-repo/articles/a/#p1">¶1</a> <a href="/some-repo/search/?q=uk&amp;x=1">search</a>` +
      ` <a href="https://example.org/x#nope">ext</a> <a href="mailto:desk@example.org">mail</a> <link rel="icon" href="data:,"> <img src="//cdn.example.org/x.png">` +
      ` <a href="/some-repo/feed.xml">feed</a> <a href="/some-repo/actors/s%C3%A3o-tom%C3%A9/">São Tomé</a>`,
  ),
  "articles/a/index.html": page(`<div id="p1"></div><div id="p2"></div><a href="#p1">¶1</a>`),
  "search/index.html": page(`<form action="/some-repo/search/"></form>`),
  "actors/são-tomé/index.html": page(""),
  "feed.xml": `<feed><link href="https://briefs.example.org/some-repo/"/></feed>`,
  "css/site.css": "body{}",
};

async function check(files: Record<string, string>, prefix = "/some-repo/") {
  const site = await tempContent(files);
  try {
    return await checkLinks(site.dir, prefix);
  } finally {
    await site.cleanup();
  }
}

/** `page: message` for each problem, sorted, for whole-run comparisons. */
const problems = (r: { diagnostics: readonly { file: string; message: string }[] }) =>
  r.diagnostics.map((d) => `${d.file}: ${d.message}`).sort();

describe("checkLinks", () => {
  test("a correct site has no problems; external links are not followed", async () => {
    const r = await check(GOOD);
    assert.deepEqual(r.diagnostics, [], dump(r.diagnostics));
    assert.equal(r.pages, 5);
    // Internal links only, per page: index 4, brief 6, article 2, search 2 (with the form), actor 1.
    assert.equal(r.links, 15);
  });

  test("a link to a page that does not exist", async () => {
    const r = await check({ ...GOOD, "briefs/one/index.html": page(`<a href="/some-repo/briefs/two/">Two</a>`) });
    assert.deepEqual(problems(r), [
      "briefs/one/index.html: broken link '/some-repo/briefs/two/': no such page in the built site",
    ]);
    assert.equal(r.diagnostics[0]!.severity, "error");
  });

  test("a missing asset referenced by src", async () => {
    const r = await check({ ...GOOD, "search/index.html": page(`<img src="/some-repo/img/logo.png">`) });
    assert.deepEqual(problems(r), [
      "search/index.html: broken link '/some-repo/img/logo.png': no such page in the built site",
    ]);
  });

  test("a search form posting to a page that does not exist", async () => {
    const r = await check({ ...GOOD, "index.html": page(`<form action="/some-repo/serch/" method="get"></form>`) });
    assert.deepEqual(problems(r), ["index.html: broken link '/some-repo/serch/': no such page in the built site"]);
  });

  test("a #fragment missing on another page is reported against the linking page", async () => {
    const r = await check({ ...GOOD, "index.html": page(`<a href="/some-repo/articles/a/#p9">¶9</a>`) });
    assert.deepEqual(problems(r), [
      "index.html: broken link 'articles/a/index.html#p9': 'articles/a/index.html' has no element with id 'p9'",
    ]);
  });

  test("a fragment that exists only as text, or as data-id, does not count as an id", async () => {
    const r = await check({
      ...GOOD,
      "articles/a/index.html": page(`<div data-id="p1">id="p2"</div>`),
    });
    assert.deepEqual(
      problems(r).map((p) => p.split(": ")[0]),
      ["briefs/one/index.html", "index.html"],
    );
  });

  test("a missing same-page fragment", async () => {
    const r = await check({
      ...GOOD,
      "articles/a/index.html": page(`<div id="p1"></div><div id="p2"></div><a href="#p3">¶3</a>`),
    });
    assert.deepEqual(problems(r), ["articles/a/index.html: broken link '#p3': no element with id 'p3' on this page"]);
  });

  test("a link outside the path prefix", async () => {
    const r = await check({ ...GOOD, "search/index.html": page(`<a href="/actors/x/">x</a>`) });
    assert.deepEqual(problems(r), [
      "search/index.html: broken link '/actors/x/': does not start with the path prefix '/some-repo/'",
    ]);
  });

  test("a relative link", async () => {
    const r = await check({ ...GOOD, "search/index.html": page(`<a href="../briefs/one/">x</a>`) });
    assert.deepEqual(problems(r), [
      "search/index.html: broken link '../briefs/one/': relative link; the layouts should only write links from the site root",
    ]);
  });

  test("several problems on several pages are all reported", async () => {
    const r = await check({
      ...GOOD,
      "index.html": page(`<a href="/some-repo/nope/">a</a><a href="#gone">b</a>`),
      "search/index.html": page(`<a href="/other/">c</a>`),
    });
    assert.deepEqual(
      problems(r).map((p) => p.replace(/': .*/, "'")),
      [
        "index.html: broken link '#gone'",
        "index.html: broken link '/some-repo/nope/'",
        "search/index.html: broken link '/other/'",
      ],
    );
  });

  test("with the root prefix, the same site checks the same way", async () => {
    const rooted = Object.fromEntries(Object.entries(GOOD).map(([f, t]) => [f, t.replaceAll("/some-repo/", "/")]));
    assert.deepEqual((await check(rooted, "/")).diagnostics, []);
    const r = await check(
      { ...rooted, "index.html": page(`<a href="/briefs/missing/">x</a>`).replaceAll("/some-repo/", "/") },
      "/",
    );
    assert.deepEqual(problems(r), ["index.html: broken link '/briefs/missing/': no such page in the built site"]);
  });

  test("a flood of broken links is capped, with a count of the rest", async () => {
    const many = Array.from({ length: 60 }, (_, i) => `<a href="/some-repo/missing-${i}/">x</a>`).join("");
    const r = await check({ ...GOOD, "index.html": page(many) });
    assert.equal(r.diagnostics.length, 51);
    assert.match(r.diagnostics.at(-1)!.message, /…and 10 more broken links/);
  });

  test("a link that would run script or load embedded data is refused, however it is spelt or encoded", async () => {
    const bad = [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java&#9;script:alert(1)",
      "java&Tab;script:alert(1)",
      "&#106;avascript:alert(1)",
      "&#x6A;avascript:alert(1)",
      "javascript&colon;alert(1)",
      "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
      "vbscript:msgbox(1)",
    ];
    const r = await check({
      ...GOOD,
      "articles/a/index.html": page(
        `<div id="p1"></div><div id="p2"></div>${bad.map((h) => `<a href="${h}">x</a>`).join("")}<img src="data:image/png;base64,AAAA">`,
      ),
      "search/index.html": page(`<form action="javascript:alert(1)"></form>`),
    });
    assert.equal(r.diagnostics.length, bad.length + 2, dump(r.diagnostics));
    for (const d of r.diagnostics) {
      assert.equal(d.severity, "error");
      assert.match(
        d.message,
        /^link '.*' uses the scheme '(javascript|data|vbscript):', which the site never publishes$/,
      );
      assert.match(d.hint ?? "", /url/);
    }
    assert.deepEqual(r.diagnostics.map((d) => d.file).sort(), [
      ...Array(bad.length + 1).fill("articles/a/index.html"),
      "search/index.html",
    ]);
    assert.ok(
      problems(r).includes(
        "articles/a/index.html: link '&#106;avascript:alert(1)' uses the scheme 'javascript:', which the site never publishes",
      ),
    );
  });

  test("an empty site folder has nothing to check", async () => {
    const r = await check({});
    assert.deepEqual(r, { pages: 0, links: 0, diagnostics: [] });
  });
});
