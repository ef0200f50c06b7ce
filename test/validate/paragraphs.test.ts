import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { normalizeForQuote, quoteAppearsIn, quoteChecker, splitParagraphs } from "../../src/validate/paragraphs.ts";

describe("splitParagraphs", () => {
  test("blocks separated by blank lines, with the line each starts on", () => {
    const body = "First line\ncontinues here.\n\n\nSecond.\n   \nThird.\n";
    assert.deepEqual(splitParagraphs(body), [
      { text: "First line\ncontinues here.", line: 1 },
      { text: "Second.", line: 5 },
      { text: "Third.", line: 7 },
    ]);
  });
  test("leading blank lines shift the first paragraph's line; no trailing newline is fine", () => {
    assert.deepEqual(splitParagraphs("\n\nOnly one"), [{ text: "Only one", line: 3 }]);
  });
  test("CRLF bodies split the same way", () => {
    assert.deepEqual(
      splitParagraphs("A\r\n\r\nB\r\nb2\r\n").map((p) => [p.text, p.line]),
      [
        ["A", 1],
        ["B\nb2", 3],
      ],
    );
  });
  test("an empty or blank body has no paragraphs", () => {
    assert.deepEqual(splitParagraphs(""), []);
    assert.deepEqual(splitParagraphs(" \n\t\n"), []);
  });
});

describe("normalizeForQuote", () => {
  test("folds curly quotes, dashes, ellipsis and whitespace", () => {
    assert.equal(normalizeForQuote("“It’s — well…”\n  fine"), `"It's - well..." fine`);
  });
});

describe("quoteAppearsIn", () => {
  const para =
    "“We will not share intelligence that could be used for lethal strikes,” a spokesperson said on Tuesday.";
  const cases: Array<[string, string, boolean]> = [
    ["exact words", "We will not share intelligence", true],
    [
      "straight quotes around the quote",
      `"We will not share intelligence that could be used for lethal strikes"`,
      true,
    ],
    ["curly quotes around the quote", "“We will not share intelligence”", true],
    ["omission with ...", "We will not share ... lethal strikes", true],
    ["omission with …", "We will not share…lethal strikes", true],
    ["several omissions", "We ... share ... used ... Tuesday", true],
    ["different line breaks and spaces", "We will\nnot   share", true],
    ["a changed word", "We will never share intelligence", false],
    ["parts out of order", "lethal strikes ... We will not share", false],
    ["a word that is not there", "We will not share secrets", false],
    ["only an ellipsis", "...", false],
    ["empty", "", false],
    ["different case", "we will not share", false],
  ];
  for (const [name, quote, expected] of cases) {
    test(`${name}: ${expected ? "found" : "not found"}`, () => assert.equal(quoteAppearsIn(quote, para), expected));
  }
  test("a curly apostrophe in the paragraph matches a straight one in the quote, and back", () => {
    assert.equal(quoteAppearsIn("Washington's closest partners", "one of Washington’s closest partners."), true);
    assert.equal(quoteAppearsIn("Washington’s closest", "one of Washington's closest partners."), true);
  });
  test("a quote must match whole words, not the inside of a word", () => {
    assert.equal(quoteAppearsIn("ill not sha", para), false);
    assert.equal(quoteAppearsIn("will not share", para), true);
  });
});

describe("quoteChecker", () => {
  test("answers as quoteAppearsIn does, for many quotes from the same paragraphs", () => {
    const [long, short] = splitParagraphs(
      `${"The minister said \u201cwe will wait\u201d \u2014 and left. ".repeat(500)}\n\nThe US declined to comment.`,
    );
    const appears = quoteChecker();
    for (const quote of ['"we will wait"', "minister said ... left", "we will not wait", "US declined", "declined"])
      for (const p of [long!, short!])
        assert.equal(appears(quote, p), quoteAppearsIn(quote, p.text), `${quote} in paragraph at line ${p.line}`);
  });
});
