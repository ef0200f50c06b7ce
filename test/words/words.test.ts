/**
 * The interface's table of words: which language a site's tag gets, and counts in each language's
 * plural forms (`Intl.PluralRules`). No completeness test: every language's table is typed `Words`
 * (the English table's type), so a missing key or a message with other slots fails `tsc`.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { counted } from "../../layouts/format.ts";
import { INTERFACE_LANGUAGES, interfaceLanguageOf, wordsFor } from "../../src/words/words.ts";

describe("the site's language picks the interface's words", () => {
  test("by primary subtag: fr, fr-CA, fr-FR and FR read French; de-AT German; es-419 Spanish", () => {
    for (const tag of ["fr", "fr-CA", "fr-FR", "FR"]) assert.equal(interfaceLanguageOf(tag), "fr", tag);
    assert.equal(interfaceLanguageOf("de-AT"), "de");
    assert.equal(interfaceLanguageOf("es-419"), "es");
    assert.equal(wordsFor("fr-CA").keyPoints, "Points clés");
    assert.equal(wordsFor("de").keyPoints, "Kernpunkte");
    assert.equal(wordsFor("es-MX").keyPoints, "Puntos clave");
  });

  test("a language with no table falls back to English", () => {
    assert.equal(interfaceLanguageOf("pt-BR"), undefined);
    assert.equal(wordsFor("pt-BR"), wordsFor("en"));
    assert.equal(wordsFor("pt-BR").keyPoints, "Key points");
    assert.deepEqual([...INTERFACE_LANGUAGES].sort(), ["de", "en", "es", "fr"]);
  });
});

describe("counts in each language's plural forms", () => {
  const briefs = (n: number, tag: string) => counted(n, wordsFor(tag).briefs, tag);

  test("English: 1 brief, 2 briefs, 0 briefs, 1,234 briefs", () => {
    assert.equal(briefs(1, "en"), "1 brief");
    assert.equal(briefs(2, "en"), "2 briefs");
    assert.equal(briefs(0, "en"), "0 briefs");
    assert.equal(briefs(1234, "en"), "1,234 briefs");
  });

  test("French: 0 and 1 take the singular (0 synthèse, 1 synthèse), 2 the plural", () => {
    assert.equal(briefs(0, "fr"), "0 synthèse");
    assert.equal(briefs(1, "fr"), "1 synthèse");
    assert.equal(briefs(2, "fr"), "2 synthèses");
    assert.equal(counted(3, wordsFor("fr").sourceArticles, "fr"), "3 articles sources");
    assert.equal(counted(1, wordsFor("fr-CA").namedOutlets, "fr-CA"), "1 média identifié");
  });

  test("German and Spanish: 1 Briefing, 2 Briefings; 1 informe, 2 informes, 0 informes", () => {
    assert.equal(briefs(1, "de"), "1 Briefing");
    assert.equal(briefs(2, "de"), "2 Briefings");
    assert.equal(counted(2, wordsFor("de").events, "de"), "2 Ereignisse");
    assert.equal(briefs(1, "es"), "1 informe");
    assert.equal(briefs(2, "es"), "2 informes");
    assert.equal(briefs(0, "es"), "0 informes");
  });

  test("a form a language has but the table leaves out reads `other`: French millions (CLDR's `many`)", () => {
    assert.equal(new Intl.PluralRules("fr").select(1_000_000), "many");
    assert.equal(briefs(1_000_000, "fr"), "1\u202f000\u202f000 synthèses");
  });
});
