/**
 * The weight budget of issue #13: a brief page's HTML plus the stylesheets it links, each gzipped
 * as a server sends it, at most 14 KB, so a brief arrives in the first round trips on a slow phone.
 * Checked on the bundled content built by the real pipeline. (No script on any page but search is
 * tested in test/layouts/layouts.test.ts and test/browser/readers.test.ts.)
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildSite } from "../../src/pipeline.ts";

const CONTENT = path.resolve(import.meta.dirname, "../../content");
const PREFIX = "/briefbook/";
/** 14 KB, in bytes. */
const BUDGET = 14 * 1024;

let dir: string;
let siteDir: string;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "briefbook-budget-"));
  siteDir = path.join(dir, "_site");
  const built = await buildSite({ contentDir: CONTENT, outDir: siteDir, pathPrefix: PREFIX, includeDrafts: false });
  assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Bytes of a file once gzipped at zlib's default level, as GitHub Pages and most servers send it. */
const gzipped = async (file: string) => gzipSync(await readFile(file)).length;

/** The files of the stylesheets a page links, in the built site. */
function stylesheetsOf(html: string): string[] {
  const links = html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g);
  // The address carries a content hash (`site.css?v=…`) for caching; the file has none.
  return Array.from(links, (m) => path.join(siteDir, m[1]!.slice(PREFIX.length).replace(/\?.*$/, "")));
}

test("every brief page's HTML plus its stylesheets is at most 14 KB gzipped", async () => {
  const briefs = (await readdir(path.join(siteDir, "briefs"), { withFileTypes: true }))
    .filter((d) => d.isDirectory() && d.name !== "page")
    .map((d) => path.join(siteDir, "briefs", d.name, "index.html"));
  assert.ok(briefs.length >= 3, `brief pages built: ${briefs.length}`);
  const over: string[] = [];
  for (const file of briefs) {
    const html = await readFile(file, "utf8");
    const sheets = stylesheetsOf(html);
    assert.ok(sheets.length > 0, `${file} links no stylesheet`);
    const sizes = [await gzipped(file), ...(await Promise.all(sheets.map(gzipped)))];
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total > BUDGET)
      over.push(`${path.relative(siteDir, file)}: ${total} bytes gzipped (HTML ${sizes[0]}, CSS ${sizes.slice(1)})`);
  }
  assert.deepEqual(over, [], `over the ${BUDGET}-byte budget`);
});
