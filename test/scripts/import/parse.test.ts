import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { isTitleLike, parseArticleText, parseDateLine } from "../../../scripts/import/parse.ts";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), "utf8");

test("blank-line style: masthead (outlet, section) and headline above the first paragraph", () => {
  const a = parseArticleText(fixture("blank-line-masthead.txt"));
  assert.equal(a.style, "blank-line");
  assert.equal(
    a.headline,
    "UK Temporarily Halts Intelligence Sharing with US Over Dispute on Military Operations Targeting Venezuelan Ships",
  );
  assert.deepEqual(a.masthead, { outlet: "Daily Weekly News", section: "World News", other: [] });
  assert.equal(a.paragraphs.length, 2);
  assert.match(a.paragraphs[0]!, /^The United Kingdom has temporarily halted/);
  assert.match(a.paragraphs[1]!, /^According to CNN, citing anonymous sources/);
  assert.deepEqual(a.removed, []);
  assert.deepEqual(a.notes, []);
});

test("one-per-line style: no headline, every line a paragraph, the form line removed", () => {
  const a = parseArticleText(fixture("one-per-line-form.txt"));
  assert.equal(a.style, "line");
  assert.equal(a.headline, undefined);
  assert.deepEqual(a.masthead, { outlet: undefined, section: undefined, other: [] });
  assert.equal(a.paragraphs.length, 3);
  assert.match(a.paragraphs[1]!, /“Not with me — no one raised it\.”/);
  assert.deepEqual(a.removed, [{ line: 4, text: '"*" indicates required fields', rule: "form line" }]);
});

test("a headline alone (no masthead) is the headline", () => {
  const a = parseArticleText(
    "Rubio Dismisses Reports\n\nThe Secretary of State spoke on Wednesday.\n\nHe was brief.\n",
  );
  assert.equal(a.headline, "Rubio Dismisses Reports");
  assert.equal(a.masthead.outlet, undefined);
  assert.deepEqual(a.paragraphs, ["The Secretary of State spoke on Wednesday.", "He was brief."]);
});

test("one-per-line style with a headline line on top", () => {
  const a = parseArticleText("Rubio Dismisses Reports\nThe Secretary of State spoke on Wednesday.\nHe was brief.");
  assert.equal(a.style, "line");
  assert.equal(a.headline, "Rubio Dismisses Reports");
  assert.equal(a.paragraphs.length, 2);
});

test("hard-wrapped lines of a paragraph are joined with a space", () => {
  const a = parseArticleText("A headline\n\nThe first paragraph is wrapped\nover two lines.\n\nThe second one is not.");
  assert.deepEqual(a.paragraphs, ["The first paragraph is wrapped over two lines.", "The second one is not."]);
});

test("a block whose lines each end a sentence is one paragraph per line", () => {
  const a = parseArticleText("First paragraph.\nSecond paragraph.\n\nThird paragraph.");
  assert.deepEqual(a.paragraphs, ["First paragraph.", "Second paragraph.", "Third paragraph."]);
});

test("byline and date lines in the header are read, not taken for the headline", () => {
  const a = parseArticleText(
    "Harbour Gazette\nWorld\n\nUK Pauses Intel Sharing\nBy Jane Doe and John Roe\nNovember 12, 2025\n\nThe text starts here.",
  );
  assert.equal(a.headline, "UK Pauses Intel Sharing");
  assert.equal(a.masthead.outlet, "Harbour Gazette");
  assert.equal(a.masthead.section, "World");
  assert.equal(a.byline, "Jane Doe and John Roe");
  assert.equal(a.published, "2025-11-12");
});

test("extra masthead lines are reported, not used", () => {
  const a = parseArticleText("Harbour Gazette\nWorld\nAmericas\nA Headline\n\nText.");
  assert.deepEqual(a.masthead.other, ["Americas"]);
  assert.match(a.notes[0]!, /"Americas"/);
});

test("text made only of short lines has no header: all of it is kept as paragraphs", () => {
  const a = parseArticleText("One\n\nTwo");
  assert.equal(a.headline, undefined);
  assert.deepEqual(a.paragraphs, ["One", "Two"]);
  assert.equal(a.notes.length, 2);
});

test("boilerplate-only or blank text gives no paragraphs", () => {
  assert.deepEqual(parseArticleText("\n  \n").paragraphs, []);
  assert.deepEqual(parseArticleText('"*" indicates required fields\nSubscribe\n').paragraphs, []);
});

test("isTitleLike: short and without final punctuation", () => {
  assert.equal(isTitleLike("World News"), true);
  assert.equal(isTitleLike("The UK has halted sharing."), false);
  assert.equal(isTitleLike("He said:"), false);
  assert.equal(isTitleLike("word ".repeat(40)), false);
  assert.equal(isTitleLike(""), false);
});

test("parseDateLine: full dates only, checked for impossible days", () => {
  assert.equal(parseDateLine("November 1, 2025"), "2025-11-01");
  assert.equal(parseDateLine("1 Nov 2025"), "2025-11-01");
  assert.equal(parseDateLine("Published: Wednesday, Sept. 3rd, 2025"), "2025-09-03");
  assert.equal(parseDateLine("2025-02-28"), "2025-02-28");
  assert.equal(parseDateLine("2025-02-30"), undefined);
  assert.equal(parseDateLine("November 1st"), undefined);
  assert.equal(parseDateLine("Updated November 1, 2025"), undefined);
});
