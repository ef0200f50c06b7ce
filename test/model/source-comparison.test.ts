/**
 * "What each source says": which key points each source reports, per outlet (or per article when
 * the outlet is not stated), derived from the key points' citations; in the built model and on
 * hand-made points.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { compareSources, type ComparedSource } from "../../src/model/source-comparison.ts";
import type { Citation, CitedKeyPoint, SiteModel } from "../../src/model/types.ts";
import type { ArticleId } from "../../src/validate/ids.ts";
import { fixtureModel } from "../helpers/content.ts";

const cite = (article: string, paragraph: number): Citation =>
  ({ ref: { article, paragraph }, label: `${article} ¶${paragraph}` }) as unknown as Citation;
const point = (text: string, ...cites: Citation[]): CitedKeyPoint => ({ text, cites });
/** Outlets by article: `wire-1` and `wire-2` are one outlet's, `memo` has none. */
const OUTLETS: Record<string, string | undefined> = { "wire-1": "wire", "wire-2": "wire", paper: "paper" };
const sourceOf = (id: ArticleId): ComparedSource => {
  const outlet = OUTLETS[id];
  return outlet
    ? { key: `outlet:${outlet}`, name: outlet, path: `/outlets/${outlet}/` as never }
    : { key: `article:${id}`, name: id, path: `/articles/${id}/` as never };
};
const ids = (...xs: string[]) => xs as ArticleId[];
/** Each point's paragraphs per source, as `article¶n` strings, for short assertions. */
const table = (c: ReturnType<typeof compareSources>) =>
  c?.points.map((p) => p.bySource.map((list) => list.map((x) => `${x.ref.article}¶${x.ref.paragraph}`)));

describe("compareSources", () => {
  test("shows, per source, the paragraphs reporting each point: agreement and silence side by side", () => {
    const c = compareSources(
      [point("Both say it", cite("wire-1", 1), cite("paper", 2)), point("Only the paper", cite("paper", 3))],
      ids("wire-1", "paper"),
      sourceOf,
    );
    assert.deepEqual(
      c?.sources.map((s) => s.name),
      ["wire", "paper"],
    );
    assert.deepEqual(table(c), [
      [["wire-1¶1"], ["paper¶2"]],
      [[], ["paper¶3"]],
    ]);
  });

  test("two articles of one outlet are one source; two articles with no outlet stay two", () => {
    const c = compareSources(
      [point("p", cite("wire-1", 1), cite("wire-2", 4), cite("memo-a", 1))],
      ids("wire-1", "wire-2", "memo-a", "memo-b"),
      sourceOf,
    );
    assert.deepEqual(
      c?.sources.map((s) => s.key),
      ["outlet:wire", "article:memo-a", "article:memo-b"],
    );
    assert.deepEqual(table(c), [[["wire-1¶1", "wire-2¶4"], ["memo-a¶1"], []]]);
  });

  test("nothing to compare with one source, or with no key points", () => {
    assert.equal(compareSources([point("p", cite("wire-1", 1))], ids("wire-1", "wire-2"), sourceOf), undefined);
    assert.equal(compareSources([], ids("wire-1", "paper"), sourceOf), undefined);
  });
});

describe("a brief's comparison in the built model", () => {
  let model: SiteModel;
  before(async () => {
    model = await fixtureModel("cross-links");
  });
  const brief = (id: string) => model.briefs.find((b) => b.id === id)!;

  test("names the outlet, or the article's short title when the outlet is not stated, and links to it", () => {
    const c = brief("memo-brief").comparison;
    assert.ok(c);
    assert.deepEqual(
      c.sources.map((s) => [s.name, s.path]),
      [
        ["A memo circulated among…", "/articles/unsourced-memo/"],
        ["Coast Gazette", "/outlets/coast-gazette/"],
      ],
    );
    assert.deepEqual(table(c), [[["unsourced-memo¶2"], ["navy-strikes¶1"]]]);
  });

  test("a brief with one source, or without key points, has none", () => {
    assert.equal(brief("uk-review").comparison, undefined);
    assert.equal(brief("strikes-response").comparison, undefined);
  });
});
