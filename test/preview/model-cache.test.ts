/**
 * The preview's rebuilds reuse per-document work (`ModelOptions.cache`, the `ModelCache` of src/model/cache.ts).
 * Whatever was edited, a model built with the cache must render exactly the pages a model built
 * from scratch renders: every page of the site is compared after each edit.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildModel } from "../../src/model/build-model.ts";
import { modelCache, type ModelCache } from "../../src/model/cache.ts";
import type { SiteModel } from "../../src/model/types.ts";
import { renderPage } from "../../layouts/index.ts";
import { renderInputOf } from "../../src/render/render-input.ts";
import { renderSettingsOf } from "../../src/render-settings.ts";
import { ContentStore } from "../../src/preview/content-store.ts";
import { validateContent } from "../../src/validate/validate.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

let dir: string;
let content: string;
let store: ContentStore;
let cache: ModelCache;

/** Every page's HTML, by path. */
async function pagesOf(model: SiteModel, pathPrefix: string): Promise<Map<string, string>> {
  const opts = { contentDir: content, pathPrefix, includeDrafts: true, preview: true };
  const input = renderInputOf(model, await renderSettingsOf(model, opts));
  return new Map(input.pages.map((p) => [p.path, renderPage(p, input.context)]));
}

/** Applies an edit, then builds with the shared cache and from scratch and compares every page. */
async function editAndCompare(rel: string, change: ((text: string) => string) | null, pathPrefix = "/") {
  const file = path.join(content, rel);
  if (change === null) await unlink(file);
  else await writeFile(file, change(await readFile(file, "utf8").catch(() => "")));
  await store.update([rel]);
  const validated = validateContent(store.files);
  assert.deepEqual(
    validated.diagnostics.filter((d) => d.severity === "error"),
    [],
    `the edit of ${rel} keeps the content valid`,
  );
  const cached = buildModel(validated.content, { pathPrefix, includeDrafts: true, cache });
  const fresh = buildModel(validated.content, { pathPrefix, includeDrafts: true });
  const [a, b] = await Promise.all([pagesOf(cached, pathPrefix), pagesOf(fresh, pathPrefix)]);
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
  for (const [p, html] of b) assert.equal(a.get(p), html, `${p} after editing ${rel}`);
  return { cached, fresh };
}

describe("a model built with the preview's cache equals one built from scratch", () => {
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "briefbook-model-cache-"));
    content = path.join(dir, "content");
    await cp(path.join(FIXTURES, "cross-links"), content, { recursive: true });
    store = new ContentStore(content);
    await store.loadAll();
    cache = modelCache((file) => store.get(file));
    buildModel(validateContent(store.files).content, { pathPrefix: "/", includeDrafts: true, cache });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test("unchanged content: the briefs are the very same objects", async () => {
    const first = buildModel(validateContent(store.files).content, { pathPrefix: "/", includeDrafts: true, cache });
    const { cached } = await editAndCompare("site.yaml", (t) => t);
    for (const b of cached.briefs)
      assert.equal(
        b,
        first.briefs.find((x) => x.id === b.id),
      );
  });

  test("a brief's title, actors and body", async () => {
    await editAndCompare("briefs/uk-review.md", (t) =>
      t
        .replace(/^title: .*$/m, "title: A new title")
        .replace(/^sources: \[uk-pause\]$/m, "sources: [uk-pause, navy-strikes]")
        .replace(/^actors:\n/m, "actors:\n  - id: european-union\n    role: named in an edit\n")
        .replace("# Background", "# Background\n\nNow with [[venezuela]] and [@navy-strikes#p2]."),
    );
  });

  test("an article's byline, title (brief bodies cite it by title) and one of its paragraphs", async () => {
    await editAndCompare("articles/uk-pause.md", (t) => t.replace(/^byline: .*$/m, "byline: Another Reporter"));
    await editAndCompare("articles/navy-strikes.md", (t) =>
      t.replace(/^title: .*$/m, "title: Retitled strikes article"),
    );
    await editAndCompare("articles/uk-pause.md", (t) =>
      t.replace(/\n\n([^\n]+)/, "\n\nVenezuela and the United Kingdom. $1"),
    );
  });

  test("an actor's name and aliases (links and mentions everywhere use them)", async () => {
    await editAndCompare("actors/united-kingdom.yaml", (t) => t.replace(/^name: .*$/m, "name: Britain"));
    await editAndCompare("actors/venezuela.yaml", (t) => `${t.trimEnd()}\naliases: [Caracas]\n`);
  });

  test("a brief added, made a draft, published and removed", async () => {
    const brief =
      "---\ntitle: Added later\ndate: 2025-11-30\ndek: New.\nstatus: draft\nsources: [uk-pause]\n---\nSee [[united-kingdom]] [@uk-pause#p1].\n";
    await editAndCompare("briefs/added-later.md", () => brief);
    await editAndCompare("briefs/added-later.md", (t) => t.replace("status: draft", "status: published"));
    await editAndCompare("briefs/added-later.md", null);
  });

  test("another path prefix: nothing built for the old one is reused", async () => {
    await editAndCompare("site.yaml", (t) => t, "/some-repo/");
  });
});
