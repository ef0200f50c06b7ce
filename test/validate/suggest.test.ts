import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { didYouMean, nearest } from "../../src/validate/suggest.ts";

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

describe("didYouMean", () => {
  test("formats a suggestion, or nothing", () => {
    assert.equal(didYouMean("united-kingdom"), " — did you mean 'united-kingdom'?");
    assert.equal(didYouMean(undefined), "");
  });
});
