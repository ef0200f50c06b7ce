import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { scanBodyReferences, splitCitation } from "../../src/validate/references.ts";

/** `line kind id-or-parts` per reference, sorted by line, for one-look comparisons. */
const summary = (body: string) =>
  scanBodyReferences(body)
    .map((r) =>
      r.kind === "actor"
        ? `${r.line} actor ${r.id}${r.text ? ` "${r.text}"` : ""}`
        : `${r.line} cite ${r.parts.join(",")}`,
    )
    .sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));

describe("scanBodyReferences", () => {
  test("actor links, shown-text links and citations, each with its body line", () => {
    const body =
      "The [[united-kingdom]] paused [@uk-halts-intel#p1].\n\n[[Secretary Rubio|marco-rubio]] replied [@a#p2, @b#p3].\n";
    assert.deepEqual(summary(body), [
      "1 actor united-kingdom",
      "1 cite uk-halts-intel#p1",
      '3 actor marco-rubio "Secretary Rubio"',
      "3 cite a#p2,b#p3",
    ]);
  });

  test("citations parse into refs; a malformed part is undefined but kept", () => {
    const [c] = scanBodyReferences("[@a#p2; @nope]");
    assert.ok(c && c.kind === "citation");
    assert.equal(c.raw, "[@a#p2; @nope]");
    assert.deepEqual(c.parts, ["a#p2", "nope"]);
    assert.deepEqual(c.refs, [{ article: "a", paragraph: 2 }, undefined]);
  });

  test("inline code spans are skipped", () => {
    assert.deepEqual(summary("Write `[[actor-id]]` or `[@slug#p1]`, like [[real]].\n"), ["1 actor real"]);
  });

  test("fenced code blocks (``` and ~~~) are skipped, and lines after them still count", () => {
    const body = [
      "```md",
      "[[in-fence]] [@f#p1]",
      "```",
      "[[after-backticks]]",
      "~~~",
      "[[in-tilde]]",
      "~~~",
      "",
      "[@after#p2]",
    ].join("\n");
    assert.deepEqual(summary(body), ["4 actor after-backticks", "9 cite after#p2"]);
  });

  test("an unclosed fence runs to the end of the body", () => {
    assert.deepEqual(summary("[[before]]\n```\n[[inside]]\n"), ["1 actor before"]);
  });

  test("several references on one line, and none across lines", () => {
    assert.deepEqual(summary("[[a]] and [[b|c]] [@x#p1]\n[[broken\n]]"), ["1 actor a", '1 actor c "b"', "1 cite x#p1"]);
  });

  test("whitespace inside the brackets is trimmed", () => {
    assert.deepEqual(summary("[[ spaced-id ]] [[ Shown | the-id ]]"), ["1 actor spaced-id", '1 actor the-id "Shown"']);
  });

  test("a plain Markdown link or footnote is not a reference", () => {
    assert.deepEqual(summary("[text](https://example.com) [^1] [x]"), []);
  });
});

describe("splitCitation", () => {
  test("splits on commas and semicolons, drops '@' and blanks", () => {
    assert.deepEqual(splitCitation("a#p1, @b#p2;@c#p3, "), ["a#p1", "b#p2", "c#p3"]);
  });
});
