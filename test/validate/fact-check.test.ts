/**
 * The editors' warnings and the fact-check lint (src/validate/fact-check.ts) on real loaded and
 * validated content: test/fixtures/fact-check/ shows each case once (briefs/mistakes.md) and the
 * forms the lint must accept without a word (briefs/quiet.md); the bundled site passes it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadContent } from "../../src/load/load-content.ts";
import type { SourceFile } from "../../src/load/source-file.ts";
import { factCheck } from "../../src/validate/fact-check.ts";
import { sourceWording } from "../../src/validate/quote-wording.ts";
import { validateContent, validationCache } from "../../src/validate/validate.ts";
import { dump, fixture, locations, single, validateDir, validateFixture } from "../helpers/content.ts";

async function factCheckOf(dir: string) {
  const run = dir === "content" ? await validateDir(`${process.cwd()}/content`) : await validateFixture(dir);
  assert.deepEqual(
    run.diagnostics.filter((d) => d.severity === "error"),
    [],
    "the content must be valid first",
  );
  return factCheck(run.validated.content, run.loaded.files);
}

test("each statement that says more than its cited paragraphs is warned at its file, line and field", async () => {
  const warnings = (await factCheckOf("fact-check")).filter((d) => d.file === "briefs/mistakes.md");
  assert.deepEqual(locations(warnings), [
    "warning briefs/mistakes.md:12 (actors[1].role)",
    "warning briefs/mistakes.md:15 (actors[2].role)",
    "warning briefs/mistakes.md:17 (key_points[0].text)",
    "warning briefs/mistakes.md:19 (key_points[1].text)",
    "warning briefs/mistakes.md:21 (key_points[2].text)",
    "warning briefs/mistakes.md:25 (quotes[0].text)",
    "warning briefs/mistakes.md:28 (events[0].date)",
    "warning briefs/mistakes.md:32 (events[1].when)",
    "warning briefs/mistakes.md:35 (events[2].date)",
    "warning briefs/mistakes.md:4 (dek)",
    "warning briefs/mistakes.md:41 (updates[0].text)",
    "warning briefs/mistakes.md:44 (body)",
    "warning briefs/mistakes.md:9 (actors[0].role)",
  ]);
  for (const w of warnings) assert.ok(w.hint, `no hint: ${dump([w])}`);
  const at = (field: string) => single(warnings, "briefs/mistakes.md", field).message;
  // A proper name and a number that the cited paragraph does not give, in digits or in words
  // (the paragraph says "twelve" vessels and "3" crew members).
  assert.equal(at("actors[1].role"), "'Washington' is in none of the cited paragraphs (strikes#p2)");
  assert.equal(at("key_points[0].text"), "'2' is in none of the cited paragraphs (strikes#p2)");
  assert.equal(at("key_points[1].text"), "'three' is in none of the cited paragraphs (strikes#p2)");
  assert.equal(at("key_points[2].text"), "'two dozen' is in none of the cited paragraphs (strikes#p6)");
  // An event's time, at its own field: a year, a month and a day that the cited paragraph ("November
  // 1st") and its article's date (2026-11-20) do not give.
  const unsupported = "is in none of the cited paragraphs (strikes#p2), nor their articles' dates";
  assert.equal(at("events[0].date"), `2025-11-01 (1 November 2025) ${unsupported}`);
  assert.equal(at("events[1].when"), `'September' ${unsupported}`);
  assert.equal(at("events[2].date"), `2026-11-02 (2 November 2026) ${unsupported}`);
  assert.match(single(warnings, "briefs/mistakes.md", "events[1].when").hint!, /the source's own words/);
  // A hedge the statement drops, in the dek and in a role.
  assert.equal(at("dek"), "strikes#p1 says 'reportedly', and the statement drops it");
  assert.equal(at("actors[0].role"), "strikes#p1 says 'reportedly', and the statement drops it");
  // Statements citing nothing.
  assert.match(at("actors[2].role"), /the role of 'united-states' cites nothing/);
  assert.match(at("updates[0].text"), /this development cites nothing/);
  // An actor named in the text but not listed, and a quote typed with straight punctuation.
  assert.equal(at("body"), "'Keir Starmer' names actor 'keir-starmer', which is not listed in this brief's actors");
  assert.equal(
    at("quotes[0].text"),
    "the quote's punctuation differs from strikes#p3; the page shows the source's: We don’t take orders — not from anyone.",
  );
});

test("the lint is quiet on what the sources do say, however it is worded", async () => {
  // Dates reordered ("1 November" for "November 1st"), numbers spelt out ("12" for "twelve", "three"
  // for "3", "a dozen" for "twelve"), an event's date or time in the paragraph's other words
  // ("the first of November" for "November 1st", its year from the article's date), an
  // actor by another of its names ("Britain", "US" for "U.S."), by what a named actor belongs to
  // ("US" Secretary of State for Marco Rubio) or named before the cited paragraph's "He"; the
  // source's outlet in the dek, an event dated by its article's publication date, hedges kept, a
  // quote with the source's own punctuation.
  const warnings = (await factCheckOf("fact-check")).filter((d) => d.file === "briefs/quiet.md");
  assert.deepEqual(warnings, [], dump(warnings));
});

test("an article no brief cites and an actor nothing mentions are warned once each", async () => {
  const warnings = await factCheckOf("fact-check");
  assert.equal(single(warnings, "articles/never-cited.md").message, "no brief cites the article 'never-cited'");
  assert.equal(
    single(warnings, "actors/nobody-mentions-me.yaml").message,
    "nothing mentions the actor 'nobody-mentions-me'",
  );
  // Named in a brief's text (though not listed there) is mentioned: that has its own warning.
  assert.equal(warnings.filter((d) => d.file === "actors/keir-starmer.yaml").length, 0, dump(warnings));
  assert.ok(warnings.every((d) => d.severity === "warning"));
});

test("the bundled site passes the fact-check", async () => {
  const warnings = await factCheckOf("content");
  assert.deepEqual(warnings, [], dump(warnings));
});

test("a quote accepted with other punctuation is given back in the source's characters", () => {
  const paragraph = "Rubio said: “We don’t take orders — not from anyone.” Then he left.";
  assert.equal(
    sourceWording("We don't take orders - not from anyone.", paragraph),
    "We don’t take orders — not from anyone.",
  );
  assert.equal(sourceWording('"We don\'t take ... anyone."', paragraph), '"We don’t take ... anyone."');
  assert.equal(sourceWording("We don’t take orders — not from anyone.", paragraph), undefined);
  assert.equal(sourceWording("We never take orders", paragraph), undefined);
});

test("the preview's cached fact-check reports what a fresh one does after an edit to a brief, an article or an actor", async () => {
  const { files } = await loadContent(fixture("fact-check"));
  const cache = validationCache();
  const fresh = (fs: readonly SourceFile[]) => dump(validateContent(fs).diagnostics);
  assert.equal(dump(validateContent(files, cache).diagnostics), fresh(files));
  const edit = (path: string, change: (f: SourceFile) => SourceFile) => (fs: readonly SourceFile[]) =>
    fs.map((f) => (f.path === path ? change(f) : f));
  const edits = [
    // The quiet brief now says 13 vessels; the article's second paragraph now says Tampa, not Miami.
    edit("briefs/quiet.md", (f) => ({ ...f, data: JSON.parse(JSON.stringify(f.data).replace("said 12", "said 13")) })),
    edit("articles/strikes.md", (f) => ({ ...f, body: f.body.replace("Miami", "Tampa") })),
    // Britain is no longer an alias of the United Kingdom.
    edit("actors/united-kingdom.yaml", (f) => ({ ...f, data: { ...(f.data as object), aliases: ["UK"] } })),
  ];
  let current = files;
  for (const apply of edits) {
    const before = dump(validateContent(current, cache).diagnostics);
    current = apply(current);
    const cached = dump(validateContent(current, cache).diagnostics);
    assert.equal(cached, fresh(current));
    assert.notEqual(cached, before, "each edit changes what the fact-check reports");
  }
});
