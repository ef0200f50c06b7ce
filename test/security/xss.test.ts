/**
 * Issue #11, cross-site scripting: a valid site whose every field a reader sees, and whose
 * Markdown bodies, carry script-shaped text (test/fixtures/hostile/xss-site). It is built with the
 * real pipeline, served, and every page is opened in Chromium: nothing may run, no injected element
 * or attribute may exist, no address may lead anywhere but the web, and each payload must reach the
 * reader as the text the editor wrote. The feed must stay well-formed XML with the same text.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { parse as parseYaml } from "yaml";
import { buildSite } from "../../src/pipeline.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveSite, type StaticSite } from "../helpers/static-server.ts";
import type { RunningPreview } from "../preview/helpers.ts";

const XSS_SITE = path.resolve(import.meta.dirname, "../fixtures/hostile/xss-site");
/** A prefix as GitHub Pages uses, so relative and prefixed addresses are both exercised. */
const PREFIX = "/xss-repo/";

/** The fixture's own YAML, read without the product's loader: what the editor wrote. */
async function frontMatter(rel: string): Promise<Record<string, unknown>> {
  const text = await readFile(path.join(XSS_SITE, rel), "utf8");
  const yaml = rel.endsWith(".md") ? /^---\n([\s\S]*?)\n---\n/.exec(text)![1]! : text;
  return parseYaml(yaml) as Record<string, unknown>;
}

type Entries = ReadonlyArray<Record<string, string>>;

/** What the reader must see, literally, on each page (site path → texts). */
async function expectedTexts(): Promise<Map<string, string[]>> {
  const site = await frontMatter("site.yaml");
  const brief = await frontMatter("briefs/hostile-brief.md");
  const second = await frontMatter("briefs/second-brief.md");
  const article = await frontMatter("articles/hostile-report.md");
  const actor = await frontMatter("actors/hostile-actor.yaml");
  const state = await frontMatter("actors/hostile-state.yaml");
  const outlet = await frontMatter("actors/hostile-news.yaml");
  const list = (v: unknown) => (v ?? []) as Entries;
  const str = (v: unknown) => v as string;
  return new Map([
    ["/", [str(site.title), str(site.tagline), str(brief.title), str(brief.dek), str(second.title), str(second.dek)]],
    [
      "/briefs/hostile-brief/",
      [
        str(brief.title),
        str(brief.dek),
        ...(brief.topics as string[]),
        ...list(brief.key_points).map((k) => k.text!),
        ...list(brief.actors).flatMap((a) => [a.role!, ...(a.stance ? [a.stance] : [])]),
        ...list(brief.quotes).flatMap((q) => [q.text!, q.context!]),
        ...list(brief.events).flatMap((e) => [e.what!, ...(e.when ? [e.when] : [])]),
        ...list(brief.updates).map((u) => u.text!),
        str(actor.name),
        str(state.name),
        str(article.title),
        // The Markdown body: raw HTML, comments, entities and code all shown as text.
        "<script>window.__xss=1</script>",
        `<img src=x onerror="window.__xss=1"> and <svg onload=alert(1)></svg> inline, said`,
        `"><script>alert(1)</script> breaks no attribute; neither does '><img src=x onerror=alert(1)>.`,
        "Entities stay text: <script>window.__xss=1</script> and <img src=x onerror=alert(1)>.",
        `<b onclick="window.__xss=1">Mallory</b> is linked with hostile text`,
        `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
        "<!-- <script>window.__xss=1</script> -->",
        `<a href="https://example.com/" onclick="window.__xss=1">raw anchor</a>`,
        "Template text {{ 7 * 7 }} and {% raw %} and ${7 * 7}.",
        "</code></pre><script>window.__xss=1</script>",
      ],
    ],
    ["/briefs/second-brief/", [str(second.title), str(second.dek), str(state.name)]],
    [
      "/articles/hostile-report/",
      [
        str(article.title),
        str(article.section),
        str(article.byline),
        str(outlet.name),
        `said “<script>window.__xss=1</script>” on Tuesday.`,
        `<img src=x onerror="window.__xss=1"> raw HTML in a paragraph, and <svg onload=alert(1)></svg> too.`,
        `"><script>alert(1)</script> breaks no attribute, nor does '><img src=x onerror=alert(1)>.`,
        "Template text {{ 7 * 7 }} and {% raw %} and ${7 * 7} stays as written.",
        `</p><p onclick="window.__xss=1">Closing tags</p> change nothing.`,
      ],
    ],
    [
      "/actors/hostile-actor/",
      [str(actor.name), ...(actor.aliases as string[]), str(actor.role), str(actor.description), str(state.name)],
    ],
    ["/actors/hostile-state/", [str(state.name), ...(state.aliases as string[]), str(state.description)]],
    ["/actors/hostile-news/", [str(outlet.name), ...(outlet.aliases as string[]), str(outlet.role)]],
    ["/actors/", [str(actor.name), str(state.name), str(outlet.name)]],
    ["/topics/", brief.topics as string[]],
    ["/timeline/", list(brief.events).map((e) => e.what!)],
    ["/outlets/", [str(outlet.name)]],
  ]);
}

/** Every page Chromium should open: each .html file of the output, as a site path. */
async function htmlPages(out: string): Promise<string[]> {
  // The output folder may be a symbolic link to a versioned folder: list what it points to.
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => `/${path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join("/")}`)
    .map((p) => p.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

interface PageFindings {
  /** `on*` attributes, addresses with a scheme other than http(s)/mailto, srcdoc. */
  readonly attributes: string[];
  /** Elements no editor text may produce. */
  readonly elements: string[];
  /** Each script: its path when it has a src, else `inline#<id>` (`inline#live-reload` for the preview's). */
  readonly scripts: string[];
  readonly xss: unknown;
}

/** Runs in the page: what an injection would leave behind, as the browser sees the DOM. */
function inspectDom(): PageFindings {
  const URL_ATTRIBUTES = new Set([
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "data",
    "background",
    "ping",
    "cite",
    "longdesc",
    "manifest",
    "codebase",
    "srcset",
    "imagesrcset",
  ]);
  const attributes: string[] = [];
  for (const el of Array.from(document.querySelectorAll("*"))) {
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      if (name.startsWith("on")) attributes.push(`<${el.localName} ${name}="${a.value}">`);
      if (name === "srcdoc") attributes.push(`<${el.localName} srcdoc>`);
      if (!URL_ATTRIBUTES.has(name)) continue;
      const values = name.endsWith("srcset")
        ? a.value.split(",").map((s) => s.trim().split(/\s+/)[0] ?? "")
        : [a.value];
      for (const v of values) {
        // The site's own empty favicon (layouts/base.ts), which stops browsers asking for /favicon.ico.
        if (el.localName === "link" && el.getAttribute("rel") === "icon" && v === "data:,") continue;
        // Pagefind UI's own search box, created by its script: it submits nowhere.
        if (el.localName === "form" && el.classList.contains("pagefind-ui__form") && v === "javascript:void(0);")
          continue;
        let scheme: string;
        try {
          scheme = new URL(v, document.baseURI).protocol;
        } catch {
          attributes.push(`<${el.localName} ${name}="${v}"> (not an address)`);
          continue;
        }
        if (!["http:", "https:", "mailto:"].includes(scheme)) attributes.push(`<${el.localName} ${name}="${v}">`);
      }
    }
  }
  // The actor page's own co-actor graph is the one SVG allowed, and only as the layout draws it:
  // title, description, lines, circles and text, nothing that loads or runs. (Inline: a named
  // function here would not survive the trip into the page.)
  const elements = Array.from(
    document.querySelectorAll("iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], img, svg, math"),
  )
    .filter(
      (el) =>
        !(
          el.matches("svg.co-graph") &&
          Array.from(el.querySelectorAll("*")).every((c) =>
            ["title", "desc", "line", "circle", "text"].includes(c.localName),
          )
        ),
    )
    .map((el) => el.outerHTML.slice(0, 120));
  // The page's own JSON-LD, one element in <head>: data for search engines that no browser runs.
  const jsonLd = Array.from(document.head.querySelectorAll('script[type="application/ld+json"]')).slice(0, 1);
  const scripts = Array.from(document.scripts)
    .filter((s) => !jsonLd.includes(s))
    .map((s) =>
      s.src ? new URL(s.src).pathname : s.dataset.events ? "inline#live-reload" : `inline#${s.id || "(no id)"}`,
    );
  return { attributes, elements, scripts, xss: (window as unknown as { __xss?: unknown }).__xss };
}

describe("a site with script-shaped text in every field (test/fixtures/hostile/xss-site)", () => {
  let dir: string;
  let out: string;
  let built: Awaited<ReturnType<typeof buildSite>>;
  let site: StaticSite;
  let browser: Browser;
  let context: BrowserContext;
  const dialogs: string[] = [];
  /** An injected `<img src=x>` asks the server for `…/x`. */
  const injectedRequests: string[] = [];

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "briefbook-xss-"));
    out = path.join(dir, "_site");
    built = await buildSite({ contentDir: XSS_SITE, outDir: out, pathPrefix: PREFIX, includeDrafts: false });
    if (!built.ok) return;
    site = await serveSite(out, PREFIX);
    browser = await launchBrowser();
    context = await browser.newContext();
    context.on("dialog", (d) => {
      dialogs.push(`${d.type()}: ${d.message()} on ${d.page()?.url() ?? "?"}`);
      void d.dismiss().catch(() => {});
    });
    context.on("request", (r) => {
      if (/\/x$/.test(new URL(r.url()).pathname)) injectedRequests.push(r.url());
    });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("builds: script-shaped text is content like any other", () => {
    assert.equal(built.ok, true, JSON.stringify(built.diagnostics, null, 2));
  });

  /** Opens a site path, waits until images have failed or loaded, and inspects the DOM. */
  async function open(sitePath: string): Promise<{ page: Page; findings: PageFindings }> {
    const page = await context.newPage();
    const response = await page.goto(site.url(sitePath), { waitUntil: "load" });
    assert.ok(response, `no response for ${sitePath}`);
    return { page, findings: await page.evaluate(inspectDom) };
  }

  test("no page runs injected code, carries an injected element or attribute, or links outside the web", async () => {
    assert.equal(built.ok, true, "the build failed; see the first test");
    const pages = await htmlPages(out);
    assert.ok(pages.includes("/briefs/hostile-brief/") && pages.includes("/search/"), pages.join(", "));
    const problems: string[] = [];
    for (const p of pages) {
      const { page, findings } = await open(p);
      const where = (what: string) => `${p}: ${what}`;
      if (findings.xss !== undefined) problems.push(where(`window.__xss was set to ${String(findings.xss)}`));
      for (const a of findings.attributes) problems.push(where(`attribute ${a}`));
      for (const e of findings.elements) problems.push(where(`element ${e}`));
      // Only the search page has scripts: Pagefind's UI and the page's own configuration.
      const allowed = (s: string) =>
        p === "/search/" && (s === `${PREFIX}pagefind/pagefind-ui.js` || s === "inline#search-config");
      for (const s of findings.scripts.filter((s) => !allowed(s))) problems.push(where(`script ${s}`));
      await page.close();
    }
    problems.push(...dialogs.map((d) => `dialog opened: ${d}`));
    problems.push(...injectedRequests.map((r) => `injected image requested ${r}`));
    assert.deepEqual(problems, []);
  });

  test("every hostile field and Markdown line is shown to the reader as the text the editor wrote", async () => {
    assert.equal(built.ok, true, "the build failed; see the first test");
    const missing: string[] = [];
    for (const [sitePath, texts] of await expectedTexts()) {
      const page = await context.newPage();
      await page.goto(site.url(sitePath));
      const shown = await page.innerText("body");
      // Case aside: some lines are set in capitals by the stylesheet (the eyebrow), which innerText applies.
      for (const t of texts)
        if (!shown.toLowerCase().includes(t.toLowerCase())) missing.push(`${sitePath}: ${JSON.stringify(t)}`);
      await page.close();
    }
    assert.deepEqual(missing, [], "texts missing from the page as a reader sees it");
  });

  test("the tab title shows the brief's and the site's title as written", async () => {
    assert.equal(built.ok, true, "the build failed; see the first test");
    const brief = await frontMatter("briefs/hostile-brief.md");
    const siteData = await frontMatter("site.yaml");
    const page = await context.newPage();
    await page.goto(site.url("/briefs/hostile-brief/"));
    assert.equal(await page.title(), `${String(brief.title)} · ${String(siteData.title)}`);
    assert.equal(
      await page.getAttribute('meta[name="description"]', "content").catch(() => null),
      String(brief.dek),
      "the dek stays inside the description's attribute",
    );
    await page.close();
  });

  test("search results and filters show hostile titles and excerpts as text and run nothing", async () => {
    assert.equal(built.ok, true, "the build failed; see the first test");
    const actor = await frontMatter("actors/hostile-actor.yaml");
    const problems: string[] = [];
    // The last is a link anyone could send: the query in the address is shown back on the page.
    for (const term of ["Mallory", "onerror", "script", "iframe", `<img src=x onerror="window.__xss=1">`]) {
      const page = await context.newPage();
      await page.goto(site.url(`/search/?q=${encodeURIComponent(term)}`));
      await page.waitForSelector(".pagefind-ui__result-link", { timeout: 30_000 });
      // Let the excerpts and the filter panel render before looking.
      await page.waitForSelector(".pagefind-ui__result-excerpt");
      await page.waitForLoadState("networkidle");
      const findings = await page.evaluate(inspectDom);
      const where = (what: string) => `searching ${term}: ${what}`;
      if (findings.xss !== undefined) problems.push(where(`window.__xss was set to ${String(findings.xss)}`));
      for (const a of findings.attributes) problems.push(where(`attribute ${a}`));
      for (const e of findings.elements) problems.push(where(`element ${e}`));
      const own = [`${PREFIX}pagefind/pagefind-ui.js`, "inline#search-config"];
      for (const sc of findings.scripts.filter((sc) => !own.includes(sc))) problems.push(where(`script ${sc}`));
      if (term === "Mallory") {
        const titles = await page.$$eval(".pagefind-ui__result-link", (as) => as.map((a) => a.textContent ?? ""));
        if (!titles.includes(String(actor.name)))
          problems.push(where(`no result titled ${String(actor.name)}, only ${titles.join(" | ")}`));
      }
      await page.close();
    }
    problems.push(...dialogs.map((d) => `dialog opened: ${d}`));
    problems.push(...injectedRequests.map((r) => `injected image requested ${r}`));
    assert.deepEqual(problems, []);
  });

  test("feed.xml is well-formed XML whose titles and summaries are the text editors wrote", async () => {
    assert.equal(built.ok, true, "the build failed; see the first test");
    const xml = await readFile(path.join(out, "feed.xml"), "utf8");
    const siteData = await frontMatter("site.yaml");
    const briefs = [await frontMatter("briefs/second-brief.md"), await frontMatter("briefs/hostile-brief.md")];
    // Chromium's XML parser (libxml2) is strict about well-formedness, as feed readers are.
    const page = await context.newPage();
    // Each element as [local name, namespace, text, children]: the comparison is done here, in Node.
    type Node = [string, string | null, string, Node[]];
    const parsed = (await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const error = doc.querySelector("parsererror")?.textContent ?? null;
      // Two levels are all an Atom feed has; no named helper (tsx would wrap it in a `__name` the page lacks).
      const root = doc.documentElement;
      const children = Array.from(root.children).map((c) => [
        c.localName,
        c.namespaceURI,
        c.textContent ?? "",
        Array.from(c.children).map((g) => [g.localName, g.namespaceURI, g.textContent ?? "", []]),
      ]);
      return { error, root: [root.localName, root.namespaceURI, root.textContent ?? "", children] };
    }, xml)) as { error: string | null; root: Node };
    await page.close();
    assert.equal(parsed.error, null, `feed.xml does not parse:\n${xml}`);
    const ATOM = "http://www.w3.org/2005/Atom";
    // Trimmed: the feed library lays a CDATA section out on its own indented line; readers trim it.
    const child = (n: Node, name: string) => n[3].find((c) => c[0] === name && c[1] === ATOM)?.[2].trim();
    assert.equal(child(parsed.root, "title"), siteData.title);
    assert.equal(child(parsed.root, "subtitle"), siteData.tagline);
    assert.deepEqual(
      parsed.root[3]
        .filter((c) => c[0] === "entry")
        .map((e) => ({ title: child(e, "title"), summary: child(e, "summary") })),
      briefs.map((b) => ({ title: b.title, summary: b.dek })),
    );
  });
});

describe("the same site in the preview (npm start), which editors open on content they are reviewing", () => {
  let p: RunningPreview;
  let browser: Browser;
  before(async () => {
    // Imported here: a preview that fails to load fails these tests only, not the built site's.
    const { previewOf } = await import("../preview/helpers.ts");
    p = await previewOf("hostile/xss-site");
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await p?.stop();
  });

  test("no page the preview serves runs or carries anything injected", async () => {
    const context = await browser.newContext();
    const dialogs: string[] = [];
    context.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => {});
    });
    const problems: string[] = [];
    // Every page reachable from the home page, as the preview renders each on request.
    const seen = new Set<string>(["/"]);
    const queue = ["/"];
    while (queue.length > 0 && seen.size < 200) {
      const sitePath = queue.shift()!;
      const page = await context.newPage();
      await page.goto(p.url(sitePath), { waitUntil: "load" });
      const findings = await page.evaluate(inspectDom);
      const where = (what: string) => `${sitePath}: ${what}`;
      if (findings.xss !== undefined) problems.push(where(`window.__xss was set to ${String(findings.xss)}`));
      for (const a of findings.attributes) problems.push(where(`attribute ${a}`));
      for (const e of findings.elements) problems.push(where(`element ${e}`));
      const own = [
        "inline#live-reload",
        ...(sitePath === "/search/" ? ["/pagefind/pagefind-ui.js", "inline#search-config"] : []),
      ];
      for (const sc of findings.scripts.filter((sc) => !own.includes(sc))) problems.push(where(`script ${sc}`));
      const links = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of links) {
        const url = new URL(href);
        // Pages only: the feed and the stylesheet are not documents a browser runs.
        const isPage = url.pathname.endsWith("/") || url.pathname.endsWith(".html");
        if (url.origin !== new URL(p.server.url).origin || !isPage || seen.has(url.pathname)) continue;
        seen.add(url.pathname);
        queue.push(url.pathname);
      }
      await page.close();
    }
    await context.close();
    assert.ok(seen.has("/briefs/hostile-brief/") && seen.has("/actors/hostile-state/"), [...seen].join(", "));
    assert.deepEqual([...problems, ...dialogs.map((d) => `dialog: ${d}`)], []);
  });

  test("a content error quoting hostile text is shown in the page as text", async () => {
    const page = await browser.newPage();
    await page.goto(p.url("/briefs/hostile-brief/"));
    const payload = `<img src=x onerror="window.__xss=1">`;
    await p.edit("actors/hostile-state.yaml", (t) => t.replace(/^kind: .*$/m, `kind: '${payload}'`));
    const box = await page.waitForSelector("#briefbook-problems");
    const shown = (await box.textContent()) ?? "";
    assert.match(shown, /actors\/hostile-state\.yaml:2 \(kind\) error:/);
    assert.ok(shown.includes(payload), `the problem quotes the value as written:\n${shown}`);
    const findings = await page.evaluate(inspectDom);
    assert.equal(findings.xss, undefined);
    assert.deepEqual(findings.attributes, []);
    assert.deepEqual(findings.elements, []);
    await page.close();
  });
});
