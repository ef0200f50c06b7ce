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

/**
 * Pagefind's UI (1.5.2) writes filter values into the page as HTML (Svelte's {@html}), and they are
 * names from content: an actor called `<img src=x onerror=…>` would run in the filter list. So the
 * UI gets every filter value as HTML text, and its choices are read back before Pagefind sees them.
 */
/** @type {Record<string, string>} */
const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** @type {Record<string, string>} */
const HTML_UNESCAPES = Object.fromEntries(Object.entries(HTML_ESCAPES).map(([c, e]) => [e, c]));
/** @param {string} text */
const asHtml = (text) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
/** @param {string} html */
const fromHtml = (html) => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => HTML_UNESCAPES[e] ?? e);

/**
 * A filter choice from the UI (a value, a list of them, or Pagefind's any/all/not/none groups) with
 * its values read back from HTML; filter names are ours and stay as they are.
 * @param {unknown} choice
 * @returns {unknown}
 */
function choiceFromUi(choice) {
  if (typeof choice === "string") return fromHtml(choice);
  if (Array.isArray(choice)) return choice.map(choiceFromUi);
  if (choice && typeof choice === "object")
    return Object.fromEntries(Object.entries(choice).map(([name, value]) => [name, choiceFromUi(value)]));
  return choice;
}

/** Whether other bundles were merged in: a single bundle has no vocabulary page. */
let merged = false;

/**
 * The search options with the vocabulary pages filtered out.
 * @param {{ filters?: Record<string, unknown> } & Record<string, unknown>} [options]
 */
function withoutVocabulary(options = {}) {
  const filters = /** @type {Record<string, unknown> | undefined} */ (choiceFromUi(options.filters));
  if (!merged) return filters ? { ...options, filters } : options;
  return { ...options, filters: { ...filters, not: { [VOCABULARY_FILTER]: VOCABULARY_VALUE } } };
}

/**
 * Filter counts for the UI: without the vocabulary pages' filter, values as HTML text.
 * @param {Record<string, Record<string, number>> | undefined} counts
 */
function withoutVocabularyFilter(counts) {
  if (!counts) return counts;
  const { [VOCABULARY_FILTER]: _vocabulary, ...rest } = counts;
  return Object.fromEntries(
    Object.entries(rest).map(([name, values]) => [
      name,
      Object.fromEntries(Object.entries(values).map(([value, n]) => [asHtml(value), n])),
    ]),
  );
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
