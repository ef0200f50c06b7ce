/** The fields of an open-data record schema, as docs/data.md lists them: `actors[].role` for a list's items. */
import { z } from "zod";

export interface DocumentedField {
  readonly field: string;
  readonly meaning: string;
}

export function fieldsOf(schema: z.ZodObject, prefix = ""): DocumentedField[] {
  return Object.entries(schema.shape).flatMap(([name, field]) => {
    const f = field as z.ZodType;
    const row = { field: `${prefix}${name}`, meaning: f.description ?? "" };
    const items = f instanceof z.ZodArray ? (f.element as z.ZodType) : undefined;
    return items instanceof z.ZodObject ? [row, ...fieldsOf(items, `${prefix}${name}[].`)] : [row];
  });
}
