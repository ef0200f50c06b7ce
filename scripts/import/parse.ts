/**
 * Turns a scraped plain-text article into its parts: the masthead and headline above the text,
 * the paragraphs of the text itself, and the lines removed as page boilerplate. Pure functions:
 * no files, no console; scripts/import-article.ts does the I/O.
 */
import { impossibleDate } from "../../src/validate/dates.ts";
import { boilerplateRule } from "./boilerplate.ts";
import { normalizeLines } from "./normalize.ts";

/** A line dropped from the scraped text, with its 1-based line number in the scraped file. */
interface RemovedLine {
  readonly line: number;
  readonly text: string;
  readonly rule: string;
}

interface Masthead {
  /** The outlet's name as printed: `Daily Weekly News`. */
  readonly outlet?: string;
  /** The section as printed: `World News`. */
  readonly section?: string;
  /** Further masthead lines, not used for any field; reported to the editor. */
  readonly other: readonly string[];
}

/**
 * How paragraphs are separated in the scraped text:
 * - `blank-line`: blocks separated by blank lines; the lines of a block are one paragraph;
 * - `line`: no blank lines at all, so every line is a paragraph.
 */
type ParagraphStyle = "blank-line" | "line";

export interface ParsedArticle {
  readonly headline?: string;
  readonly masthead: Masthead;
  /** From a `By …` line above the text, without the `By`. */
  readonly byline?: string;
  /** YYYY-MM-DD, from a line above the text that is a full date and nothing else. */
  readonly published?: string;
  readonly paragraphs: readonly string[];
  readonly style: ParagraphStyle;
  readonly removed: readonly RemovedLine[];
  /** Things the editor should look at, such as a short unpunctuated line kept as a paragraph. */
  readonly notes: readonly string[];
}

/** A line of text as a unit of the scraped file. */
interface Line {
  readonly n: number;
  readonly text: string;
}

/** Ends a sentence: `.`, `!`, `?` or `…`, optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'\u201d\u2019)\]]*$/;
/** Any final punctuation, including `:`, `;` and `,`: such a line is text, not a title. */
const FINAL_PUNCTUATION = /[.!?…:;,]["'\u201d\u2019)\]]*$/;

/** Longest line still taken for a masthead or headline line. */
const MAX_TITLE_CHARS = 200;
const MAX_TITLE_WORDS = 30;

/**
 * A short line without final punctuation: a masthead line, a section name or a headline, as
 * opposed to a paragraph of text.
 */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  if (t === "" || t.length > MAX_TITLE_CHARS) return false;
  if (t.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  return !FINAL_PUNCTUATION.test(t);
}

const BYLINE = /^by\s+(\S.*)$/i;

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH = `(${MONTHS.join("|")}|${MONTHS.map((m) => m.slice(0, 3)).join("|")}|sept)\\.?`;
const WEEKDAY = `(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?`;
const PUBLISHED = `(?:published:?\\s+(?:on\\s+)?)?`;
const DATE_PATTERNS: ReadonlyArray<{ re: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }> = [
  { re: new RegExp(`^${PUBLISHED}(\\d{4})-(\\d{2})-(\\d{2})$`, "i"), parts: (m) => [m[1]!, m[2]!, m[3]!] },
  {
    re: new RegExp(`^${PUBLISHED}${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, "i"),
    parts: (m) => [m[3]!, m[1]!, m[2]!],
  },
  {
    re: new RegExp(`^${PUBLISHED}${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})$`, "i"),
    parts: (m) => [m[3]!, m[2]!, m[1]!],
  },
];

/**
 * A line that is a full date and nothing else (`November 1, 2025`, `1 November 2025`,
 * `2025-11-01`, optionally after `Published`), as YYYY-MM-DD. Anything less than a full date,
 * or an `Updated …` line, is not a publication date and gives undefined.
 */
export function parseDateLine(text: string): string | undefined {
  const t = text.trim();
  for (const { re, parts } of DATE_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    const monthIndex = /^\d+$/.test(mo)
      ? Number(mo)
      : MONTHS.findIndex((name) => name.startsWith(mo.toLowerCase().replace(/\.$/, "").slice(0, 3))) + 1;
    const iso = `${y}-${String(monthIndex).padStart(2, "0")}-${d.padStart(2, "0")}`;
    return monthIndex >= 1 && impossibleDate(iso) === undefined ? iso : undefined;
  }
  return undefined;
}

/** Splits lines into blocks at blank lines. */
function blocksOf(lines: readonly Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text === "") {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/**
 * The paragraphs of a block in blank-line style. A block whose lines each end a sentence is one
 * paragraph per line (one-per-line text with a stray blank line); any other block is a single
 * paragraph whose hard-wrapped lines are joined with a space.
 */
function paragraphsOfBlock(block: readonly Line[]): string[] {
  if (block.length > 1 && block.every((l) => SENTENCE_END.test(l.text))) return block.map((l) => l.text);
  return [block.map((l) => l.text).join(" ")];
}

/** Splits the lines above the text into masthead, headline, byline and date. */
function readHeader(
  lines: readonly string[],
): Pick<ParsedArticle, "headline" | "masthead" | "byline" | "published"> & { notes: string[] } {
  const titles: string[] = [];
  const notes: string[] = [];
  let byline: string | undefined;
  let published: string | undefined;
  for (const text of lines) {
    const by = BYLINE.exec(text);
    const date = parseDateLine(text);
    if (by && byline === undefined) byline = by[1]!.trim();
    else if (date && published === undefined) published = date;
    else titles.push(text);
  }
  const headline = titles.pop();
  const [outlet, section, ...other] = titles;
  if (other.length)
    notes.push(`masthead lines not used for any field: ${other.map((o) => JSON.stringify(o)).join(", ")}`);
  return { headline, masthead: { outlet, section, other }, byline, published, notes };
}

/**
 * Reads a scraped article. Above the first real paragraph, short lines without final punctuation
 * form the header: the last of them is the headline, the ones above it the masthead (outlet name,
 * then section); `By …` and date-only lines there give byline and publication date.
 */
export function parseArticleText(raw: string): ParsedArticle {
  const removed: RemovedLine[] = [];
  const kept: Line[] = [];
  normalizeLines(raw).forEach((text, i) => {
    const rule = boilerplateRule(text);
    if (rule) removed.push({ line: i + 1, text, rule: rule.name });
    else kept.push({ n: i + 1, text });
  });

  const blocks = blocksOf(kept);
  const style: ParagraphStyle = blocks.length > 1 ? "blank-line" : "line";
  // In line style every line is its own block.
  const units: Line[][] = style === "blank-line" ? blocks : (blocks[0] ?? []).map((l) => [l]);

  // Header: the leading blocks made only of title-like lines, provided real text follows them.
  let headerEnd = 0;
  while (headerEnd < units.length && units[headerEnd]!.every((l) => isTitleLike(l.text) || BYLINE.test(l.text)))
    headerEnd++;
  if (headerEnd === units.length) headerEnd = 0; // nothing but short lines: keep them all as text
  const header = readHeader(
    units
      .slice(0, headerEnd)
      .flat()
      .map((l) => l.text),
  );

  const paragraphs: string[] = [];
  const notes = [...header.notes];
  for (const unit of units.slice(headerEnd)) {
    for (const p of style === "blank-line" ? paragraphsOfBlock(unit) : [unit[0]!.text]) {
      paragraphs.push(p);
      if (isTitleLike(p) && p.length < 80)
        notes.push(
          `paragraph ${paragraphs.length} ("${p}", line ${unit[0]!.n}) is a short line without final punctuation: check it belongs to the article`,
        );
    }
  }
  return {
    headline: header.headline,
    masthead: header.masthead,
    byline: header.byline,
    published: header.published,
    paragraphs,
    style,
    removed,
    notes,
  };
}
