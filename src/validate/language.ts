/**
 * The site's language tag. It becomes part of file names (Pagefind writes
 * `pagefind/pagefind.<language>_<hash>.pf_meta`), so it must be a real BCP 47 tag, which has no
 * `/` or `.`, before any tool sees it.
 */
import { warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../load/source-file.ts";
import { INTERFACE_LANGUAGES, interfaceLanguageOf } from "../words/words.ts";
import type { Locate } from "./reference-index.ts";

/**
 * Pagefind 1.5.2 names its metadata file with the tag's length plus 8 characters of a hash that
 * is 20 to 40 characters long, and panics when the hash is shorter than that: measured, a tag of
 * 31 characters panicked, 30 did not. Real tags are short (`sl-Latn-IT-rozaj` is 16), and at 20
 * the hash would need 28 characters, which happens for about one content in 10^11.
 */
const MAX_LANGUAGE_LENGTH = 20;

/** The tag in its canonical form (`EN-gb` → `en-GB`), or undefined when it is not a language tag. */
export function canonicalLanguage(tag: string): string | undefined {
  if (tag.length > MAX_LANGUAGE_LENGTH) return undefined;
  try {
    // The platform's BCP 47 parser: throws RangeError for anything else.
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

export const LANGUAGE_HINT = `write a BCP 47 language tag of at most ${MAX_LANGUAGE_LENGTH} characters, such as en, pt-BR or zh-Hant-TW`;

/**
 * A site whose language the interface has no words in is still built (its dates and numbers follow
 * the language), with English headings and links: said once, at the field, with the languages there are.
 */
export function interfaceLanguageWarning(file: SourceFile, language: string, at: Locate): Diagnostic | undefined {
  if (interfaceLanguageOf(language) !== undefined) return undefined;
  return warning({
    ...at(file, ["language"]),
    message: `the interface has no words in '${language}', so headings, links and labels on the pages will be in English (dates and numbers follow '${language}')`,
    hint: `the interface's languages are ${INTERFACE_LANGUAGES.join(", ")}, each with its regional forms (fr-CA reads French); write one of them, or add the language's table to src/words/`,
  });
}
