// @ts-check
/**
 * The search page's Pagefind: Pagefind's own module (`/pagefind/pagefind.js`), which Pagefind's UI
 * loads from here (the search page points the UI's `bundlePath` at this folder), with one
 * difference: filter values reach the UI as HTML text, and the UI's choices are read back from it.
 * The index is one (src/search/pagefind.ts merges its bundles at build time); nothing else changes.
 */
// Pagefind's module, beside its index: relative, so that it holds under a path prefix.
import * as pagefind from "../pagefind/pagefind.js";

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

/**
 * The search options with filter choices read back from the HTML text the UI was given.
 * @param {{ filters?: Record<string, unknown> } & Record<string, unknown>} [options]
 */
function fromUi(options = {}) {
  const filters = /** @type {Record<string, unknown> | undefined} */ (choiceFromUi(options.filters));
  return filters ? { ...options, filters } : options;
}

/**
 * Filter counts for the UI, values as HTML text.
 * @param {Record<string, Record<string, number>> | undefined} counts
 */
function forUi(counts) {
  if (!counts) return counts;
  return Object.fromEntries(
    Object.entries(counts).map(([name, values]) => [
      name,
      Object.fromEntries(Object.entries(values).map(([value, n]) => [asHtml(value), n])),
    ]),
  );
}

/** @param {any} response */
const answer = (response) =>
  response && {
    ...response,
    filters: forUi(response.filters),
    totalFilters: forUi(response.totalFilters),
  };

/** @param {Record<string, unknown>} options */
export const options = (options) => pagefind.options(options);
export const init = () => pagefind.init();
export const destroy = () => pagefind.destroy();

/**
 * @param {string} term
 * @param {Record<string, unknown>} [options]
 */
export const preload = (term, options) => pagefind.preload(term, fromUi(options));

/**
 * @param {string} term
 * @param {Record<string, unknown>} [options]
 */
export const search = async (term, options) => answer(await pagefind.search(term, fromUi(options)));

/**
 * @param {string} term
 * @param {Record<string, unknown>} [options]
 * @param {number} [debounceTimeoutMs]
 */
export const debouncedSearch = async (term, options, debounceTimeoutMs) =>
  answer(await pagefind.debouncedSearch(term, fromUi(options), debounceTimeoutMs));

export const filters = async () => forUi(await pagefind.filters());
