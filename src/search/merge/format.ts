/**
 * The decoded shapes of Pagefind 1.5.2's index files (`pagefind/src/index/index_*.rs`; minicbor
 * writes each struct as an array of its fields) and the one version the merge reads.
 */
import { MergeRefused } from "./container.ts";

/** The Pagefind version whose file format this folder reads and writes: the one package.json pins. */
export const PAGEFIND_VERSION = "1.5.2";

/** `[page_number, locs, meta_locs]`: a word's positions on one page (page numbers delta-encoded in files). */
export type PackedPage = [page: number, locs: number[], metaLocs: number[]];
/** `[form, pages]`: a spelling of the word with other diacritics. */
export type PackedVariant = [form: string, pages: PackedPage[]];
/** `[word, pages, additional_variants]`. */
export type PackedWord = [word: string, pages: PackedPage[], variants: PackedVariant[]];
/** A `pf_index` file: one array holding the chunk's words. */
export type WordChunk = [words: PackedWord[]];
/** A `pf_filter` file: `[filter, [[value, [page…]]…]]`. */
export type FilterIndex = [filter: string, values: [value: string, pages: number[]][]];

/** A `pf_meta` file. */
export type MetaIndex = [
  version: string,
  pages: [hash: string, wordCount: number][],
  chunks: [from: string, to: string, hash: string][],
  filters: [filter: string, hash: string][],
  sorts: [sort: string, pages: number[]][],
  metaFields: string[],
];

/** `pagefind-entry.json`. */
export interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters: string[];
}

const isArrayOf = (v: unknown, n: number): v is unknown[] => Array.isArray(v) && v.length === n;

/** A decoded `pf_meta`, checked for the shape and version this merge was written for. */
export function metaIndexOf(value: unknown, file: string): MetaIndex {
  if (!isArrayOf(value, 6) || !value.slice(1).every(Array.isArray) || typeof value[0] !== "string")
    throw new MergeRefused(`${file} is not a Pagefind ${PAGEFIND_VERSION} metadata file`);
  if (value[0] !== PAGEFIND_VERSION) throw versionRefused(value[0], file);
  return value as MetaIndex;
}

/** A decoded `pf_index` chunk. */
export function wordChunkOf(value: unknown, file: string): WordChunk {
  if (!isArrayOf(value, 1) || !Array.isArray(value[0]))
    throw new MergeRefused(`${file} is not a Pagefind ${PAGEFIND_VERSION} word index chunk`);
  return value as WordChunk;
}

/** A decoded `pf_filter`. */
export function filterIndexOf(value: unknown, file: string): FilterIndex {
  if (!isArrayOf(value, 2) || typeof value[0] !== "string" || !Array.isArray(value[1]))
    throw new MergeRefused(`${file} is not a Pagefind ${PAGEFIND_VERSION} filter index`);
  return value as FilterIndex;
}

/** A parsed `pagefind-entry.json`, of the pinned version. */
export function entryOf(json: string, file: string): Entry {
  let entry: Partial<Entry>;
  try {
    entry = JSON.parse(json) as Partial<Entry>;
  } catch {
    throw new MergeRefused(`${file} is not JSON`);
  }
  if (typeof entry.languages !== "object" || !Array.isArray(entry.include_characters))
    throw new MergeRefused(`${file} is not a Pagefind entry file`);
  if (entry.version !== PAGEFIND_VERSION) throw versionRefused(String(entry.version), file);
  return entry as Entry;
}

const versionRefused = (version: string, file: string) =>
  new MergeRefused(
    `${file} was written by Pagefind ${version.slice(0, 20)}, but the merge reads only Pagefind ${PAGEFIND_VERSION}'s format`,
    `run npm ci so that the pinned Pagefind ${PAGEFIND_VERSION} indexes the site; a new Pagefind version needs src/search/merge/ checked against its format first`,
  );

/**
 * Pagefind's order of words, filter values and meta fields: Rust's string order, UTF-8 bytes,
 * which is code point order. JavaScript compares UTF-16 units, which puts U+E000–U+FFFF after
 * astral characters; this shifts the surrogates above them.
 */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}

const unitRank = (c: number) => (c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c);
