/** Smaller checks of validateContent, on content written to a temp folder per test. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ACTOR_UK,
  ARTICLE_ONE,
  dump,
  errorsOf,
  locations,
  single,
  tempContent,
  validateDir,
} from "../helpers/content.ts";

const brief = (extra: string, body = "Body.\n") =>
  `---\ntitle: A brief\ndate: 2025-11-12\ndek: Short.\nstatus: published\nsources: [one]\n${extra}---\n${body}`;

async function check(files: Record<string, string>) {
  const { dir, cleanup } = await tempContent({
    "actors/united-kingdom.yaml": ACTOR_UK,
    "articles/one.md": ARTICLE_ONE,
    ...files,
  });
  try {
    return (await validateDir(dir)).diagnostics;
  } finally {
    await cleanup();
  }
}

test("a quoted actor missing from actors is a warning, not an error", async () => {
  const ds = await check({
    "briefs/b.md": brief("quotes:\n  - actor: united-kingdom\n    text: Second paragraph\n    cite: one#p2\n"),
  });
  const d = single(ds, "briefs/b.md");
  assert.equal(d.severity, "warning");
  assert.equal(d.field, "quotes[0].actor");
  assert.equal(d.line, 8);
  assert.equal(d.message, "'united-kingdom' is quoted but not listed in actors");
});

test("an actor listed three times: each repeated entry is reported where it stands", async () => {
  const ds = await check({
    "briefs/b.md": brief(
      "actors:\n  - id: united-kingdom\n    role: a\n  - id: united-kingdom\n    role: b\n  - id: united-kingdom\n    role: c\n",
    ),
  });
  assert.deepEqual(locations(ds), ["error briefs/b.md:10 (actors[1].id)", "error briefs/b.md:12 (actors[2].id)"]);
});

test("an actor listed twice is reported at the second entry", async () => {
  const ds = await check({
    "briefs/b.md": brief("actors:\n  - id: united-kingdom\n    role: a\n  - id: united-kingdom\n    role: b\n"),
  });
  assert.deepEqual(locations(ds), ["error briefs/b.md:10 (actors[1].id)"]);
  assert.equal(ds[0]?.message, "actor 'united-kingdom' is listed twice");
});

test("a topic with no letters or digits cannot make a page address", async () => {
  const ds = await check({ "briefs/b.md": brief("topics: [Fine topic, '???']\n") });
  assert.deepEqual(locations(ds), ["error briefs/b.md:7 (topics[1])"]);
  assert.match(ds[0]?.message ?? "", /topic '\?\?\?' has no letters or digits/);
});

test("a file name that is not a valid id is refused", async () => {
  const ds = await check({ "briefs/UK Pause.md": brief("") });
  const d = single(ds, "briefs/UK Pause.md");
  assert.equal(d.message, "file name 'UK Pause' is not a valid id");
  assert.match(d.hint ?? "", /lower-case letters, digits and single hyphens/);
});

test("an article with front matter but no text has nothing to cite", async () => {
  const ds = await check({ "articles/empty.md": "---\ntitle: Empty\n---\n\n" });
  const d = single(ds, "articles/empty.md");
  assert.equal(d.message, "the article has no text");
  assert.equal(d.line, 4);
});

test("an event needs a date or a when; either one is enough", async () => {
  const ev = (time: string) => `events:\n  - ${time}what: Something.\n    cites: [one#p1]\n`;
  // Errors only: the fact-check warns that 'One' never says 2025, which is not what this checks.
  assert.deepEqual(errorsOf(await check({ "briefs/b.md": brief(ev("date: 2025\n    ")) })), []);
  assert.deepEqual(errorsOf(await check({ "briefs/b.md": brief(ev("when: last spring\n    ")) })), []);
  const ds = await check({ "briefs/b.md": brief(ev("")) });
  assert.deepEqual(locations(ds), ["error briefs/b.md:8 (events[0])"], dump(ds));
});

test("a citation list with a malformed entry names the entry", async () => {
  const ds = await check({ "briefs/b.md": brief("key_points:\n  - text: K.\n    cites: [one#p1, one-p2]\n") });
  const d = single(ds, "briefs/b.md", "key_points[0].cites[1]");
  assert.match(d.message, /'one-p2' is not a citation/);
  assert.equal(d.line, 9);
});

test("a key point without citations is an error", async () => {
  const ds = await check({ "briefs/b.md": brief("key_points:\n  - text: K.\n    cites: []\n") });
  assert.match(single(ds, "briefs/b.md", "key_points[0].cites").message, /needs at least one citation/);
});
