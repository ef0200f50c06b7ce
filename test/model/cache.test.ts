/**
 * The preview's model cache (src/model/cache.ts) over the cross-links fixture: what an unchanged
 * rebuild takes from it. test/preview/model-cache.test.ts proves that a cached model renders the
 * same pages as a fresh one after each kind of edit; this file checks that the work is reused.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { buildModel } from "../../src/model/build-model.ts";
import { modelCache } from "../../src/model/cache.ts";
import type { SourceFile } from "../../src/load/source-file.ts";
import type { ValidContent } from "../../src/validate/validate.ts";
import { dump, errorsOf, validateFixture } from "../helpers/content.ts";

let content: ValidContent;
let files: ReadonlyMap<string, SourceFile>;
before(async () => {
  const run = await validateFixture("cross-links");
  assert.deepEqual(errorsOf(run.diagnostics), [], dump(run.diagnostics));
  content = run.validated.content;
  files = new Map(run.loaded.files.map((f) => [f.path, f]));
});

test("an unchanged rebuild hands back the very same briefs, articles and co-actor lists", () => {
  const cache = modelCache((file) => files.get(file));
  const first = buildModel(content, { pathPrefix: "/", includeDrafts: true, cache });
  const again = buildModel(content, { pathPrefix: "/", includeDrafts: true, cache });
  assert.ok(first.briefs.length > 0 && first.articles.length > 0);
  first.briefs.forEach((b, i) => assert.equal(again.briefs[i], b, b.id));
  first.articles.forEach((a, i) => assert.equal(again.articles[i], a, a.id));
  const named = first.actors.filter((a) => first.coActorsOf(a.id).length > 0);
  assert.ok(named.length > 0);
  for (const a of named) assert.equal(again.coActorsOf(a.id), first.coActorsOf(a.id), a.id);
  // The timeline's events merged from unchanged briefs' listings are the same entries.
  assert.ok(first.timeline.length > 0);
  first.timeline.forEach((e, i) => assert.equal(again.timeline[i], e, e.event.what));
});

test("without a file version (sourceOf), documents are built again, to the same values", () => {
  const cache = modelCache();
  const first = buildModel(content, { pathPrefix: "/", includeDrafts: true, cache });
  const again = buildModel(content, { pathPrefix: "/", includeDrafts: true, cache });
  assert.notEqual(again.briefs[0], first.briefs[0]);
  assert.deepEqual(again.briefs, first.briefs);
  assert.deepEqual(again.articles, first.articles);
});
