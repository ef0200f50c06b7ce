/**
 * src/pipeline.ts is the table of contents of a build; the preview sits beside it and the render
 * stage below it, so neither may import it (or its mechanics in src/build/): lint says so.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ESLint } from "eslint";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function restrictedImports(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

test("a preview module importing the orchestrator or its render process fails lint, with the reason", async () => {
  const messages = await restrictedImports(
    'import { prepareSite } from "../pipeline.ts";\nimport { timed } from "../build/timed.ts";\nexport { prepareSite, timed };\n',
    "src/preview/routes.ts",
  );
  assert.equal(messages.length, 2, messages.join("\n"));
  for (const m of messages) assert.match(m, /src\/preview\/ must not import this: .*never imports the orchestrator/);
});

test("the render stage may not gather its own settings from the search stage's rule", async () => {
  const messages = await restrictedImports(
    'import { renderSettingsOf } from "../render-settings.ts";\nexport { renderSettingsOf };\n',
    "src/render/pages.ts",
  );
  assert.equal(messages.length, 1, messages.join("\n"));
  assert.match(messages[0]!, /src\/render\/ must not import this: the render stage is told its settings/);
});

test("the preview may still read the repository's folders and the render stage's input", async () => {
  const messages = await restrictedImports(
    'import { PUBLIC_DIR } from "../repository.ts";\nimport { renderInputOf } from "../render/render-input.ts";\nexport { PUBLIC_DIR, renderInputOf };\n',
    "src/preview/routes.ts",
  );
  assert.deepEqual(messages, []);
});
