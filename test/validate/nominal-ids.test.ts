/**
 * Ids are nominal: the type checker (run by `npm test` through `npm run lint`) refuses an article
 * id where an actor id belongs. If the brands were ever lost, the `@ts-expect-error` lines below
 * would become unused and `tsc` would fail.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  actorIdSchema,
  articleIdSchema,
  briefIdSchema,
  parseParagraphRef,
  type ActorId,
  type ArticleId,
  type ParagraphRef,
} from "../../src/validate/ids.ts";
import { actorPath, articlePath, paragraphPath } from "../../src/model/urls.ts";

test("an ActorId, an ArticleId and a BriefId are not interchangeable", () => {
  const actor: ActorId = actorIdSchema.parse("united-kingdom");
  const article: ArticleId = articleIdSchema.parse("uk-halts-intel");
  const brief = briefIdSchema.parse("uk-pause");
  assert.equal(actorPath(actor), "/actors/united-kingdom/");
  assert.equal(articlePath(article), "/articles/uk-halts-intel/");
  // @ts-expect-error an article slug is not an actor id
  actorPath(article);
  // @ts-expect-error a brief slug is not an article slug
  articlePath(brief);
  // @ts-expect-error an unchecked string is neither
  actorPath("united-kingdom");
});

test("a ParagraphRef is built by parsing, and carries an ArticleId", () => {
  const ref: ParagraphRef | undefined = parseParagraphRef("uk-halts-intel#p3");
  assert.ok(ref);
  assert.equal(paragraphPath(ref), "/articles/uk-halts-intel/#p3");
  // @ts-expect-error a ParagraphRef needs an ArticleId, not any string
  paragraphPath({ article: "uk-halts-intel", paragraph: 3 });
});
