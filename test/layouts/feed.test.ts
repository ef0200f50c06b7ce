/**
 * feed.xml is read by feed readers, which reject a document that is not well-formed XML 1.0: one
 * control character in a title loses the whole feed. Parsed here with a strict XML parser (saxes),
 * from a real build and from the layout given text that validation would never let through.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { SaxesParser } from "saxes";
import { feed } from "../../layouts/feed.ts";
import { buildModel } from "../../src/model/build-model.ts";
import { buildSite, renderInputOf } from "../../src/pipeline.ts";
import type { RenderContext } from "../../src/render/context.ts";
import { dump, fixture, validateFixture } from "../helpers/content.ts";

interface FeedText {
  readonly title: string;
  readonly entries: readonly { readonly title: string; readonly summary: string; readonly link: string }[];
}

/** Parses `xml` strictly (throws on anything a conforming parser rejects) and reads the feed's texts. */
function parseFeed(xml: string): FeedText {
  const parser = new SaxesParser({ xmlns: true });
  const stack: string[] = [];
  let title = "";
  const entries: { title: string; summary: string; link: string }[] = [];
  let text = "";
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    stack.push(tag.local);
    text = "";
    if (tag.local === "entry") entries.push({ title: "", summary: "", link: "" });
    if (tag.local === "link" && stack.includes("entry")) entries.at(-1)!.link = String(tag.attributes.href?.value);
  });
  parser.on("text", (t) => (text += t));
  parser.on("closetag", (tag) => {
    stack.pop();
    const entry = stack.at(-1) === "entry" ? entries.at(-1) : undefined;
    if (tag.local === "title" && entry) entry.title = text;
    else if (tag.local === "title" && stack.at(-1) === "feed") title = text;
    else if (tag.local === "summary" && entry) entry.summary = text;
  });
  parser.write(xml).close();
  return { title, entries };
}

describe("feed.xml", () => {
  let dir: string;
  let ctx: RenderContext;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "briefbook-feed-"));
    const run = await validateFixture("valid-minimal");
    assert.deepEqual(run.diagnostics, [], dump(run.diagnostics));
    const opts = { contentDir: "unused", pathPrefix: "/some-repo/", includeDrafts: false };
    ctx = (await renderInputOf(buildModel(run.validated.content, opts), opts)).context;
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test("a real build writes a feed a strict XML parser reads, with the briefs' titles and deks as written", async () => {
    const out = path.join(dir, "_site");
    const built = await buildSite({
      contentDir: fixture("valid-minimal"),
      outDir: out,
      pathPrefix: "/some-repo/",
      includeDrafts: false,
      index: false,
    });
    assert.equal(built.ok, true, dump(built.diagnostics));
    const parsed = parseFeed(await readFile(path.join(out, "feed.xml"), "utf8"));
    assert.equal(parsed.title, ctx.model.site.title);
    assert.deepEqual(
      parsed.entries.map((e) => [e.title, e.summary, e.link]),
      ctx.model.briefs.map((b) => [b.title, b.dek, `https://briefs.example.org/some-repo${b.path}`]),
    );
  });

  test("control characters that reach the layout are dropped, and markup stays text", () => {
    // Validation refuses these in fields (test/validate/urls.test.ts); the feed must hold even so.
    const [first, ...rest] = ctx.model.briefs;
    const model = {
      ...ctx.model,
      site: { ...ctx.model.site, title: "Desk\u001b]0;owned\u0007", tagline: "Tag\u0000line" },
      briefs: [
        { ...first!, title: "Rubio <b>&</b>\u001b[2J says\u0085 no\u007f", dek: "Dek\u000bwith\ufffe controls" },
        ...rest,
      ],
    };
    const xml = feed({ ...ctx, model });
    const parsed = parseFeed(xml);
    assert.equal(parsed.title, "Desk]0;owned");
    assert.equal(parsed.entries[0]!.title, "Rubio <b>&</b>[2J says no");
    assert.equal(parsed.entries[0]!.summary, "Dekwith controls");
    assert.match(xml, /<subtitle>Tagline<\/subtitle>/);
  });
});
