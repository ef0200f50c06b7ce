/**
 * One grammar for the briefing syntax: the references validation collects from a body are the
 * actor links and citation chips the model renders from it, in the same order, on a table of
 * tricky bodies; and each reference carries the body line an editor would look at.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { markdownRenderer, type LinkResolver } from "../../src/model/markdown.ts";
import { en } from "../../src/words/en.ts";
import { mentionMatcher } from "../../src/model/mention-matcher.ts";
import { bodyReferencesOf, briefingMarkdown, type BodyReference } from "../../src/validate/briefing-syntax.ts";
import type { ArticleId } from "../../src/validate/ids.ts";

/** A site where every actor and every article exists, so each reference renders if it is one. */
const everything: LinkResolver = {
  showCitedText: en.showCitedText,
  actor: (id) => ({ name: `Name of ${id}`, href: `/actors/${id}/` }),
  citation: (ref) => ({
    ref,
    path: `/articles/${ref.article}/#p${ref.paragraph}` as never,
    href: `/articles/${ref.article}/#p${ref.paragraph}`,
    label: `${ref.article} ¶${ref.paragraph}`,
    source: ref.article,
    title: `${ref.article as ArticleId}, paragraph ${ref.paragraph}`,
  }),
};
const renderer = markdownRenderer(mentionMatcher(new Map()));
const validation = briefingMarkdown("any");

/** Validation's reading: `line actor id` / `line cite a#p1`, one entry per actor link or cited paragraph. */
function collected(body: string): string[] {
  return bodyReferencesOf(validation, body).flatMap((r: BodyReference) =>
    r.kind === "actor"
      ? [`${r.line} actor ${r.id}`]
      : r.kind === "citation"
        ? r.refs.flatMap((ref) => (ref ? [`${r.line} cite ${ref.article}#p${ref.paragraph}`] : []))
        : [],
  );
}

/** The reader's view: actor links and citation chips in the rendered HTML, in page order. */
function rendered(body: string): string[] {
  const html = renderer.brief(body, everything).html as string;
  return [...html.matchAll(/<a class="actor" href="\/actors\/([^/"]+)\/"|popovertarget="cite-([^"]+)"/g)].flatMap(
    (m) => (m[1] ? [`actor ${m[1]}`] : m[2]!.split("_").map((ref) => `cite ${ref.replace(/-p(\d+)$/, "#p$1")}`)),
  );
}

const CASES: Array<[name: string, body: string, expected: string[]]> = [
  ["plain", "The [[united-kingdom]] paused [@uk#p1].", ["1 actor united-kingdom", "1 cite uk#p1"]],
  ["shown text", "[[Secretary Rubio|marco-rubio]] replied", ["1 actor marco-rubio"]],
  ["'|' in the shown text: the last one names the actor", "A [[Shown|x|nobody]] link", ["1 actor nobody"]],
  ["whitespace inside the brackets", "[[ spaced-id ]] [[ Shown | the-id ]]", ["1 actor spaced-id", "1 actor the-id"]],
  ["escaped brackets are text", "\\[[nobody]] and \\[@a#p1] and [\\[x]]", []],
  ["code spans are text", "`[[x]]` and ``[@a#p1]`` and `[[y]] [@b#p2]`", []],
  ["a code span over two lines, then a link", "Before `code\nspan` [[x]]", ["2 actor x"]],
  [
    "fenced code is text, and lines after it count",
    "```\n[[x]]\n```\n~~~md\n[@a#p1]\n~~~\n[[after]]",
    ["7 actor after"],
  ],
  ["indented code is text", "Para.\n\n    [[x]] [@a#p1]\n\n[[y]]", ["5 actor y"]],
  ["nested brackets", "[[[x]]] and [[a [b] c]]", ["1 actor x"]],
  ["an actor link inside link text stops the outer link", "[see [[x]]](https://example.org)", ["1 actor x"]],
  ["a link inside a link", "[a [b](https://b.example) [[x]]](https://a.example) [@c#p3]", ["1 actor x", "1 cite c#p3"]],
  ["a citation right before a link destination", "[@a#p1](https://example.org)", ["1 cite a#p1"]],
  [
    "citations with spaces, semicolons and a part that is not one",
    "[@a#p1 ; @b#p2,@c#p3 ] [@d#p4; @nope]",
    ["1 cite a#p1", "1 cite b#p2", "1 cite c#p3", "1 cite d#p4"],
  ],
  ["no reference across lines", "[[broken\n]] and [@a#p1\n]", []],
  [
    "emphasis around references",
    "*[[x]]* and **[@a#p1]** and _[[Shown|y]]_",
    ["1 actor x", "1 cite a#p1", "1 actor y"],
  ],
  [
    "lines through a multi-line paragraph, a list and a quote",
    "First line\nsecond [[x]] line\nthird [@a#p1]\n\n- item one\n- item [[y]]\n  continued [[z]]\n\n> quote\n> [[q]]",
    ["2 actor x", "3 cite a#p1", "6 actor y", "7 actor z", "10 actor q"],
  ],
  [
    "headings and tables",
    "# Head [[h]]\n\nSetext [[s]]\nstill [[t]]\n---\n\n| a | b |\n|---|---|\n| [[c]] | [@a#p1] |",
    ["1 actor h", "3 actor s", "4 actor t", "9 actor c", "9 cite a#p1"],
  ],
  ["a link title over two lines does not shift later lines", '[t](https://e.org "a\nb") [[x]]', ["2 actor x"]],
];

describe("validation collects exactly what the model renders", () => {
  for (const [name, body, expected] of CASES) {
    test(name, () => {
      assert.deepEqual(collected(body), expected, "validation's references and their lines");
      const withoutLines = expected.map((e) => e.replace(/^\d+ /, ""));
      assert.deepEqual(rendered(body), withoutLines, "the rendered page's actor links and citation chips");
    });
  }
});

describe("links in a body", () => {
  const links = (body: string) =>
    bodyReferencesOf(validation, body).flatMap((r) =>
      r.kind === "link" ? [`${r.line} ${r.image ? "image" : "link"} ${r.href}`] : [],
    );

  test("every kind of link and image is collected with its line, whatever its address", () => {
    assert.deepEqual(
      links(
        "[a](JaVaScRiPt:alert(1)) <javascript:alert(2)>\n![i](data:image/png;base64,AA==)\n[r][def] [rel](../foo) <x@example.org>\n\n[def]: vbscript:msgbox(1)",
      ),
      [
        "1 link JaVaScRiPt:alert(1)",
        "1 link javascript:alert(2)",
        "2 image data:image/png;base64,AA==",
        "3 link vbscript:msgbox(1)",
        "3 link ../foo",
        "3 link mailto:x@example.org",
      ],
    );
  });

  test("the model's instance shows a refused address as text, never as a link", () => {
    for (const body of [
      "[x](JaVaScRiPt:alert(1))",
      "<javascript:alert(1)>",
      "![x](data:image/svg+xml;base64,PHN2Zz4=)",
      "[x][r]\n\n[r]: vbscript:msgbox(1)",
      "[x](../relative/)",
      "[x](java\tscript:alert(1))",
    ]) {
      const html = renderer.brief(body, everything).html as string;
      assert.doesNotMatch(html, /<a |<img /, `${JSON.stringify(body)} became live: ${html}`);
    }
    assert.match(renderer.brief("<https://example.org/a>", everything).html, /<a href="https:\/\/example.org\/a">/);
  });
});
