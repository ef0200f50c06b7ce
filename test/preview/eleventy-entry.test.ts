/**
 * `.eleventy.js` stays a working entry for Eleventy's own command line (`npx @11ty/eleventy --serve`
 * is the slower alternative to `npm start`): a one-off Eleventy run with it renders the content,
 * drafts included, and indexes it for search.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "../..");
let out: string;
before(async () => (out = await mkdtemp(path.join(tmpdir(), "briefbook-eleventy-entry-"))));
after(() => rm(out, { recursive: true, force: true }));

test("Eleventy's CLI with .eleventy.js builds the content, drafts and search index included", async () => {
  await promisify(execFile)(
    process.execPath,
    [path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=.eleventy.js", `--output=${out}`, "--quiet"],
    { cwd: ROOT, env: { ...process.env, BRIEFBOOK_CONTENT: path.join(ROOT, "test/fixtures/cross-links") } },
  );
  const brief = await readFile(path.join(out, "briefs/uk-review/index.html"), "utf8");
  assert.match(brief, /<h1[^>]*>UK reviews intelligence sharing<\/h1>/);
  assert.ok(existsSync(path.join(out, "briefs/later-draft/index.html")), "drafts are shown");
  assert.ok(existsSync(path.join(out, "pagefind/pagefind-entry.json")), "search is indexed");
});
