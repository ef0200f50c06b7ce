import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { splitFrontMatter } from "../../../src/load/front-matter.ts";
import { splitParagraphs } from "../../../src/validate/paragraphs.ts";
import { articleSchema } from "../../../src/validate/schema.ts";
import { parseArticleText } from "../../../scripts/import/parse.ts";
import { ARTICLE_FIELDS, PLACEHOLDER_TITLE, renderArticle, slugFromHeadline } from "../../../scripts/import/render.ts";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), "utf8");
const render = (name: string) => renderArticle(parseArticleText(fixture(name)), { importedFrom: name });
const frontMatterLines = (text: string) => text.split("\n---\n")[0]!.split("\n").slice(1);

test("writes every article field of the schema, in order", () => {
  const keys = frontMatterLines(render("blank-line-masthead.txt").text).map((l) => l.split(":")[0]);
  assert.deepEqual(keys, [...ARTICLE_FIELDS]);
  assert.deepEqual([...ARTICLE_FIELDS].sort(), Object.keys(articleSchema.shape).sort());
});

test("masthead style: headline, outlet id with a TODO about its actor file, section; the rest empty with TODOs", () => {
  const { text, todos } = render("blank-line-masthead.txt");
  const lines = frontMatterLines(text);
  assert.equal(
    lines[0],
    "title: UK Temporarily Halts Intelligence Sharing with US Over Dispute on Military Operations Targeting Venezuelan Ships",
  );
  assert.equal(lines[1], "title_source: headline");
  assert.match(
    lines[2]!,
    /^outlet: daily-weekly-news # TODO\(editor\): .*content\/actors\/daily-weekly-news\.yaml must exist \(kind: media-outlet\)/,
  );
  assert.equal(lines[3], "section: World News");
  for (const [i, field] of [
    [4, "published"],
    [5, "url"],
    [6, "byline"],
  ] as const)
    assert.match(lines[i]!, new RegExp(`^${field}: # TODO\\(editor\\): `));
  assert.equal(lines[7], "imported_from: blank-line-masthead.txt");
  assert.deepEqual(
    todos.map((t) => t.split(":")[0]),
    ["outlet", "published", "url", "byline"],
  );
});

test("no headline: placeholder title, title_source editor, both with TODOs", () => {
  const { text } = render("one-per-line-form.txt");
  const lines = frontMatterLines(text);
  assert.equal(
    lines[0],
    `title: "${PLACEHOLDER_TITLE}" # TODO(editor): the source has no headline; write a descriptive title`,
  );
  assert.match(lines[1]!, /^title_source: editor # TODO\(editor\)/);
  assert.match(lines[2]!, /^outlet: # TODO\(editor\)/);
});

test("the output passes the article schema, empty fields reading as not given", () => {
  for (const name of ["blank-line-masthead.txt", "one-per-line-form.txt"]) {
    const file = splitFrontMatter(render(name).text);
    const parsed = articleSchema.safeParse(file.data);
    assert.ok(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`);
    assert.equal(parsed.data.published, undefined);
    assert.equal(parsed.data.url, undefined);
  }
});

test("the body's blank-line paragraphs are exactly the parsed paragraphs, so #pN cites the right one", () => {
  const parsed = parseArticleText(fixture("one-per-line-form.txt"));
  const body = splitFrontMatter(renderArticle(parsed, { importedFrom: "x.txt" }).text).body;
  assert.deepEqual(
    splitParagraphs(body).map((p) => p.text),
    parsed.paragraphs,
  );
});

test("values YAML would misread are quoted", () => {
  const { text } = renderArticle(
    { ...parseArticleText("A headline\n\nText."), headline: "Rubio: no one raised it # really" },
    { importedFrom: "a: b.txt" },
  );
  const data = splitFrontMatter(text).data as Record<string, unknown>;
  assert.equal(data.title, "Rubio: no one raised it # really");
  assert.equal(data.imported_from, "a: b.txt");
});

test("slugFromHeadline: kebab case, cut at a word boundary, no dangling small word", () => {
  assert.equal(
    slugFromHeadline(
      "UK Temporarily Halts Intelligence Sharing with US Over Dispute on Military Operations Targeting Venezuelan Ships",
    ),
    "uk-temporarily-halts-intelligence-sharing-with-us",
  );
  assert.equal(slugFromHeadline("Maduro’s Address: Nicolás Speaks"), "maduros-address-nicolas-speaks");
  assert.equal(slugFromHeadline("???"), "");
});
