/**
 * The preview validates after every edit with a cache of what each unchanged file gave (its
 * schema reading, its body's references): an edited file is read afresh, and a cached run
 * reports exactly what a fresh one does.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadContent } from "../../src/load/load-content.ts";
import type { SourceFile } from "../../src/load/source-file.ts";
import { validateContent, validationCache } from "../../src/validate/validate.ts";
import { dump, fixture } from "../helpers/content.ts";

test("a cached validation reports what a fresh one does, before and after an edit", async () => {
  const { files } = await loadContent(fixture("valid-minimal"));
  const cache = validationCache();
  const first = validateContent(files, cache);
  assert.deepEqual(first.diagnostics, []);
  assert.deepEqual(validateContent(files, cache).content, first.content);

  // An edit is a new loaded file: an unknown actor in the body and a bad field in the front matter.
  const edited = files.map((f): SourceFile => {
    if (f.path !== "briefs/uk-pause.md") return f;
    return { ...f, body: `${f.body}\nAnd [[nobody-at-all]].\n`, data: { ...(f.data as object), status: "maybe" } };
  });
  const cached = validateContent(edited, cache);
  const fresh = validateContent(edited);
  assert.equal(dump(cached.diagnostics), dump(fresh.diagnostics));
  assert.match(dump(cached.diagnostics), /nobody-at-all/);
  assert.match(dump(cached.diagnostics), /\(status\)/);
});
