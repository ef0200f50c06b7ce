/**
 * A quote is accepted when it matches its paragraph with quotation marks, dashes and spacing
 * folded (paragraphs.ts). This finds the paragraph's own characters for it, so the editors'
 * warning can name them and the page can show them: a quote typed with ' and - is published with
 * the source's ’ and —.
 */

/** Text with typographic variants folded, and where each folded character came from. */
interface Folded {
  readonly text: string;
  readonly from: readonly number[];
}

const FOLD: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u201f": '"',
  "\u2033": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2026": "...",
};

/** Folds as `normalizeForQuote` does (paragraphs.ts), keeping each character's place in `raw`. */
function fold(raw: string): Folded {
  let text = "";
  const from: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/\s/.test(c)) {
      if (text !== "" && !text.endsWith(" ")) {
        text += " ";
        from.push(i);
      }
      continue;
    }
    const folded = FOLD[c] ?? c;
    text += folded;
    for (let k = 0; k < folded.length; k++) from.push(i);
  }
  if (text.endsWith(" ")) {
    text = text.slice(0, -1);
    from.pop();
  }
  return { text, from };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `part` first stands in `hay` from `at` without cutting a word at either end. */
function wholeWordsAt(hay: string, part: string, at: number): number {
  for (let i = hay.indexOf(part, at); i !== -1; i = hay.indexOf(part, i + 1)) {
    const end = i + part.length;
    const cutsStart = WORD_CHAR.test(part[0]!) && i > 0 && WORD_CHAR.test(hay[i - 1]!);
    const cutsEnd = WORD_CHAR.test(part[part.length - 1]!) && end < hay.length && WORD_CHAR.test(hay[end]!);
    if (!cutsStart && !cutsEnd) return i;
  }
  return -1;
}

/** The quote's parts (split at '...', outer quotation marks left out) as spans of the folded quote. */
function partsOf(quote: Folded): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const inner = /^["']*(.*?)["']*$/s.exec(quote.text)!;
  const offset = quote.text.indexOf(inner[1]!);
  let at = offset;
  for (const piece of inner[1]!.split("...")) {
    const lead = piece.length - piece.trimStart().length;
    const part = piece.trim();
    if (part !== "") spans.push({ start: at + lead, end: at + lead + part.length });
    at += piece.length + 3;
  }
  return spans;
}

/**
 * The quote as the paragraph writes it (its quotation marks, apostrophes and dashes), or
 * undefined when the quote already has the paragraph's characters or does not stand in it.
 */
export function sourceWording(quote: string, paragraph: string): string | undefined {
  // Most quotes are copied as the source writes them: no need to fold the paragraph for those.
  const flat = (s: string) => s.replace(/\s+/g, " ");
  const hay = flat(paragraph);
  const pieces = flat(quote)
    .replace(/^["'“”‘’\s]+|["'“”‘’\s]+$/g, "")
    .split(/\.\.\.|…/);
  if (pieces.every((piece) => hay.includes(piece.trim()))) return undefined;
  const q = fold(quote);
  const p = fold(paragraph);
  const spans = partsOf(q);
  let out = quote;
  let from = 0;
  let differs = false;
  const replacements: { start: number; end: number; text: string }[] = [];
  for (const span of spans) {
    const at = wholeWordsAt(p.text, q.text.slice(span.start, span.end), from);
    if (at === -1) return undefined;
    from = at + (span.end - span.start);
    const source = paragraph.slice(p.from[at], p.from[from - 1]! + 1).replace(/\s+/g, " ");
    const start = q.from[span.start]!;
    const end = q.from[span.end - 1]! + 1;
    if (source !== quote.slice(start, end).replace(/\s+/g, " ")) differs = true;
    replacements.push({ start, end, text: source });
  }
  if (!differs || spans.length === 0) return undefined;
  for (const r of replacements.reverse()) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}
