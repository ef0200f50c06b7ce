/**
 * An article's paragraphs, in order: the blocks of its body separated by blank lines.
 * Paragraph n (from 1) is what `#pn` cites; the model renders the same blocks.
 */
export interface Paragraph {
  readonly text: string;
  /** 1-based line of the paragraph's first line within the body. */
  readonly line: number;
}

export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const lines = body.split(/\r?\n/);
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const blank = i === lines.length || lines[i]!.trim() === "";
    if (!blank && start === -1) start = i;
    if (blank && start !== -1) {
      out.push({ text: lines.slice(start, i).join("\n").trim(), line: start + 1 });
      start = -1;
    }
  }
  return out;
}

/** Folds typographic variants so a quote typed with straight quotes matches curly ones. */
export function normalizeForQuote(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * True when `quote` stands verbatim in `paragraph`. `...` in the quote marks an omission: its
 * parts must appear in order. Surrounding quotation marks in the quote are ignored.
 */
export const quoteAppearsIn = (quote: string, paragraph: string): boolean =>
  quoteStandsIn(quote, normalizeForQuote(paragraph));

/**
 * `quoteAppearsIn` for many quotes: each paragraph is normalised once, the first time a quote is
 * looked for in it, so 300 quotes from one long paragraph cost one pass over it, not 300.
 */
export function quoteChecker(): (quote: string, paragraph: Paragraph) => boolean {
  const normalized = new WeakMap<Paragraph, string>();
  return (quote, paragraph) => {
    let hay = normalized.get(paragraph);
    if (hay === undefined) normalized.set(paragraph, (hay = normalizeForQuote(paragraph.text)));
    return quoteStandsIn(quote, hay);
  };
}

/** `quoteAppearsIn` against an already normalised paragraph. */
function quoteStandsIn(quote: string, hay: string): boolean {
  const parts = normalizeForQuote(quote)
    .replace(/^["']+|["']+$/g, "")
    .split("...")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  let from = 0;
  for (const part of parts) {
    const at = wholeWordsAt(hay, part, from);
    if (at === -1) return false;
    from = at + part.length;
  }
  return parts.length > 0;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `part` first stands in `hay` from `from` without cutting a word at either end: "ill" is not in "will". */
function wholeWordsAt(hay: string, part: string, from: number): number {
  for (let at = hay.indexOf(part, from); at !== -1; at = hay.indexOf(part, at + 1)) {
    const cutsStart = WORD_CHAR.test(part[0]!) && at > 0 && WORD_CHAR.test(hay[at - 1]!);
    const end = at + part.length;
    const cutsEnd = WORD_CHAR.test(part[part.length - 1]!) && end < hay.length && WORD_CHAR.test(hay[end]!);
    if (!cutsStart && !cutsEnd) return at;
  }
  return -1;
}
