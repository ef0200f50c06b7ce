/**
 * `npm run check` prints problems that quote content: field names, values, file names. Content
 * with escape sequences in those places must not reach the editor's terminal as escapes (which
 * could retitle it, clear it or hide lines): the report shows them as visible `\x1b` text.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { ACTOR_UK, ARTICLE_ONE, BRIEF_ONE, tempContent } from "../helpers/content.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

test("npm run check shows escape sequences from content as text, each problem at its file, line and field", async () => {
  const { dir, cleanup } = await tempContent({
    "actors/united-kingdom.yaml": `${ACTOR_UK}"role\\e]0;owned\\a": x\n`,
    "articles/one.md": ARTICLE_ONE.replace("title: One", 'title: "One\\e[2J\\e[H"'),
    "articles/two\u001b[31m.md": ARTICLE_ONE,
    "briefs/b.md": BRIEF_ONE,
  });
  try {
    const failed = await promisify(execFile)("npx", ["tsx", "scripts/check.ts", "--content", dir], { cwd: ROOT }).then(
      () => assert.fail("check should fail"),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    assert.equal(failed.code, 1);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    assert.doesNotMatch(failed.stderr + failed.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, JSON.stringify(failed.stderr));
    assert.match(failed.stderr, /actors\/united-kingdom\.yaml:3:1 \(role\\x1b\]0;owned\\x07\) error: unknown field/);
    assert.match(failed.stderr, /articles\/one\.md:2:8 \(title\) error: .*U\+001B/);
    assert.match(failed.stderr, /articles\/two\\x1b\[31m\.md error: file name 'two\\x1b\[31m' is not a valid id/);
    assert.doesNotMatch(failed.stderr, /\n\s+at .+:\d+:\d+/, "no stack trace");
  } finally {
    await cleanup();
  }
});

test("npm run check --format json shows C1 controls from content as text too, as the terminal report does", async () => {
  // JSON.stringify escapes C0 controls (\u001b) but writes C1 ones (U+0080–U+009F) raw, and U+009B
  // alone starts an escape sequence in many terminals: a tool printing the message would run it.
  const { dir, cleanup } = await tempContent({
    "actors/united-kingdom.yaml": `${ACTOR_UK}"role\\x9b2J\\e[H": x\n`,
    "articles/one.md": ARTICLE_ONE,
    "articles/two\u009b31m.md": ARTICLE_ONE,
    "briefs/b.md": BRIEF_ONE,
  });
  try {
    const failed = await promisify(execFile)("npx", ["tsx", "scripts/check.ts", "--content", dir, "--format", "json"], {
      cwd: ROOT,
    }).then(
      () => assert.fail("check should fail"),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    assert.equal(failed.code, 1);
    // eslint-disable-next-line no-control-regex -- no control character, raw or as a JSON escape
    assert.doesNotMatch(failed.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f]|\\u00[01][0-9a-f]|\\u007f/i, failed.stdout);
    const report = JSON.parse(failed.stdout) as { diagnostics: { file: string; field?: string; message: string }[] };
    const shown = report.diagnostics.map((d) => `${d.file.slice(dir.length)} (${d.field ?? ""}) ${d.message}`);
    assert.deepEqual(shown, [
      "/actors/united-kingdom.yaml (role\\x9b2J\\x1b[H) unknown field 'role\\x9b2J\\x1b[H'",
      "/articles/two\\x9b31m.md () file name 'two\\x9b31m' is not a valid id",
    ]);
  } finally {
    await cleanup();
  }
});
