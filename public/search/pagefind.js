// @ts-check
/**
 * The search page's Pagefind: Pagefind's own module (`/pagefind/pagefind.js`), which Pagefind's UI
 * loads from here (the search page points the UI's `bundlePath` at this folder).
 *
 * One difference, for a site indexed as several bundles that are merged in the browser: each bundle
 * then holds a vocabulary page, the words that only other bundles have, so that a bundle lacking a
 * searched word finds nothing rather than answering with the longest prefix of it that it holds
 * (src/search/vocabulary.ts). This module keeps those pages out of every answer and out of the
 * filter lists. The filter's name and value are those of src/search/vocabulary.ts (a test checks).
 */
// Pagefind's module, beside the first bundle's index: relative, so that it holds under a path prefix.
import * as pagefind from "../pagefind/pagefind.js";

const VOCABULARY_FILTER = "briefbook-index";
const VOCABULARY_VALUE = "vocabulary";

/** Whether other bundles were merged in: a single bundle has no vocabulary page. */
let merged = false;

/**
 * The search options with the vocabulary pages filtered out.
 * @param {{ filters?: Record<string, unknown> } & Record<string, unknown>} [options]
 */
function withoutVocabulary(options = {}) {
  if (!merged) return options;
  return { ...options, filters: { ...options.filters, not: { [VOCABULARY_FILTER]: VOCABULARY_VALUE } } };
}

/**
 * Filter counts without the vocabulary pages' filter.
 * @param {Record<string, unknown> | undefined} counts
 */
function withoutVocabularyFilter(counts) {
  if (!counts) return counts;
  const { [VOCABULARY_FILTER]: _vocabulary, ...rest } = counts;
  return rest;
}

/** @param {any} response */
const answer = (response) =>
  response && {
    ...response,
    filters: withoutVocabularyFilter(response.filters),
    totalFilters: withoutVocabularyFilter(response.totalFilters),
  };

/** @param {Record<string, unknown>} options */
export const options = (options) => pagefind.options(options);
export const init = () => pagefind.init();
export const destroy = () => pagefind.destroy();

/**
 * @param {string} path
 * @param {Record<string, unknown>} [options]
 */
export function mergeIndex(path, options) {
  merged = true;
  return pagefind.mergeIndex(path, options);
}

/**
 * @param {string} term
 * @param {Record<string, unknown>} [options]
 */
export const preload = (term, options) => pagefind.preload(term, withoutVocabulary(options));

/**
 * @param {string} term
 * @param {Record<string, unknown>} [options]
 */
export const search = async (term, options) => answer(await pagefind.search(term, withoutVocabulary(options)));

/**
 * @param {string} term
 * @param {Record<string, unknown>} [options]
 * @param {number} [debounceTimeoutMs]
 */
export const debouncedSearch = async (term, options, debounceTimeoutMs) =>
  answer(await pagefind.debouncedSearch(term, withoutVocabulary(options), debounceTimeoutMs));

export const filters = async () => withoutVocabularyFilter(await pagefind.filters());
