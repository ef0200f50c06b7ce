/**
 * The two shapes an interface word takes besides plain text. A message with slots is a small
 * function writing its words around the slots with `phrase`; the slots stay whatever the caller
 * passed (escaped text, a link, a `<time>`), so a layout renders the result through its `html` tag
 * and a translation can put the slots in its own order without ever writing markup.
 */

/** Words and slots in reading order. */
export type Phrase<S> = readonly (string | S)[];

/** `phrase\`Updated ${date}\`` → `["Updated ", date, ""]`. */
export const phrase = <S>(words: TemplateStringsArray, ...slots: S[]): Phrase<S> =>
  words.flatMap((w, i) => (i < slots.length ? [w, slots[i]!] : [w]));

/** A phrase whose slots are all text, as one string: for titles, attributes and feeds. */
export const phraseText = (p: Phrase<string>): string => p.join("");

/**
 * A noun with a count, by `Intl.PluralRules` category: `other` always, `one` and whatever else
 * the language's rules use (French and Spanish say `many` for millions: it falls back to `other`).
 */
export type Forms = { readonly other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, "other">, string>>;
