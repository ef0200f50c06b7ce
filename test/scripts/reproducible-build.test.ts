/**
 * Two builds of the same content into two folders are byte-identical, file by file: pages, feeds,
 * sitemap, open data, stylesheet and the search index. Pagefind 1.5.2 alone writes filter values in
 * hash-map order, different from run to run; the index stage's merge (src/search/merge/) rewrites
 * them sorted, so the index is no exception, and any source of difference (a build time, an
 * unordered list) fails the test.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { buildSite } from "../../src/pipeline.ts";
import { dump } from "../helpers/content.ts";

const CONTENT = path.resolve(import.meta.dirname, "../../content");
const scratch = await mkdtemp(path.join(tmpdir(), "briefbook-twice-"));
after(() => rm(scratch, { recursive: true, force: true }));

async function fileHashes(dir: string): Promise<Map<string, string>> {
  const root = await realpath(dir);
  const out = new Map<string, string>();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out.set(
      path.relative(root, file),
      createHash("sha256")
        .update(await readFile(file))
        .digest("hex"),
    );
  }
  return out;
}

test("two builds of the same content are identical, every file, the search index's included", async () => {
  const sites: Map<string, string>[] = [];
  for (const name of ["first", "second"]) {
    const built = await buildSite({
      contentDir: CONTENT,
      outDir: path.join(scratch, name),
      pathPrefix: "/repo/",
      includeDrafts: false,
      siteUrl: "https://owner.github.io/repo/",
    });
    assert.equal(built.ok, true, dump(built.diagnostics));
    sites.push(await fileHashes(path.join(scratch, name)));
  }
  const [first, second] = sites as [Map<string, string>, Map<string, string>];
  const sorted = (files: Map<string, string>) => [...files].sort(([a], [b]) => a.localeCompare(b));
  assert.deepEqual(sorted(second), sorted(first));
  for (const f of ["feed.xml", "feed.json", "sitemap.xml", "data/events.csv", "actors/venezuela/feed.xml"])
    assert.ok(first.has(f), `${f} is among the files compared`);
  for (const f of ["pagefind/pagefind-entry.json", "pagefind/pagefind.js"])
    assert.ok(first.has(f), `${f} is among the files compared`);
  assert.ok(
    [...first.keys()].some((f) => /^pagefind\/filter\/.+\.pf_filter$/.test(f)),
    "filter files are compared",
  );
});
