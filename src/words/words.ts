/**
 * The interface's words, one table for every language it speaks. The render stage and the layouts
 * take their words from here; validation reads the list of languages to warn about a site whose
 * `language` has none. It depends on no stage, so every stage may import it.
 *
 * No completeness test: each language's table is typed `Words` (the English table's type), so a
 * missing or extra key, or a message with other slots, fails `tsc`.
 */
import { en, type Words } from "./en.ts";
import { fr } from "./fr.ts";
import { de } from "./de.ts";
import { es } from "./es.ts";
import type { Forms } from "./phrase.ts";

export type { Words } from "./en.ts";
export { phraseText, type Forms } from "./phrase.ts";

const TABLE = { en, fr, de, es } as const satisfies Record<string, Words>;

export type InterfaceLanguage = keyof typeof TABLE;

/** The languages the interface has, by primary subtag. */
export const INTERFACE_LANGUAGES = Object.keys(TABLE) as readonly InterfaceLanguage[];

/** `fr`, `fr-CA`, `FR-fr` → `fr`; undefined when the interface has no words in that language. */
export function interfaceLanguageOf(tag: string): InterfaceLanguage | undefined {
  const primary = tag.split("-")[0]!.toLowerCase();
  return Object.hasOwn(TABLE, primary) ? (primary as InterfaceLanguage) : undefined;
}

/** The words for a site in `tag`: its language's, or English when the interface has none. */
export const wordsFor = (tag: string): Words => TABLE[interfaceLanguageOf(tag) ?? "en"];

const pluralRules = new Map<string, Intl.PluralRules>();

/** The form of `forms` that `n` takes in `tag` (`Intl.PluralRules`), `other` when the table has no closer one. */
export function formOf(forms: Forms, n: number, tag: string): string {
  let rules = pluralRules.get(tag);
  if (!rules) pluralRules.set(tag, (rules = new Intl.PluralRules(tag)));
  return forms[rules.select(n)] ?? forms.other;
}
