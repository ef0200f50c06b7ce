import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { generateCorpus, writeCorpus } from "../../bench/corpus/generate-corpus.ts";
import { loadContent } from "../../src/load/load-content.ts";
import { validateContent } from "../../src/validate/validate.ts";

// Only the corpus generator is tested here; the benchmark itself never runs as part of the tests.

test("the same seed gives byte-identical corpora; another seed a different one", () => {
  const a = generateCorpus(12, 42);
  const b = generateCorpus(12, 42);
  assert.deepEqual([...a.files], [...b.files]);
  const c = generateCorpus(12, 43);
  assert.notDeepEqual([...a.files.values()], [...c.files.values()]);
});

test("a generated corpus has the promised shape", () => {
  const corpus = generateCorpus(30, 7);
  const paths = [...corpus.files.keys()];
  const count = (dir: string) => paths.filter((p) => p.startsWith(`${dir}/`)).length;
  assert.equal(count("articles"), 30);
  assert.equal(count("briefs"), 30);
  assert.equal(count("actors"), corpus.actors);
  assert.equal(corpus.documents, 60);
  const actorsYaml = paths.filter((p) => p.startsWith("actors/")).map((p) => corpus.files.get(p)!);
  assert.ok(actorsYaml.some((y) => y.includes("kind: media-outlet")));
  assert.ok(actorsYaml.some((y) => y.includes("kind: person")));
  const article = corpus.files.get(paths.find((p) => p.startsWith("articles/"))!)!;
  const words = article.split("\n---\n")[1]!.split(/\s+/).filter(Boolean).length;
  assert.ok(words > 300 && words < 550, `an article has ~400 words, not ${words}`);
});

test("a generated corpus passes validation; the fact-check warns only about its random statements", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "briefbook-corpus-"));
  try {
    const corpus = generateCorpus(40, 11);
    await writeCorpus(dir, corpus);
    assert.equal(await readFile(path.join(dir, "site.yaml"), "utf8"), corpus.files.get("site.yaml"));
    const loaded = await loadContent(dir);
    const { content, diagnostics } = validateContent(loaded.files);
    // Its statements are random prose, so the fact-check rightly finds event dates, events, roles
    // and stances their cited paragraphs do not give (src/validate/fact-check.ts: made-up words such
    // as "ten" are numbers too); nothing else may be reported.
    assert.deepEqual(loaded.diagnostics, []);
    const unexpected = diagnostics.filter(
      (d) => d.severity !== "warning" || !/^(events|actors)\[\d+\]\.(what|role|stance|date)$/.test(d.field ?? ""),
    );
    assert.deepEqual(unexpected, []);
    assert.equal(content.articles.length, 40);
    assert.equal(content.briefs.length, 40);
    assert.ok(
      content.briefs.some((b) => b.quotes.length > 0),
      "some briefs quote their sources",
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("writing refuses a non-empty folder that is not a generated corpus", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "briefbook-corpus-"));
  try {
    await writeCorpus(path.join(dir, "ok"), generateCorpus(3, 1));
    await writeCorpus(path.join(dir, "ok"), generateCorpus(3, 1)); // an earlier corpus is replaced
    await assert.rejects(writeCorpus(dir, generateCorpus(3, 1)), /not empty/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
