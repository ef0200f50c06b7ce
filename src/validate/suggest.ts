import { distance } from "fastest-levenshtein";

/** A "did you mean" lookup over one set of known values: the likely intended value of a mistyped one. */
export type Suggest = (wrong: string) => string | undefined;

/**
 * How many edit-distance comparisons one validation run may spend on suggestions. Each unknown
 * value compares against the known values of about its length, so thousands of mistakes against
 * thousands of ids would cost their product; past this budget a mistake is still reported (once),
 * with only the suggestions that cost nothing (names, aliases and whole words of an id).
 */
const SUGGESTION_BUDGET = 1_000_000;

/** Allow roughly one typo per four characters; never suggest something entirely different. */
const allowedEdits = (candidateLength: number) => Math.max(2, Math.floor(candidateLength / 4));

/**
 * A suggester for `known`, indexed once: values by length (only values of a near length can be
 * within the allowed edits), whole words of hyphenated ids, and each answer remembered, so the same
 * typo in many files costs one lookup. `aliases` maps other spellings (an actor's name, `Rubio`)
 * to the value to suggest. The budget is shared by every lookup of this suggester.
 */
export function suggester(
  known: Iterable<string>,
  aliases: ReadonlyMap<string, string> = new Map(),
  budget = SUGGESTION_BUDGET,
): Suggest {
  const values = [...known];
  const lower = values.map((v) => v.toLowerCase());
  const byLength = new Map<number, number[]>();
  const byWord = new Map<string, string>();
  values.forEach((value, i) => {
    const list = byLength.get(value.length) ?? [];
    list.push(i);
    byLength.set(value.length, list);
    for (const word of lower[i]!.split("-")) if (!byWord.has(word)) byWord.set(word, value);
  });
  const answers = new Map<string, string | undefined>();
  let spent = 0;

  const closest = (key: string): string | undefined => {
    let best = -1;
    let bestScore = Infinity;
    for (const [length, indexes] of byLength) {
      if (Math.abs(length - key.length) > allowedEdits(length)) continue;
      for (const i of indexes) {
        if (spent >= budget) return best === -1 ? undefined : values[best];
        spent++;
        const d = distance(key, lower[i]!);
        // Ties go to the value listed first, as a scan in order would give.
        if (d <= allowedEdits(length) && (d < bestScore || (d === bestScore && i < best))) {
          best = i;
          bestScore = d;
        }
      }
    }
    return best === -1 ? undefined : values[best];
  };

  return (wrong) => {
    const key = wrong.toLowerCase();
    if (answers.has(key)) return answers.get(key);
    const viaAlias = aliases.get(key) ?? aliases.get(key.replace(/-/g, " "));
    // A prefix or contained word (`rubio` in `marco-rubio`) is a good guess when no spelling is close.
    const answer = viaAlias ?? closest(key) ?? (key.length >= 3 ? byWord.get(key) : undefined);
    answers.set(key, answer);
    return answer;
  };
}

/** The nearest known value to a mistyped one, or undefined when nothing is close enough to be a likely typo. */
export const nearest = (
  wrong: string,
  known: Iterable<string>,
  aliases: ReadonlyMap<string, string> = new Map(),
): string | undefined => suggester(known, aliases)(wrong);

export const didYouMean = (s: string | undefined): string => (s ? ` — did you mean '${s}'?` : "");
