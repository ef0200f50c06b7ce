/**
 * The mention matcher decides which words in a source article become actor links: what a reader
 * sees linked (and what search files under an actor) depends on it getting names right.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mentionMatcher } from "../../src/model/mention-matcher.ts";
import type { ActorId } from "../../src/validate/ids.ts";

const table = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([n, id]) => [n, id as ActorId]));

/** What a reader would see linked: the matched text and the actor it goes to. */
function found(names: Record<string, string>, text: string): string[] {
  return mentionMatcher(table(names))
    .find(text)
    .map((m) => `${text.slice(m.start, m.end)}=${m.actor}`);
}

const UK = { "United Kingdom": "uk", UK: "uk", Britain: "uk", "U.K.": "uk" };

describe("mention matcher", () => {
  test("finds names and aliases where they stand", () => {
    const text = "The United Kingdom and Britain; the UK.";
    const matches = mentionMatcher(table(UK)).find(text);
    assert.deepEqual(
      matches.map((m) => [m.start, m.end, m.actor]),
      [
        [text.indexOf("United Kingdom"), text.indexOf("United Kingdom") + "United Kingdom".length, "uk"],
        [text.indexOf("Britain"), text.indexOf("Britain") + 7, "uk"],
        [text.lastIndexOf("UK"), text.lastIndexOf("UK") + 2, "uk"],
      ],
    );
  });

  test("names are case-sensitive: the alias US never fires on 'us' or 'Us'", () => {
    const names = { US: "us", "United States": "us" };
    assert.deepEqual(found(names, "Tell us what the US said. Us too."), ["US=us"]);
    assert.deepEqual(found(names, "the united states"), []);
  });

  test("a multi-word name is preferred over a shorter name it starts with", () => {
    const names = { US: "us", "US Navy": "navy", "United States": "us", "United States Navy": "navy" };
    assert.deepEqual(found(names, "The US Navy and the United States Navy, not the US."), [
      "US Navy=navy",
      "United States Navy=navy",
      "US=us",
    ]);
  });

  test("a longer name is preferred even when the shorter one is listed later in the table", () => {
    const names = { "Royal Navy": "rn", Royal: "royal-family" };
    assert.deepEqual(found(names, "Royal Navy ships and the Royal household"), ["Royal Navy=rn", "Royal=royal-family"]);
  });

  test("falls back to the shorter name when the longer one does not complete", () => {
    const names = { US: "us", "US Navy": "navy", "US Navy SEALs": "seals" };
    assert.deepEqual(found(names, "US Navy ships; US Navy SEALs; US troops"), [
      "US Navy=navy",
      "US Navy SEALs=seals",
      "US=us",
    ]);
  });

  test("dotted abbreviations: U.K. matches mid-sentence and at the end of a sentence", () => {
    assert.deepEqual(found(UK, "The U.K. government said so."), ["U.K.=uk"]);
    assert.deepEqual(found(UK, "It was approved in the U.K."), ["U.K.=uk"]);
    assert.deepEqual(found(UK, "It was approved in the U.K. Then it was not."), ["U.K.=uk"]);
  });

  test("a sentence-final dot is not part of the name", () => {
    const names = { ...UK, "Keir Starmer": "ks", Starmer: "ks" };
    assert.deepEqual(found(names, "Questions went to Starmer. The UK. Keir Starmer."), [
      "Starmer=ks",
      "UK=uk",
      "Keir Starmer=ks",
    ]);
  });

  test("possessives link the name, not the ’s (curly and straight apostrophes)", () => {
    assert.deepEqual(found(UK, "The UK’s decision and Britain's allies"), ["UK=uk", "Britain=uk"]);
    assert.deepEqual(found({ "United Kingdom": "uk" }, "the United Kingdom’s partners"), ["United Kingdom=uk"]);
  });

  test("a possessive at the end of a sentence still links the name", () => {
    assert.deepEqual(found(UK, "The decision was Britain’s. The U.K.’s. The United Kingdom's."), [
      "Britain=uk",
      "U.K.=uk",
      "United Kingdom=uk",
    ]);
  });

  test("a word that merely starts with a name is not a mention", () => {
    assert.deepEqual(found(UK, "UKIP and Britains and Britainwide"), []);
    assert.deepEqual(found({ Maduro: "nm" }, "Madurologists disagree"), []);
  });

  test("names across a comma or other punctuation do not join into a longer name", () => {
    const names = { ...UK, "UK Britain": "wrong" };
    assert.deepEqual(found(names, "UK, Britain"), ["UK=uk", "Britain=uk"]);
    assert.deepEqual(found({ "United Kingdom": "uk", United: "utd" }, "United; Kingdom"), ["United=utd"]);
  });

  test("names joined across a line break still match", () => {
    assert.deepEqual(found(UK, "the United\nKingdom said"), ["United\nKingdom=uk"]);
  });

  test("non-ASCII names match whole, including accented letters", () => {
    const names = { "Nicolás Maduro": "nm", Maduro: "nm", "São Tomé": "st", Zürich: "zh" };
    assert.deepEqual(found(names, "Nicolás Maduro met officials from São Tomé in Zürich. Maduro left."), [
      "Nicolás Maduro=nm",
      "São Tomé=st",
      "Zürich=zh",
      "Maduro=nm",
    ]);
    // Without the accent it is a different name.
    assert.deepEqual(found({ "Nicolás Maduro": "nm" }, "Nicolas Maduro"), []);
  });

  test("hyphenated and apostrophe names are single words", () => {
    const names = { "O'Brien": "ob", "Guinea-Bissau": "gb", Guinea: "gn" };
    assert.deepEqual(found(names, "O'Brien visited Guinea-Bissau, then Guinea."), [
      "O'Brien=ob",
      "Guinea-Bissau=gb",
      "Guinea=gn",
    ]);
  });

  test("matches do not overlap and come out in text order", () => {
    const names = { "New York": "ny", "York Times": "yt", "New York Times": "nyt" };
    const text = "The New York Times in New York; York Times.";
    assert.deepEqual(found(names, text), ["New York Times=nyt", "New York=ny", "York Times=yt"]);
    const ms = mentionMatcher(table(names)).find(text);
    for (let i = 1; i < ms.length; i++) assert.ok(ms[i]!.start >= ms[i - 1]!.end, "matches overlap");
  });

  test("empty names and empty text are harmless", () => {
    assert.deepEqual(found({ "": "x", "...": "y" }, "some text ..."), []);
    assert.deepEqual(found(UK, ""), []);
  });

  test("a 1000-actor table still finds every name and stays fast on a long text", () => {
    const names: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) {
      names[`Actor${i} Surname${i}`] = `a${i}`;
      names[`Surname${i}`] = `a${i}`;
    }
    const text = Array.from(
      { length: 2000 },
      (_, i) => `Today Actor${i % 1000} Surname${i % 1000} met Surname${(i + 1) % 1000}.`,
    ).join(" ");
    const matcher = mentionMatcher(table(names));
    const start = performance.now();
    const ms = matcher.find(text);
    const ms1 = performance.now() - start;
    assert.equal(ms.length, 4000);
    assert.equal(ms[0]!.actor, "a0");
    assert.equal(text.slice(ms[0]!.start, ms[0]!.end), "Actor0 Surname0");
    assert.equal(ms[3999]!.actor, "a0"); // the last sentence meets Surname0 again
    // Linear: generous bound, a regex alternation of 2000 names takes far longer than this.
    assert.ok(ms1 < 1000, `took ${ms1.toFixed(0)} ms`);
  });
});
