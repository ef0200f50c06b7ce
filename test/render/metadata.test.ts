/**
 * What a page tells search engines and link previews, read the way they read it: the `<head>` is
 * parsed by Chromium, the JSON-LD taken from its script element and JSON.parse'd, and every
 * JSON-LD object is checked against schema.org's types (schema-dts, generated from schema.org's
 * vocabulary) by the TypeScript compiler, plus the properties this site promises each type has.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import ts from "typescript";
import { pageHead } from "../../layouts/metadata.ts";
import type { RenderContext } from "../../src/render/context.ts";
import type { Page } from "../../src/render/pages.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { contextOf } from "./publishing-context.ts";

/** The head lines of each brief, article and first actor page: the pages with a subject. */
function subjectPages(ctx: RenderContext): Page[] {
  const { model } = ctx;
  const slice = { items: [], number: 1, count: 1, total: 0, first: model.actors[0]!.path };
  return [
    ...model.briefs.map((brief): Page => ({ layout: "brief", path: brief.path, title: brief.title, brief })),
    ...model.articles.map((article): Page => ({
      layout: "article",
      path: article.path,
      title: article.title,
      article,
    })),
    ...model.actors.map((actor): Page => ({ layout: "actor", path: actor.path, title: actor.name, actor, slice })),
  ];
}

const description = (p: Page) =>
  p.layout === "brief" ? p.brief.dek : p.layout === "actor" ? p.actor.description : undefined;

interface HeadFacts {
  readonly meta: Record<string, string>;
  readonly links: { rel: string; type: string | null; href: string }[];
  readonly jsonLd: unknown[];
  readonly pwned: boolean;
}

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** The head as Chromium reads it: meta tags by property or name, links, the parsed JSON-LD. */
async function readHead(head: string): Promise<HeadFacts> {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html><head>${head}</head><body></body></html>`);
  const facts = await page.evaluate(() => {
    const meta: Record<string, string> = {};
    for (const m of Array.from(document.querySelectorAll("meta")))
      meta[m.getAttribute("property") ?? m.getAttribute("name") ?? ""] =
        (meta[m.getAttribute("property") ?? m.getAttribute("name") ?? ""] ?? "") + (m.content ?? "");
    const links = Array.from(document.querySelectorAll("link")).map((l) => ({
      rel: l.rel,
      type: l.getAttribute("type"),
      href: l.getAttribute("href") ?? "",
    }));
    const jsonLd = Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map((s) =>
      JSON.parse(s.textContent ?? "null"),
    );
    return { meta, links, jsonLd, pwned: "__pwned" in window, scripts: document.scripts.length };
  });
  await page.close();
  assert.equal(facts.scripts, facts.jsonLd.length, "every script element is JSON-LD");
  return facts;
}

describe("a brief's head", () => {
  let ctx: RenderContext;
  let facts: HeadFacts;
  let page: Extract<Page, { layout: "brief" }>;
  before(async () => {
    ctx = await contextOf("valid-minimal");
    page = subjectPages(ctx).find((p) => p.layout === "brief" && p.brief.updates.length > 0) as typeof page;
    facts = await readHead(pageHead(ctx, page, page.brief.dek).value);
  });

  test("names its canonical address and the feeds, absolute at the site's address", () => {
    const url = `https://briefs.example.org/some-repo${page.path}`;
    assert.deepEqual(facts.links, [
      { rel: "canonical", type: null, href: url },
      { rel: "alternate", type: "application/atom+xml", href: "/some-repo/feed.xml" },
      { rel: "alternate", type: "application/feed+json", href: "/some-repo/feed.json" },
    ]);
  });

  test("gives link previews the title, the dek, type article and its published and modified dates", () => {
    const b = page.brief;
    assert.equal(facts.meta["og:title"], b.title);
    assert.equal(facts.meta["og:description"], b.dek);
    assert.equal(facts.meta["og:type"], "article");
    assert.equal(facts.meta["og:url"], `https://briefs.example.org/some-repo${page.path}`);
    assert.equal(facts.meta["article:published_time"], b.date);
    assert.equal(
      facts.meta["article:modified_time"],
      b.updates
        .map((u) => u.date)
        .sort()
        .at(-1),
    );
    assert.equal(facts.meta["twitter:card"], "summary");
    assert.equal(facts.meta["twitter:title"], b.title);
    assert.equal(facts.meta["twitter:description"], b.dek);
  });

  test("describes it as a NewsArticle citing its sources and about its actors", () => {
    const [ld] = facts.jsonLd as Record<string, unknown>[];
    const b = page.brief;
    assert.equal(ld!["@type"], "NewsArticle");
    assert.equal(ld!.headline, b.title);
    assert.deepEqual(
      (ld!.citation as { headline: string }[]).map((c) => c.headline),
      b.sources.map((id) => ctx.model.article(id)!.title),
    );
    assert.deepEqual(
      (ld!.about as { name: string }[]).map((a) => a.name),
      b.actors.map((a) => ctx.model.actor(a.id)!.name),
    );
  });
});

describe("an actor's head", () => {
  test("links the actor's own feed, to follow it", async () => {
    const ctx = await contextOf("valid-minimal");
    const page = subjectPages(ctx).find((p) => p.layout === "actor")!;
    const facts = await readHead(pageHead(ctx, page, undefined).value);
    assert.ok(
      facts.links.some((l) => l.type === "application/atom+xml" && l.href === `/some-repo${page.path}feed.xml`),
      JSON.stringify(facts.links),
    );
  });
});

/** The schema-dts type each JSON-LD @type is checked as. */
const SCHEMA_TYPES = [
  "NewsArticle",
  "Article",
  "Person",
  "Organization",
  "GovernmentOrganization",
  "NewsMediaOrganization",
  "Country",
];

/**
 * An object with every text but its types blanked: objects of one shape type-check alike, and the
 * compiler takes ~2 s per object (schema.org's unions are large), so each shape is checked once.
 */
const shapeOf = (o: unknown): string =>
  JSON.stringify(o, (key, v: unknown) => (typeof v === "string" && key !== "@type" && key !== "@context" ? "" : v));

/** Type-checks each object as `WithContext<its @type>` with schema-dts; returns the compiler's complaints. */
async function schemaOrgProblems(all: readonly unknown[]): Promise<string[]> {
  const objects = [...new Map(all.map((o) => [shapeOf(o), o])).values()];
  const dir = await mkdtemp(path.join(tmpdir(), "briefbook-jsonld-"));
  try {
    const schemaDts = fileURLToPath(import.meta.resolve("schema-dts")).replace(/\.js$/, ".d.ts");
    const lines = objects.map((o, i) => {
      const type = (o as { "@type": string })["@type"];
      assert.ok(SCHEMA_TYPES.includes(type), `unexpected @type ${type}`);
      return `export const ld${i}: WithContext<${type}Leaf> = ${JSON.stringify(o)};`;
    });
    const file = path.join(dir, "jsonld.ts");
    await writeFile(
      file,
      `import type { WithContext, ${SCHEMA_TYPES.map((t) => `${t}Leaf`).join(", ")} } from ${JSON.stringify(schemaDts)};\n${lines.join("\n")}\n`,
    );
    const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, types: [] });
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0]!);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What this site promises each kind of object has (Google's required and recommended article fields among them). */
const REQUIRED: Record<string, readonly string[]> = {
  NewsArticle: ["headline", "url", "datePublished", "dateModified", "author", "publisher", "citation", "about"],
  Article: ["headline", "url"],
  Person: ["name", "url"],
  Organization: ["name", "url"],
  GovernmentOrganization: ["name", "url"],
  NewsMediaOrganization: ["name", "url"],
  Country: ["name", "url"],
};

describe("JSON-LD against schema.org", () => {
  test("every brief, source article and actor page's JSON-LD is a valid schema.org object of its type", async () => {
    const ctx = await contextOf("cross-links");
    const objects: Record<string, unknown>[] = [];
    for (const page of subjectPages(ctx))
      objects.push(
        ...((await readHead(pageHead(ctx, page, description(page)).value)).jsonLd as Record<string, unknown>[]),
      );
    const types = new Set(objects.map((o) => o["@type"]));
    for (const t of ["NewsArticle", "Article", "Person", "Country", "GovernmentOrganization", "NewsMediaOrganization"])
      assert.ok(types.has(t), `the fixture shows a ${t}; saw ${[...types].join(", ")}`);
    assert.deepEqual(await schemaOrgProblems(objects), []);
    const missing = objects.flatMap((o) => {
      const isBrief = o["@type"] === "NewsArticle" && "citation" in o;
      const wanted = isBrief ? REQUIRED.NewsArticle! : REQUIRED[String(o["@type"])]!.slice(0, 2);
      return wanted.filter((k) => o[k] === undefined).map((k) => `${String(o["@type"])} ${String(o.url)} lacks ${k}`);
    });
    assert.deepEqual(missing, []);
    for (const o of objects) assert.equal(o["@context"], "https://schema.org");
  });

  test("the check fails a property schema.org does not have, or a value of the wrong type", async () => {
    const problems = await schemaOrgProblems([
      { "@context": "https://schema.org", "@type": "NewsArticle", headlin: "misspelt" },
      { "@context": "https://schema.org", "@type": "Person", name: "A", birthDate: 1990 },
    ]);
    assert.equal(problems.length, 2, problems.join("\n"));
  });
});

describe("JSON-LD from hostile text", () => {
  test("a title that tries to end the script element stays text: no script runs, the JSON reads back exactly", async () => {
    const ctx = await contextOf("valid-minimal");
    const evil = `</script><script>window.__pwned=1</script><!-- & \u2028 "quoted" </SCRIPT >`;
    const [first] = ctx.model.briefs;
    const brief = { ...first!, title: evil, dek: evil };
    const page: Page = { layout: "brief", path: brief.path, title: evil, brief };
    const facts = await readHead(pageHead(ctx, page, evil).value);
    assert.equal(facts.pwned, false);
    assert.equal(facts.jsonLd.length, 1);
    assert.equal((facts.jsonLd[0] as { headline: string }).headline, evil);
    assert.equal(facts.meta["og:title"], evil);
  });
});
