import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  actorIdSchema,
  articleIdSchema,
  formatParagraphRef,
  isActorId,
  isKebab,
  paragraphRefSchema,
  parseParagraphRef,
  slugify,
  topicSlug,
} from "../../src/validate/ids.ts";

const VALID_IDS = ["united-kingdom", "marco-rubio", "un-ohchr", "g7", "2025-budget", "a", "x1-y2-z3"];
const INVALID_IDS = [
  "",
  "United-Kingdom",
  "united_kingdom",
  "united kingdom",
  "-leading",
  "trailing-",
  "double--hyphen",
  "café",
  "uk.gov",
  " united-kingdom",
  "united-kingdom\n",
];

describe("ids", () => {
  for (const id of VALID_IDS) {
    test(`'${id}' is a valid actor id and article slug`, () => {
      assert.equal(isKebab(id), true);
      assert.equal(isActorId(id), true);
      assert.equal(actorIdSchema.safeParse(id).success, true);
      assert.equal(articleIdSchema.safeParse(id).success, true);
    });
  }
  for (const id of INVALID_IDS) {
    test(`${JSON.stringify(id)} is not a valid id`, () => {
      assert.equal(isKebab(id), false);
      const r = actorIdSchema.safeParse(id);
      assert.equal(r.success, false);
      assert.match(r.error?.issues[0]?.message ?? "", /an actor id: lower-case letters, digits and single hyphens/);
    });
  }
  test("a non-string id says what was expected", () => {
    const r = articleIdSchema.safeParse(42);
    assert.match(r.error?.issues[0]?.message ?? "", /expected an article slug/);
  });
});

describe("paragraph refs", () => {
  const cases: Array<[string, { article: string; paragraph: number } | undefined]> = [
    ["uk-halts-intel#p3", { article: "uk-halts-intel", paragraph: 3 }],
    ["a#p1", { article: "a", paragraph: 1 }],
    ["a#p99999", { article: "a", paragraph: 99999 }],
    ["  spaced#p2  ", { article: "spaced", paragraph: 2 }],
    ["a#p0", undefined],
    ["a#p01", undefined],
    ["a#p100000", undefined],
    ["a#3", undefined],
    ["a#P3", undefined],
    ["a", undefined],
    ["#p3", undefined],
    ["Upper#p3", undefined],
    ["a#p3#p4", undefined],
    ["a #p3", undefined],
  ];
  for (const [text, expected] of cases) {
    test(`parseParagraphRef(${JSON.stringify(text)})`, () => {
      assert.deepEqual(parseParagraphRef(text), expected);
    });
  }
  test("formatParagraphRef round-trips", () => {
    const ref = parseParagraphRef("uk-halts-intel#p12");
    assert.ok(ref);
    assert.equal(formatParagraphRef(ref), "uk-halts-intel#p12");
  });
  test("the schema turns text into a ref, and explains a bad one", () => {
    assert.deepEqual(paragraphRefSchema.parse("x#p2"), { article: "x", paragraph: 2 });
    const r = paragraphRefSchema.safeParse("x-p2");
    assert.match(r.error?.issues[0]?.message ?? "", /'x-p2' is not a citation/);
  });
});

describe("slugify / topicSlug", () => {
  const cases: Array<[string, string]> = [
    ["Intelligence sharing", "intelligence-sharing"],
    ["  Caribbean   strikes ", "caribbean-strikes"],
    ["Côte d’Ivoire", "cote-divoire"],
    ["US–UK relations", "us-uk-relations"],
    ["Women's rights", "womens-rights"],
    ["COVID-19", "covid-19"],
    ["!!!", ""],
    ["日本", ""],
  ];
  for (const [name, slug] of cases) {
    test(`${JSON.stringify(name)} → ${JSON.stringify(slug)}`, () => {
      assert.equal(slugify(name), slug);
      assert.equal(topicSlug(name), slug);
    });
  }
  test("letters that do not decompose (Æ, Ø, ß, Ł) are transliterated, not dropped", () => {
    assert.equal(slugify("Ærø & Øresund"), "aero-oresund");
    assert.equal(slugify("Łódź"), "lodz");
  });
});
