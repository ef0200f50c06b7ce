/**
 * The stage boundaries are enforced by a tool, not by review: a backwards import fails
 * `npm run lint` with a message naming the rule and the reason.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ESLint } from "eslint";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURE = path.join(ROOT, "test/fixtures/lint/src/load/backwards-import.ts");

test("a load-stage file importing the model and markdown-it fails with the stage rule and its reason", async () => {
  const eslint = new ESLint({ cwd: ROOT, ignore: false });
  const [result] = await eslint.lintFiles([FIXTURE]);
  const restricted = (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports");
  assert.equal(restricted.length, 2, JSON.stringify(result?.messages, null, 2));
  assert.match(
    restricted[0]!.message,
    /src\/load\/ must not import this: loading comes before validation and never looks ahead/,
  );
  assert.match(restricted[1]!.message, /load reads plain files; rendering and indexing happen later/);
});

test("the same import is allowed where the stage order permits it (the render stage reading the model)", async () => {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(
    'import type { SiteModel } from "../model/types.ts";\nexport type M = SiteModel;\n',
    {
      filePath: path.join(ROOT, "src/render/pages.ts"),
    },
  );
  assert.deepEqual(
    (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports"),
    [],
  );
});

test("the interface's words (src/words/) import no stage: every stage may read them, validation included", async () => {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(
    'import type { RenderContext } from "../render/context.ts";\nexport type C = RenderContext;\n',
    { filePath: path.join(ROOT, "src/words/words.ts") },
  );
  const restricted = (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports");
  assert.equal(restricted.length, 1, JSON.stringify(result?.messages, null, 2));
  assert.match(restricted[0]!.message, /src\/words\/ must not import this: .*table of words every stage may read/);
});
