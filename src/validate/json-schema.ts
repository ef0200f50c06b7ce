/**
 * JSON Schema for each kind of content file, generated from the one zod schema (schema.ts) with
 * zod's own `toJSONSchema`, never written by hand: editors' tools (the YAML language server in
 * VS Code and others) complete and check fields from it. `npm run schemas` writes them to schemas/.
 */
import { z } from "zod";
import { actorSchema, articleSchema, briefSchema, siteSchema } from "./schema.ts";

export const CONTENT_SCHEMAS = { actor: actorSchema, article: articleSchema, brief: briefSchema, site: siteSchema };
export type SchemaName = keyof typeof CONTENT_SCHEMAS;

/** Our `optional()` fields: a pipe whose first step turns YAML's empty value into "not given". */
function acceptsEmptyValue(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as { type: string; in?: z.core.$ZodType };
  return def.type === "pipe" && (def.in?._zod.def as { type: string } | undefined)?.type === "transform";
}

/** The JSON Schema (draft 2020-12) for what an editor may write in one kind of file. */
export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  return z.toJSONSchema(CONTENT_SCHEMAS[name], {
    io: "input",
    // Citations are parsed by a transform; as input they are plain strings, which is what an editor writes.
    unrepresentable: "any",
    override(ctx) {
      // `field:` with nothing after it is YAML's null, which these fields read as "not given".
      if (acceptsEmptyValue(ctx.zodSchema)) {
        const { description, ...given } = ctx.jsonSchema;
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        Object.assign(ctx.jsonSchema, { description, anyOf: [given, { type: "null" }] });
      }
    },
  }) as Record<string, unknown>;
}
