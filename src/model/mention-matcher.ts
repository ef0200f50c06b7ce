import type { ActorId } from "../validate/ids.ts";

/** Where an actor's name or alias stands in a piece of text. */
interface NameMatch {
  readonly start: number;
  readonly end: number;
  readonly actor: ActorId;
}

export interface MentionMatcher {
  /** Every non-overlapping name in `text`, longest name first at each position. */
  find(text: string): NameMatch[];
}

// A word is a run of letters and digits, with inner dots, apostrophes and hyphens ("U.K.", "O'Brien").
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}]|[.'’-](?=[\p{L}\p{N}]))*\.?/gu;

/**
 * Finds actor names in text by looking words up in a phrase table: linear in the text whatever
 * the number of actors (a regex alternation of thousands of names is not). Names are matched
 * case-sensitively, so an alias like "US" never fires on "us".
 */
export function mentionMatcher(names: ReadonlyMap<string, ActorId>): MentionMatcher {
  const phrases = new Map<string, ActorId>();
  // Most words start no name: looking the word up here first skips the phrase search for them.
  const firstWords = new Set<string>();
  let longest = 1;
  for (const [name, actor] of names) {
    const words = [...name.matchAll(WORD)].map((m) => m[0]);
    if (words.length === 0) continue;
    phrases.set(words.join(" "), actor);
    firstWords.add(words[0]!);
    longest = Math.max(longest, words.length);
  }
  const mayStartName = (word: string) =>
    endings(word).some((trim) => firstWords.has(word.slice(0, word.length - trim)));

  return {
    find(text) {
      const words = [...text.matchAll(WORD)];
      const out: NameMatch[] = [];
      for (let i = 0; i < words.length; i++) {
        if (!mayStartName(words[i]![0])) continue;
        const hit = longestAt(words, i);
        if (hit) {
          out.push(hit.match);
          i += hit.length - 1;
        }
      }
      return out;
    },
  };

  function longestAt(words: RegExpExecArray[], i: number): { match: NameMatch; length: number } | undefined {
    const max = Math.min(longest, words.length - i);
    let phrase = words[i]![0];
    let joinable = 1;
    // Only words separated by whitespace form a phrase: "UK, Britain" holds two names, not one.
    while (joinable < max) {
      const prev = words[i + joinable - 1]!;
      const cur = words[i + joinable]!;
      if (!/^\s+$/.test(cur.input.slice(prev.index + prev[0].length, cur.index))) break;
      phrase += ` ${cur[0]}`;
      joinable++;
    }
    for (let n = joinable; n >= 1; n--) {
      const last = words[i + n - 1]!;
      const text = n === joinable ? phrase : phrase.slice(0, phraseEnd(words, i, n));
      for (const trim of endings(last[0])) {
        const actor = phrases.get(text.slice(0, text.length - trim));
        if (actor) {
          return { match: { start: words[i]!.index, end: last.index + last[0].length - trim, actor }, length: n };
        }
      }
    }
    return undefined;
  }
}

/** Length of the phrase made of words i..i+n-1 joined by single spaces. */
function phraseEnd(words: RegExpExecArray[], i: number, n: number): number {
  let len = n - 1;
  for (let k = 0; k < n; k++) len += words[i + k]![0].length;
  return len;
}

const NO_TRIM: readonly number[] = [0];

/**
 * How many characters may be cut from a phrase's last word to find a name: none, a
 * sentence-final dot ("Starmer."), a possessive ("UK’s") or both ("Britain’s.").
 */
function endings(word: string): readonly number[] {
  const last = word.charCodeAt(word.length - 1);
  // Neither a dot nor an "s": the common case, answered without a regex.
  if (last !== 0x2e && last !== 0x73) return NO_TRIM;
  const out = [0];
  if (word.endsWith(".")) out.push(1);
  if (/['’]s$/.test(word)) out.push(2);
  // A possessive ending a sentence: "the decision was Britain’s."
  if (/['’]s\.$/.test(word)) out.push(3);
  return out;
}
