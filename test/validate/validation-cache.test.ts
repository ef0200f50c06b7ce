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

test("an edited article or actor is checked against every unchanged brief again, as a fresh run does", async () => {
  const { files } = await loadContent(fixture("valid-minimal"));
  const cache = validationCache();
  assert.deepEqual(validateContent(files, cache).diagnostics, []);
  assert.deepEqual(validateContent(files, cache).diagnostics, []);

  // The article loses all but its first paragraph: the briefs citing #p2 and later now point past its end.
  const shortened = files.map((f): SourceFile => {
    if (f.path !== "articles/rubio-responds.md") return f;
    return { ...f, body: `${f.body.split("\n\n")[0]}\n` };
  });
  const cached = validateContent(shortened, cache);
  assert.equal(dump(cached.diagnostics), dump(validateContent(shortened).diagnostics));
  assert.match(
    dump(cached.diagnostics),
    /briefs\/rubio-reaction\.md:\d+ \(actors\[0\]\.cites\[0\]\).*points past the end/,
  );

  // An actor file renamed away: the briefs naming it are told, and again nothing when it is back.
  const renamed = files.map((f): SourceFile =>
    f.slug === "marco-rubio" ? { ...f, slug: "rubio", path: "actors/rubio.yaml" } : f,
  );
  const gone = validateContent(renamed, cache);
  assert.equal(dump(gone.diagnostics), dump(validateContent(renamed).diagnostics));
  assert.match(
    dump(gone.diagnostics),
    /briefs\/rubio-reaction\.md:\d+ \(actors\[0\]\.id\).*unknown actor 'marco-rubio'/,
  );
  assert.deepEqual(validateContent(files, cache).diagnostics, []);
});
