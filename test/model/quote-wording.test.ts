/**
 * A quote accepted with other punctuation than its source's (straight for curly quotes, a hyphen
 * for a dash) is published in the source's characters: readers see what the source printed.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildModel } from "../../src/model/build-model.ts";
import { errorsOf, validateFixture } from "../helpers/content.ts";

test("the brief page's quote shows the source's quotation marks and dashes, not the editor's", async () => {
  const run = await validateFixture("fact-check");
  assert.deepEqual(errorsOf(run.diagnostics), []);
  const model = buildModel(run.validated.content, { pathPrefix: "/", includeDrafts: true });
  const quoteOf = (id: string) => model.briefs.find((b) => b.id === id)?.quotes[0]?.text;
  // Typed as "We don't take orders - not from anyone." in briefs/mistakes.md.
  assert.equal(quoteOf("mistakes"), "We don’t take orders — not from anyone.");
  assert.equal(quoteOf("quiet"), "We don’t take orders — not from anyone.");
});
