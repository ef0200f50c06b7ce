/**
 * When Eleventy fails while writing the site, the editor gets one diagnostic naming the content
 * file behind the page and the page's address, not Eleventy's report and stack traces.
 * Validation stops the content that used to get there (a topic too long for a folder name), so
 * the real Eleventy is given the page list such content would make: a page whose folder name is
 * too long to create, or a page whose template throws on data it did not expect, which is how a
 * future gap between validation and rendering would look.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { prepareSite } from "../../src/pipeline.ts";
import { renderInputOf } from "../../src/render/render-input.ts";
import { renderWithEleventy } from "../../src/render/eleventy-run.ts";
import type { Page } from "../../src/render/pages.ts";
import { renderSettingsOf } from "../../src/render-settings.ts";
import { fixture } from "../helpers/content.ts";
import { tempDir } from "../publish/build-cli.ts";

/**
 * Renders the valid-minimal site with one page replaced by what `broken` makes of it; returns the
 * page, the failure, the staging folder's path and everything printed meanwhile.
 */
async function renderBroken(layout: Page["layout"], broken: (page: Page) => Page) {
  const opts = { contentDir: fixture("valid-minimal"), pathPrefix: "/", includeDrafts: false };
  const { model } = await prepareSite(opts);
  assert.ok(model);
  const input = renderInputOf(model, await renderSettingsOf(model, opts));
  const page = input.pages.find((p) => p.layout === layout)!;
  const pages = input.pages.map((p) => (p === page ? broken(p) : p));

  const dir = await tempDir("render-failure");
  const printed: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const { failure } = await renderWithEleventy({ ...input, pages }, path.join(dir, "site"), "/");
    return { page, failure, dir, printed };
  } finally {
    process.stderr.write = write;
    await rm(dir, { recursive: true, force: true });
  }
}

function assertOneDiagnostic(failure: Diagnostic | undefined, dir: string, printed: readonly string[]): Diagnostic {
  assert.ok(failure, "the failure is reported");
  assert.equal(failure.severity, "error");
  assert.doesNotMatch(failure.message, new RegExp(dir), "no staging path: it means nothing to an editor");
  assert.match(failure.hint ?? "", /the page is made from this file; .*BRIEFBOOK_DEBUG=1/);
  assert.deepEqual(printed, [], "none of Eleventy's report, no stack trace");
  return failure;
}

test("a page Eleventy cannot write is one diagnostic naming the source file and the page, and prints nothing", async () => {
  const { page, failure, dir, printed } = await renderBroken(
    "topic",
    (topic) => ({ ...topic, path: `/topics/${"long-".repeat(60)}topic/` }) as Page,
  );
  const found = assertOneDiagnostic(failure, dir, printed);
  assert.equal(found.file, (page.layout === "topic" && page.topic.briefs[0]?.file) || "");
  assert.match(found.message, /^could not write the page \/topics\/long-long-.*…: ENAMETOOLONG/);
});

test("a page whose template throws is one diagnostic naming its source file and the page, and prints nothing", async () => {
  // A brief without its list of mentions: the brief template reads it and throws a TypeError.
  const { page, failure, dir, printed } = await renderBroken(
    "brief",
    (p) => ({ ...p, brief: { ...(p.layout === "brief" && p.brief), mentions: undefined } }) as unknown as Page,
  );
  const found = assertOneDiagnostic(failure, dir, printed);
  assert.equal(found.file, page.layout === "brief" ? page.brief.file : "");
  assert.equal(found.message.split(": ")[0], `could not render the page ${page.path}`);
  assert.match(found.message, /: Cannot read properties of undefined/);
});
