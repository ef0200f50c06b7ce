/**
 * The words each search bundle lacks (src/search/vocabulary.ts): read from the part of a page that
 * Pagefind indexes, and written on a page the search page leaves out of every answer.
 */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  missingWords,
  VOCABULARY_FILTER,
  VOCABULARY_VALUE,
  vocabularyPage,
  wordsOf,
} from "../../src/search/vocabulary.ts";

const page = (body: string) =>
  `<html lang="en"><head><title>Nav words</title></head><body><nav>Header menu</nav>
<article class="brief" data-pagefind-body>${body}</article><footer>Footer text</footer></body></html>`;

describe("wordsOf", () => {
  test("reads only the data-pagefind-body element, lower case", () => {
    assert.deepEqual([...wordsOf(page("<h1>Rubio Speaks</h1><p>To <a href='/x/'>reporters</a>.</p>"))].sort(), [
      "reporters",
      "rubio",
      "speaks",
      "to",
    ]);
  });

  test("leaves out elements marked data-pagefind-ignore, nested ones included", () => {
    const words = wordsOf(
      page(
        `<p>Kept <span class="cites" data-pagefind-ignore><a>Chronicle</a> <span>¶5</span> <span>nested</span></span> after</p>
<div hidden data-pagefind-ignore><span data-pagefind-filter="actor">Filtered Name</span></div><p>end</p>`,
      ),
    );
    assert.deepEqual([...words].sort(), ["after", "end", "kept"]);
  });

  test("adds the joined form of hyphenated and apostrophised words, and a form without diacritics", () => {
    const words = wordsOf(page("<p>Al-Assad’s O'Brien Nicolás &amp; 2024-06-26</p>"));
    for (const w of ["al", "assad", "alassads", "o", "brien", "obrien", "nicolás", "nicolas", "2024", "20240626"])
      assert.ok(words.has(w), `${w} in ${[...words].join(" ")}`);
    assert.ok(!words.has("amp"), "entities are not words");
  });

  test("a page without data-pagefind-body has no words", () => {
    assert.equal(wordsOf("<html><body><p>List page</p></body></html>").size, 0);
  });
});

describe("missingWords", () => {
  test("gives each bundle the site's words it lacks, sorted, and nothing it has", () => {
    const missing = missingWords([new Set(["maduro", "navy", "the"]), new Set(["the", "duma"]), new Set(["the"])]);
    assert.deepEqual(missing, [["duma"], ["maduro", "navy"], ["duma", "maduro", "navy"]]);
  });
});

describe("vocabularyPage", () => {
  test("holds the words in an indexed body, escaped, with the filter that keeps it out of answers", () => {
    const html = vocabularyPage(["a<b", "zeal"], "en");
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<body data-pagefind-body>/);
    assert.match(html, /<p>a&lt;b zeal<\/p>/);
    assert.ok(html.includes(`<span data-pagefind-filter="${VOCABULARY_FILTER}">${VOCABULARY_VALUE}</span>`));
    assert.deepEqual([...wordsOf(html)].sort(), ["a", "b", "zeal"], "the filter value is not one of its words");
  });

  test("the search page's module excludes exactly that filter and value", async () => {
    const module = await readFile(path.resolve(import.meta.dirname, "../../public/search/pagefind.js"), "utf8");
    assert.ok(module.includes(`const VOCABULARY_FILTER = "${VOCABULARY_FILTER}";`));
    assert.ok(module.includes(`const VOCABULARY_VALUE = "${VOCABULARY_VALUE}";`));
  });
});
