/**
 * A real build writes the feeds where readers look for them, and pages point at them: read back
 * from disk with a real feed parser (the feeds' content is tested in test/render/feeds.test.ts).
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildSite } from "../../src/pipeline.ts";
import { dump, fixture } from "../helpers/content.ts";
import { contextOf } from "../render/publishing-context.ts";

describe("feeds in a real build", () => {
  let dir: string;
  let out: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "briefbook-feed-"));
    out = path.join(dir, "_site");
    const built = await buildSite({
      contentDir: fixture("valid-minimal"),
      outDir: out,
      pathPrefix: "/some-repo/",
      includeDrafts: false,
      index: false,
    });
    assert.equal(built.ok, true, dump(built.diagnostics));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test("pages link their feeds with rel=alternate, and each linked feed is on disk and parses", async () => {
    const alternates = async (page: string) => {
      const text = await readFile(path.join(out, page, "index.html"), "utf8");
      return Array.from(
        text.matchAll(/<link rel="alternate" type="([^"]+)"[^>]* href="\/some-repo\/([^"]+)">/g),
        (m) => [m[1], m[2]],
      );
    };
    assert.deepEqual(await alternates(""), [
      ["application/atom+xml", "feed.xml"],
      ["application/feed+json", "feed.json"],
    ]);
    const actorLinks = await alternates("actors/united-kingdom");
    assert.deepEqual(actorLinks.at(-1), ["application/atom+xml", "actors/united-kingdom/feed.xml"]);
    for (const [type, file] of actorLinks) {
      const text = await readFile(path.join(out, file!), "utf8");
      if (type === "application/feed+json") assert.equal(JSON.parse(text).version, "https://jsonfeed.org/version/1.1");
      else assert.ok(parseFeed(text).items.length > 0, file);
    }
  });

  test("feed.xml holds the published briefs, titles and deks as written, at the site's address", async () => {
    const { model } = await contextOf("valid-minimal");
    const parsed = parseFeed(await readFile(path.join(out, "feed.xml"), "utf8"));
    assert.equal(parsed.title, model.site.title);
    assert.deepEqual(
      parsed.items.map((e) => [e.title, e.description, e.url]),
      model.briefs.map((b) => [b.title, b.dek, `https://briefs.example.org/some-repo${b.path}`]),
    );
  });
});
