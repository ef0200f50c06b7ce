/**
 * `npm run schemas`: writes schemas/<kind>.schema.json from the content schema, for editors'
 * tools. Run it after changing src/validate/schema.ts; a test fails while the files are stale.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CONTENT_SCHEMAS, jsonSchemaOf, type SchemaName } from "../src/validate/json-schema.ts";

export const SCHEMAS_DIR = path.resolve(import.meta.dirname, "..", "schemas");

export const schemaFileText = (name: SchemaName): string => `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`;

if (import.meta.filename === process.argv[1]) {
  await mkdir(SCHEMAS_DIR, { recursive: true });
  for (const name of Object.keys(CONTENT_SCHEMAS) as SchemaName[]) {
    const file = path.join(SCHEMAS_DIR, `${name}.schema.json`);
    await writeFile(file, schemaFileText(name));
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  }
}
