import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { didYouMean, nearest, suggester } from "../../src/validate/suggest.ts";

const ACTORS = ["united-kingdom", "united-states", "marco-rubio", "harbour-news", "uk-government"];

describe("nearest", () => {
  const cases: Array<[string, string | undefined]> = [
    ["united-kingdon", "united-kingdom"],
    ["united-state", "united-states"],
    ["United-Kingdom", "united-kingdom"],
    ["marco-rubyo", "marco-rubio"],
    ["rubio", "marco-rubio"],
    ["harbour", "harbour-news"],
    ["zz", undefined],
    ["ministry-of-silly-walks", undefined],
    ["france", undefined],
  ];
  for (const [wrong, expected] of cases) {
    test(`${wrong} → ${expected ?? "no suggestion"}`, () => assert.equal(nearest(wrong, ACTORS), expected));
  }

  test("aliases lead a name to its id, ignoring case and hyphens", () => {
    const aliases = new Map([
      ["uk", "united-kingdom"],
      ["secretary rubio", "marco-rubio"],
    ]);
    assert.equal(nearest("UK", ACTORS, aliases), "united-kingdom");
    assert.equal(nearest("secretary-rubio", ACTORS, aliases), "marco-rubio");
  });

  test("the closest of several candidates wins", () => {
    assert.equal(nearest("publishd", ["draft", "published"]), "published");
    assert.equal(nearest("titel", ["title", "tittle-long", "dek"]), "title");
  });

  test("a short word is not matched against a short unrelated one", () => {
    assert.equal(nearest("dek", ["date"]), undefined);
  });

  test("nothing known, nothing suggested", () => assert.equal(nearest("anything", []), undefined));
});

describe("suggester", () => {
  test("answers as nearest does, for every lookup of one run", () => {
    const suggest = suggester(ACTORS);
    for (const wrong of ["united-kingdon", "rubio", "harbour", "france", "united-kingdon"])
      assert.equal(suggest(wrong), nearest(wrong, ACTORS), wrong);
  });

  test("its work is bounded: past the budget, a mistake still gets the suggestions that cost nothing", () => {
    const aliases = new Map([["uk", "united-kingdom"]]);
    const spent = suggester(ACTORS, aliases, 0);
    assert.equal(spent("united-kingdon"), undefined, "no edit-distance search once the budget is spent");
    assert.equal(spent("UK"), "united-kingdom", "names and aliases still lead to the id");
    assert.equal(spent("rubio"), "marco-rubio", "a whole word of an id still leads to it");
  });

  test("ties go to the value listed first, whatever its length", () => {
    assert.equal(suggester(["abcd-x", "abcde"])("abcdx"), "abcd-x");
    assert.equal(suggester(["abcde", "abcd-x"])("abcdx"), "abcde");
  });
});

describe("didYouMean", () => {
  test("formats a suggestion, or nothing", () => {
    assert.equal(didYouMean("united-kingdom"), " — did you mean 'united-kingdom'?");
    assert.equal(didYouMean(undefined), "");
  });
});
