/**
 * The words a search bundle lacks, so that a site split into bundles answers a rare word as one
 * index would.
 *
 * Pagefind answers a word it cannot find with the longest prefix of it that it holds
 * (pagefind#315; no option turns that off, pagefind#780). In one index that happens only for a word
 * the whole site lacks; in a bundle it happens for any word that only other bundles hold, and a
 * search for a name found on one page listed a thousand unrelated ones at 10,000 briefs. So each
 * bundle gets one extra page holding the words only other bundles have: every bundle then knows
 * every word of the site and finds nothing where it should. The search page keeps those pages out
 * of every answer by their filter (`public/search/pagefind.js`).
 *
 * Pure functions of the pages' HTML; `pagefind.ts` reads the files and hands the pages to Pagefind.
 */
import { escapeHtml } from "../text/escape.ts";

/** The filter that marks a vocabulary page, and its value; the search page excludes it. */
export const VOCABULARY_FILTER = "briefbook-index";
export const VOCABULARY_VALUE = "vocabulary";
/** The address Pagefind records for a bundle's vocabulary page. No such page is written, linked or served. */
export const VOCABULARY_URL = "/briefbook-vocabulary/";

const VOID = new Set(["area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]);

/** Opening and closing tags by element name, compiled once per page: a page has a handful of names. */
type TagPatterns = Map<string, RegExp>;

function tagOf(tags: TagPatterns, name: string): RegExp {
  let tag = tags.get(name);
  if (!tag) tags.set(name, (tag = new RegExp(`<(/?)${name}\\b[^>]*>`, "gi")));
  return tag;
}

/**
 * Where the element whose opening tag ends at `openEnd` ends (after its closing tag), counting
 * nested elements of the same name. Our layouts write well-formed HTML; an unclosed element ends
 * with the document.
 */
function elementEnd(tags: TagPatterns, html: string, name: string, openEnd: number): number {
  if (VOID.has(name) || html[openEnd - 2] === "/") return openEnd;
  const tag = tagOf(tags, name);
  tag.lastIndex = openEnd;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

const BODY = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-body(?=[\s=>/])[^>]*>/i;
const IGNORED = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore(?=[\s=>/])[^>]*>/gi;

/** The text Pagefind indexes from a page: its `data-pagefind-body` element, without ignored elements. */
function indexedHtml(html: string): string {
  const body = BODY.exec(html);
  if (!body) return "";
  const tags: TagPatterns = new Map();
  const open = body.index + body[0].length;
  const inner = html.slice(open, elementEnd(tags, html, body[1]!.toLowerCase(), open));
  let kept = "";
  let at = 0;
  const ignored = new RegExp(IGNORED);
  for (let m = ignored.exec(inner); m; m = ignored.exec(inner)) {
    kept += inner.slice(at, m.index);
    at = elementEnd(tags, inner, m[1]!.toLowerCase(), m.index + m[0].length);
    ignored.lastIndex = at;
  }
  return kept + inner.slice(at);
}

const WORD = /[\p{L}\p{N}]+/gu;
/** The same for text in Latin script, several times faster (the usual case). */
const LATIN_WORD = /[a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+/g;
/** A character past Latin script (other than punctuation such as ’ or —): the text then needs WORD. */
const OTHER_SCRIPT = /[\u0250-\u1fff\u2070-\uffff]/;
/** Characters that join two words into one that Pagefind may also index whole: `al-assad`, `o’brien`. */
const JOINERS = "'’.-";
const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * The words of a page as Pagefind may index them, lower case, generously: each word, the joined
 * form of hyphenated or apostrophised ones, and a form without diacritics. A word too many only
 * lands on a vocabulary page, which no answer shows; a word too few would let that word's prefix
 * answer again.
 */
export function wordsOf(html: string): Set<string> {
  const text = indexedHtml(html)
    .replace(/<[^>]*>/g, " ")
    .replace(/&[#a-z0-9]+;/gi, " ")
    .toLowerCase();
  const words = new Set<string>();
  const add = (w: string) => {
    words.add(w);
    if (NOT_ASCII.test(w)) words.add(w.normalize("NFD").replace(/\p{M}/gu, ""));
  };
  // One pass: each word, and runs of words joined by one JOINERS character, whole.
  let joined = "";
  let parts = 0;
  let end = -2;
  for (const m of text.matchAll(OTHER_SCRIPT.test(text) ? WORD : LATIN_WORD)) {
    const word = m[0];
    add(word);
    if (m.index === end + 1 && JOINERS.includes(text[end]!)) {
      joined += word;
      parts++;
    } else {
      if (parts > 1) add(joined);
      joined = word;
      parts = 1;
    }
    end = m.index + word.length;
  }
  if (parts > 1) add(joined);
  return words;
}

/**
 * For each bundle, the words of the whole site that it lacks, sorted. Each vocabulary is a set of
 * `wordsOf` over the bundle's pages.
 */
export function missingWords(vocabularies: readonly ReadonlySet<string>[]): string[][] {
  const all = new Set<string>();
  for (const words of vocabularies) for (const w of words) all.add(w);
  return vocabularies.map((own) => [...all].filter((w) => !own.has(w)).sort());
}

/** A bundle's vocabulary page: the words, and the filter by which the search page leaves it out. */
export function vocabularyPage(words: readonly string[], lang: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><title>Search vocabulary</title></head>
<body data-pagefind-body>
<div hidden data-pagefind-ignore><span data-pagefind-filter="${VOCABULARY_FILTER}">${VOCABULARY_VALUE}</span></div>
<p>${escapeHtml(words.join(" "))}</p>
</body>
</html>
`;
}
