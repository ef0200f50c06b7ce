/**
 * Numbers as a statement or a paragraph writes them, in digits or in words, read as one value, so
 * that the fact-check (statement-terms.ts) takes "3" and "three", "12" and "a dozen", "2,500" and
 * "two thousand five hundred" for the same number. Table lookups only: this runs on every word of
 * every statement and cited paragraph.
 */

/** A word of a text, lower-cased, and what stands between it and the word before when that is one character. */
export interface NumberWord {
  readonly lower: string;
  /** " " or "-" joins words of a number ("twenty-five"), "," a thousands group ("2,500"); "" anything longer. */
  readonly before: string;
}

const joined = (w: NumberWord | undefined) => w?.before === " " || w?.before === "-";

const UNITS = (
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " +
  "seventeen eighteen nineteen"
).split(" ");
const TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split(" ");
const ORDINALS = "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(" ");

const CARDINALS = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i] as const),
  ...TENS.map((w, i) => [w, (i + 2) * 10] as const),
]);
const ORDINAL_VALUES = new Map<string, number>(ORDINALS.map((w, i) => [w, i] as const));
/** Words that multiply the number before them: "two hundred", "3 million", "a dozen". */
const MULTIPLIERS = new Map<string, number>([
  ["dozen", 12],
  ["hundred", 100],
  ["thousand", 1_000],
  ["million", 1_000_000],
  ["billion", 1_000_000_000],
]);

const DIGITS = /^\d+$/;
const DIGITS_ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;
/** The three digits after a thousands comma: "2,500" is read as the words "2" and "500". */
const THOUSANDS_GROUP = /^\d{3}$/;

/** The value of one word: digits ("12", "1st"), one…nineteen and the tens, and with `ordinals` first…twelfth. */
export function wordValue(lower: string, ordinals = false): number | undefined {
  if (DIGITS.test(lower)) return Number(lower);
  const ordinal = DIGITS_ORDINAL.exec(lower);
  if (ordinal) return Number(ordinal[1]);
  return CARDINALS.get(lower) ?? (ordinals ? ORDINAL_VALUES.get(lower) : undefined);
}

/**
 * The number that the words from `i` spell, and the index after its last word: "twelve",
 * "twenty-five", "two thousand five hundred", "3 million", "a dozen", "2,500" (the words "2" and
 * "500"). Undefined when word `i` starts no number ("a" alone, "dozens", "hundred").
 */
export function numberAt(words: readonly NumberWord[], i: number): { value: number; end: number } | undefined {
  const first = words[i]!.lower;
  // "a dozen", "a hundred": the article stands for one; "a" alone is no number.
  const article = (first === "a" || first === "an") && joined(words[i + 1]) && MULTIPLIERS.has(words[i + 1]!.lower);
  let current = article ? 1 : wordValue(first);
  if (current === undefined) return undefined;
  let total = 0;
  // Words join words ("twenty-five"), not digits ("12 three" is two numbers).
  let spelled = article || CARDINALS.has(first);
  let j = i + 1;
  // Thousands groups after digits: "2,500", "2,500,000".
  if (DIGITS.test(first))
    for (; words[j]?.before === "," && THOUSANDS_GROUP.test(words[j]!.lower); j++)
      current = current * 1000 + Number(words[j]!.lower);
  for (; j < words.length; j++) {
    const w = words[j]!;
    if (!joined(w)) break;
    const multiplier = MULTIPLIERS.get(w.lower);
    const cardinal = CARDINALS.get(w.lower);
    if (multiplier !== undefined) {
      // "two thousand five hundred": a thousand or more closes a group; hundred and dozen multiply within it.
      if (multiplier >= 1000) [total, current] = [total + current * multiplier, 0];
      else current *= multiplier;
    } else if (spelled && cardinal !== undefined) current += cardinal;
    else break;
    spelled = true;
  }
  return { value: total + current, end: j };
}
