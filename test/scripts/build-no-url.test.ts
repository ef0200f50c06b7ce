/**
 * A production build of a site with no address warns once, saying why it matters and how to give
 * one; a build with drafts (a look before publishing) or with BRIEFBOOK_URL does not.
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { buildSite } from "../../src/pipeline.ts";
import { dump, fixture } from "../helpers/content.ts";

let dir: string;
let content: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "briefbook-no-url-"));
  content = path.join(dir, "content");
  await cp(fixture("valid-minimal"), content, { recursive: true });
  const site = path.join(content, "site.yaml");
  await writeFile(site, (await readFile(site, "utf8")).replace(/^url:.*\n/m, ""));
});
after(() => rm(dir, { recursive: true, force: true }));

const build = (name: string, extra: { includeDrafts?: boolean; siteUrl?: string } = {}) =>
  buildSite({
    contentDir: content,
    outDir: path.join(dir, name),
    pathPrefix: "/",
    includeDrafts: false,
    index: false,
    ...extra,
  });

const addressWarnings = (ds: readonly Diagnostic[]) => ds.filter((d) => d.message.includes("no public address"));

test("a production build without a url warns once, naming site.yaml's url and how to set it", async () => {
  const built = await build("prod");
  assert.equal(built.ok, true, dump(built.diagnostics));
  const [warned, ...more] = addressWarnings(built.diagnostics);
  assert.equal(more.length, 0, dump(built.diagnostics));
  assert.equal(warned?.severity, "warning");
  assert.equal(warned?.file, "site.yaml");
  assert.equal(warned?.field, "url");
  assert.match(warned?.hint ?? "", /url: https:\/\/.*BRIEFBOOK_URL/);
});

test("a build with drafts, or given BRIEFBOOK_URL, does not warn", async () => {
  for (const [name, extra] of [
    ["drafts", { includeDrafts: true }],
    ["env", { siteUrl: "https://owner.github.io/repo/" }],
  ] as const) {
    const built = await build(name, extra);
    assert.equal(built.ok, true, dump(built.diagnostics));
    assert.deepEqual(addressWarnings(built.diagnostics), [], name);
  }
});
