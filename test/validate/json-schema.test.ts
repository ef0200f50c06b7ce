/**
 * The JSON Schemas editors' tools read (schemas/, from `npm run schemas`): generated from the zod
 * schema and committed up to date; they accept the bundled content and reject the schema mistakes
 * of the invalid fixtures, checked by a real JSON Schema validator (Ajv, draft 2020-12).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { loadContent } from "../../src/load/load-content.ts";
import type { SourceFile } from "../../src/load/source-file.ts";
import { CONTENT_SCHEMAS, type SchemaName } from "../../src/validate/json-schema.ts";
import { schemaFileText, SCHEMAS_DIR } from "../../scripts/schemas.ts";
import { fixture } from "../helpers/content.ts";

const NAMES = Object.keys(CONTENT_SCHEMAS) as SchemaName[];
const committed = (name: SchemaName) => readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), "utf8");

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validators = Object.fromEntries(NAMES.map((n) => [n, ajv.compile(JSON.parse(committed(n)))]));

/** Each file's front matter checked against its kind's schema: the files it rejects, with why. */
async function rejected(contentDir: string): Promise<string[]> {
  const { files } = await loadContent(contentDir);
  assert.ok(files.length > 0, `nothing loaded from ${contentDir}`);
  return files.flatMap((f: SourceFile) => {
    const validate = validators[f.kind]!;
    return validate(f.data) ? [] : [`${f.path}: ${ajv.errorsText(validate.errors)}`];
  });
}

test("schemas/ holds what `npm run schemas` writes from the zod schema (run it after changing the schema)", () => {
  for (const name of NAMES) assert.equal(committed(name), schemaFileText(name), `schemas/${name}.schema.json is stale`);
});

test("the JSON Schemas accept every file of the bundled site and of the valid fixture", async () => {
  assert.deepEqual(await rejected("content"), []);
  assert.deepEqual(await rejected(fixture("valid-minimal")), []);
});

test("the JSON Schemas reject the schema mistakes editors make", async () => {
  for (const [name, file] of [
    ["unknown-field", /briefs\//],
    ["enum-typo", /must be equal to one of the allowed values/],
    ["missing-title", /must have required property 'title'/],
  ] as const) {
    const problems = await rejected(fixture(`invalid/${name}`));
    assert.ok(
      problems.some((p) => file.test(p)),
      `${name}: ${problems.join("; ") || "accepted"}`,
    );
  }
});

test("an empty value (`field:`) is accepted where the content schema reads it as 'not given'", () => {
  const actor = validators.actor!;
  assert.equal(actor({ name: "X", kind: "person", role: null, affiliation: null }), true);
  assert.equal(actor({ name: "X", kind: null }), false);
});
