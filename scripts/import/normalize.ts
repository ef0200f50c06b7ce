/**
 * Whitespace normalisation for scraped text. Only whitespace changes: the words, punctuation and
 * quote characters (straight or curly) stay exactly as scraped, so quotes in briefs can be checked
 * against them verbatim.
 */

/** Zero-width characters that scrapers leave behind; they are invisible and break matching. */
const ZERO_WIDTH = /\u200b|\u200c|\u200d|\u2060|\ufeff/g;
/** Tabs, no-break spaces and the other Unicode spaces become a plain space. */
const ODD_SPACE = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * Returns the text's lines with line endings unified (CRLF, CR, U+2028/U+2029 → LF), zero-width
 * characters removed, odd spaces turned into plain ones, runs of spaces collapsed and each line
 * trimmed. Blank lines are kept (as ""), so line numbers still match the scraped file.
 */
export function normalizeLines(raw: string): string[] {
  return raw
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(ZERO_WIDTH, "")
    .split("\n")
    .map((line) => line.replace(ODD_SPACE, " ").replace(/ {2,}/g, " ").trim());
}
