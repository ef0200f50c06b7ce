/**
 * When Eleventy itself fails while writing the site, the editor gets one diagnostic naming the
 * content file behind the page and the page's address, not Eleventy's report and stack traces.
 * Validation now stops the content that used to get there (a topic too long for a folder name),
 * so the real Eleventy is given the page list such content made: one page whose folder name is
 * too long to create, which is how a future gap between validation and rendering would look.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { prepareSite } from "../../src/pipeline.ts";
import { renderInputOf } from "../../src/render/render-input.ts";
import { renderWithEleventy } from "../../src/render/eleventy-run.ts";
import { renderSettingsOf } from "../../src/render-settings.ts";
import { fixture } from "../helpers/content.ts";
import { tempDir } from "../publish/build-cli.ts";

test("an Eleventy failure is one diagnostic naming the source file and the page, and prints nothing", async () => {
  const opts = { contentDir: fixture("valid-minimal"), pathPrefix: "/", includeDrafts: false };
  const { model } = await prepareSite(opts);
  assert.ok(model);
  const input = renderInputOf(model, await renderSettingsOf(model, opts));
  const topic = input.pages.find((p) => p.layout === "topic")!;
  const unwritable = { ...topic, path: `/topics/${"long-".repeat(60)}topic/` } as typeof topic;
  const pages = input.pages.map((p) => (p === topic ? unwritable : p));

  const dir = await tempDir("render-failure");
  const printed: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const { failure } = await renderWithEleventy({ ...input, pages }, path.join(dir, "site"), "/");
    assert.ok(failure, "the failure is reported");
    assert.equal(failure.severity, "error");
    assert.equal(failure.file, (topic.layout === "topic" && topic.topic.briefs[0]?.file) || "");
    assert.match(failure.message, /^could not write the page \/topics\/long-long-.*…: ENAMETOOLONG/);
    assert.doesNotMatch(failure.message, new RegExp(dir), "no staging path: it means nothing to an editor");
    assert.match(failure.hint ?? "", /the page is made from this file; .*BRIEFBOOK_DEBUG=1/);
  } finally {
    process.stderr.write = write;
    await rm(dir, { recursive: true, force: true });
  }
  assert.deepEqual(printed, [], "none of Eleventy's report, no stack trace");
});
