/**
 * A custom domain in site.yaml (`domain:`): the site is built at `/` with a CNAME file naming the
 * domain, and its absolute addresses are on that domain. A build given another path prefix is
 * refused with one message saying why; a domain written as an address is refused by validation.
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildSite } from "../../src/pipeline.ts";
import { dump, errorsOf, fixture } from "../helpers/content.ts";

let dir: string;
const contentWith = async (name: string, siteLines: string) => {
  const content = path.join(dir, name);
  await cp(fixture("valid-minimal"), content, { recursive: true });
  const site = path.join(content, "site.yaml");
  await writeFile(site, (await readFile(site, "utf8")).replace(/^url:.*\n/m, "") + siteLines);
  return content;
};
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "briefbook-domain-"));
});
after(() => rm(dir, { recursive: true, force: true }));

const build = (contentDir: string, out: string, pathPrefix: string) =>
  buildSite({ contentDir, outDir: path.join(dir, out), pathPrefix, includeDrafts: false, index: false });

test("a domain builds at / with a CNAME naming it, and addresses on it", async () => {
  const content = await contentWith("content", "domain: briefs.example.net\n");
  const built = await build(content, "site", "/");
  assert.equal(built.ok, true, dump(built.diagnostics));
  assert.equal(await readFile(path.join(dir, "site", "CNAME"), "utf8"), "briefs.example.net\n");
  const feed = parseFeed(await readFile(path.join(dir, "site", "feed.xml"), "utf8"));
  assert.equal(feed.url, "https://briefs.example.net/");
  assert.ok(feed.items.every((i) => i.url?.startsWith("https://briefs.example.net/briefs/")));
  assert.deepEqual(
    built.diagnostics.filter((d) => d.message.includes("no public address")),
    [],
    "the domain is the address",
  );
});

test("a build under a path prefix is refused: the domain serves the site at /", async () => {
  const content = await contentWith("content-prefixed", "domain: briefs.example.net\n");
  const built = await build(content, "prefixed", "/repo/");
  assert.equal(built.ok, false);
  const [e, ...more] = errorsOf(built.diagnostics);
  assert.equal(more.length, 0, dump(built.diagnostics));
  assert.equal(e?.file, "site.yaml");
  assert.equal(e?.field, "domain");
  assert.match(e?.message ?? "", /briefs\.example\.net.*\/repo\//);
  assert.match(e?.hint ?? "", /PATH_PREFIX/);
});

test("a domain written as a web address is refused, with the bare name as the hint", async () => {
  const content = await contentWith("content-bad", "domain: https://briefs.example.net/news/\n");
  const built = await build(content, "bad", "/");
  assert.equal(built.ok, false);
  const [e, ...more] = errorsOf(built.diagnostics);
  assert.equal(more.length, 0, dump(built.diagnostics));
  assert.equal(e?.field, "domain");
  assert.match(e?.hint ?? "", /briefs\.example\.net/);
});
