import { Random, ZipfSampler } from "./random.ts";

/**
 * A made-up language for article text: a large word list built from syllables, used with Zipf
 * frequencies so that search benchmarks find common words (in most documents), medium ones and rare
 * ones (in a handful). The most frequent ranks are real English function words, as in real text;
 * frequent words are short and rare words long, as in natural languages.
 */

const FUNCTION_WORDS = [
  "the",
  "of",
  "and",
  "to",
  "in",
  "a",
  "that",
  "is",
  "was",
  "for",
  "on",
  "with",
  "as",
  "by",
  "said",
  "at",
  "from",
  "it",
  "has",
  "have",
  "will",
  "not",
  "are",
  "be",
  "this",
  "after",
  "over",
  "which",
  "their",
  "its",
  "would",
  "were",
  "but",
  "an",
  "who",
  "been",
  "also",
  "they",
  "had",
  "more",
] as const;

const ONSETS = [
  "b",
  "c",
  "d",
  "f",
  "g",
  "h",
  "j",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "w",
  "z",
  "br",
  "cr",
  "dr",
  "gr",
  "pr",
  "tr",
  "st",
  "sh",
  "ch",
  "th",
  "pl",
  "cl",
  "fl",
  "gl",
  "sl",
  "sp",
  "sk",
  "",
];
const VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "io", "ie", "au"];
const CODAS = ["", "", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "rk", "ng", "x"];

function syllable(random: Random): string {
  return random.pick(ONSETS) + random.pick(VOWELS) + random.pick(CODAS);
}

export function madeUpWord(random: Random, syllables: number): string {
  let w = "";
  for (let i = 0; i < syllables; i++) w += syllable(random);
  return w;
}

export const capitalize = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** Syllables of the word at a frequency rank: 1 for the most common, up to 4 for the rarest. */
function syllablesForRank(random: Random, rank: number): number {
  const base = rank < 400 ? 1 : rank < 4_000 ? 2 : rank < 20_000 ? 3 : 4;
  return Math.max(1, base + (random.chance(0.2) ? random.int(-1, 1) : 0));
}

export interface Vocabulary {
  /** Words by frequency rank, most common first. */
  readonly words: readonly string[];
  readonly sampler: ZipfSampler;
  /** How many of FUNCTION_WORDS lead the list (ranks 0 … this - 1). */
  readonly functionWords: number;
}

export function buildVocabulary(random: Random, size = 40_000, exponent = 1.07): Vocabulary {
  const words: string[] = [...FUNCTION_WORDS];
  const seen = new Set<string>(words);
  while (words.length < size) {
    const w = madeUpWord(random, syllablesForRank(random, words.length));
    if (w.length < 2 || seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  return { words, sampler: new ZipfSampler(size, exponent), functionWords: FUNCTION_WORDS.length };
}
