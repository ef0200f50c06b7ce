/**
 * When Eleventy itself fails while writing the site, the editor gets one diagnostic naming the
 * content file behind the page and the page's address, not Eleventy's stack traces. A topic name
 * too long for a folder name is a real way to get there: its page cannot be written.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fixture } from "../helpers/content.ts";
import { runBuild, tempDir, treeHash } from "../publish/build-cli.ts";

test("an Eleventy failure is one diagnostic naming the source file, without a stack trace; the site stays", async () => {
  const dir = await tempDir("render-failure");
  try {
    const content = path.join(dir, "content");
    const out = path.join(dir, "site");
    await cp(fixture("valid-minimal"), content, { recursive: true });
    assert.equal((await runBuild(["--content", content, "--out", out])).code, 0);
    const before = await treeHash(out);

    const brief = path.join(content, "briefs", "uk-pause.md");
    const text = await readFile(brief, "utf8");
    await writeFile(brief, text.replace("topics:\n", `topics:\n  - ${"Long ".repeat(80)}\n`));
    const { code, stderr } = await runBuild(["--content", content, "--out", out]);

    assert.equal(code, 1);
    const errors = stderr.split("\n").filter((l) => / error: /.test(l));
    assert.equal(errors.length, 1, stderr);
    assert.match(errors[0]!, /^briefs\/uk-pause\.md error: could not write the page \/topics\/long-long-/);
    assert.match(stderr, /hint: the page is made from this file; .*BRIEFBOOK_DEBUG=1/);
    assert.doesNotMatch(stderr, /\[11ty\]|^\s+at /m, "none of Eleventy's report, no stack trace");
    assert.equal(await treeHash(out), before, "the previous site is left as it was");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
