/**
 * The checkable facts of a statement (its numbers, dates and proper names) and what a cited
 * paragraph holds to check them against, for the fact-check lint (fact-check.ts). Deliberately
 * simple: words are compared, not meanings, so "1 November" matches "November 1st" and
 * "Venezuela" matches "Venezuelan", and anything the lint cannot read is left alone.
 */
import { hedgeIn, type Hedge } from "./hedges.ts";
import { numberAt, wordValue, type NumberWord } from "./spelled-numbers.ts";

/** A number or proper name a statement asserts: `key` is what a paragraph must hold. */
export interface Term {
  readonly kind: "number" | "name";
  /** As the statement writes it. */
  readonly text: string;
  readonly key: string;
}

/** A span of the statement the lint checks otherwise (an actor's name, checked by actor). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Capitalised for grammar, not because they name something. */
const NOT_NAMES = new Set(
  (
    "a an the and but or nor in on at of for to with by from as it its this that these those he she they we i " +
    "his her their our both neither either only after before while despite although though when where what who " +
    "which there here also not no one two first second mr mrs ms dr"
  ).split(" "),
);

/** Words too common to show which sentence of a paragraph a statement draws on. */
const COMMON = new Set(
  (
    "that this with from have been were which their there about into over more than such also what when where " +
    "while them they these those would could should will being other after before some only most very just even " +
    "both said says reportedly allegedly alleged according reports report indicate indicates sources citing " +
    "anonymous article articles"
  ).split(" "),
);

/**
 * Numbers and proper names in `text`, outside `skip`. A capitalised word at a sentence's start
 * is not taken for a name (it may be one, but the lint would rather be quiet than wrong), unless
 * `text` is a name itself (`inSentences` false).
 */
export function termsOf(text: string, skip: readonly Span[] = [], inSentences = true): Term[] {
  const out: Term[] = [];
  const matches = [...text.matchAll(WORD)];
  const words = numberWords(text, matches);
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const word = m[0];
    if (skip.some((s) => m.index >= s.start && m.index < s.end)) continue;
    // A number in digits or words, as one term however many words spell it ("twenty-five", "a dozen").
    const number = numberAt(words, i);
    if (number !== undefined) {
      const last = matches[number.end - 1]!;
      out.push({ kind: "number", text: text.slice(m.index, last.index + last[0].length), key: String(number.value) });
      i = number.end - 1;
    } else if (
      /^\p{Lu}/u.test(word) &&
      !NOT_NAMES.has(word.toLowerCase()) &&
      !(inSentences && startsSentence(text, m.index))
    )
      out.push({ kind: "name", text: word, key: word.toLowerCase() });
  }
  return out;
}

/** The words of `text` as the number reader takes them: lower-cased, with the one character before each. */
function numberWords(text: string, matches: readonly RegExpExecArray[]): NumberWord[] {
  let end = 0;
  return matches.map((m) => {
    const before = m.index - end === 1 ? text[end]! : "";
    end = m.index + m[0].length;
    return { lower: m[0].toLowerCase(), before };
  });
}

/** True when nothing but opening quotes or brackets stands between `at` and a sentence's end or the text's start. */
function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s"“‘'([*_]/.test(text[i]!)) i--;
  return i < 0 || /[.!?]/.test(text[i]!);
}

/** One sentence of a paragraph, with its hedge and the words that show a statement draws on it. */
export interface Sentence {
  readonly hedge: Hedge;
  readonly words: ReadonlySet<string>;
}

/**
 * What a cited paragraph holds, read once per run however many statements cite it, and each part
 * only when a statement needs it: most paragraphs have no hedge, and most statements no number.
 */
export class ParagraphFacts {
  readonly #lower: string;
  #numbers: Set<string> | undefined;
  #sentences: readonly Sentence[] | undefined;

  constructor(readonly text: string) {
    this.#lower = text.toLowerCase();
  }

  /**
   * Its numbers, in digits: "1st" and "first" give "1", "twenty-five" 25, "a dozen" 12. Each word
   * of a number counts too ("twenty-five" holds 20 and 5): the lint would rather be quiet than wrong.
   */
  get numbers(): ReadonlySet<string> {
    if (!this.#numbers) {
      const numbers = new Set<string>();
      const matches = [...this.#lower.matchAll(NUMBERISH)];
      const words = numberWords(this.#lower, matches);
      words.forEach((w, i) => {
        const value = wordValue(w.lower, true);
        if (value !== undefined) numbers.add(String(value));
        const phrase = numberAt(words, i);
        if (phrase !== undefined) numbers.add(String(phrase.value));
      });
      this.#numbers = numbers;
    }
    return this.#numbers;
  }

  /** Its sentences that hedge, with the words that show a statement draws on them. */
  get hedgedSentences(): readonly Sentence[] {
    this.#sentences ??=
      hedgeIn(this.text) === undefined
        ? []
        : this.text.split(SENTENCE_END).flatMap((s) => {
            const hedge = hedgeIn(s);
            return hedge ? [{ hedge, words: contentWords(s) }] : [];
          });
    return this.#sentences;
  }

  /**
   * True when the paragraph holds the term: the number; the name as a word or the start of one
   * ("Venezuela" in "Venezuelan"); or, for a longer name, a word up to three letters shorter.
   */
  holds(term: Term): boolean {
    if (term.kind === "number") return this.numbers.has(term.key);
    if (this.#wordAt(term.key, false)) return true;
    for (let k = Math.max(4, term.key.length - 3); k < term.key.length; k++)
      if (this.#wordAt(term.key.slice(0, k), true)) return true;
    return false;
  }

  /** True when `start` (lower case) begins a word of the paragraph, and when `whole`, ends it too. */
  #wordAt(start: string, whole: boolean): boolean {
    const text = this.#lower;
    for (let at = text.indexOf(start); at !== -1; at = text.indexOf(start, at + 1)) {
      const end = at + start.length;
      if (at > 0 && WORD_CHAR.test(text[at - 1]!)) continue;
      if (!whole || end === text.length || !WORD_CHAR.test(text[end]!)) return true;
    }
    return false;
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const NUMBERISH = /\d+(?:st|nd|rd|th)?|[a-z]+/g;
const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])/u;

/** The words of four letters or more that say what a sentence is about. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const [word] of text.matchAll(WORD)) {
    const lower = word.toLowerCase();
    if (lower.length >= 4 && !COMMON.has(lower)) out.add(lower);
  }
  return out;
}

/** True when a statement with `words` draws on `sentence`: it shares three of its words, or half of them. */
export function drawsOn(words: ReadonlySet<string>, sentence: Pick<Sentence, "words">): boolean {
  let shared = 0;
  for (const w of sentence.words) if (words.has(w)) shared++;
  return shared >= 3 || (sentence.words.size > 0 && shared * 2 >= sentence.words.size);
}
