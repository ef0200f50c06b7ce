import type { z } from "zod";

/**
 * What can still be read from a file that failed the schema: each field parsed on its own, and in
 * lists each entry on its own (failed entries left as holes, so positions and field paths stay
 * right). Reference checks then run on the rest, and an editor sees every problem in one run.
 * Failed fields are absent: only the list fields that reference checks read may be relied on.
 */
export function salvage<S extends z.ZodObject>(schema: S, data: Record<string, unknown>): z.output<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const value = data[key];
    const whole = field.safeParse(value);
    if (whole.success) out[key] = whole.data;
    else out[key] = Array.isArray(value) ? entriesThatParse(field, value) : [];
  }
  return out as z.output<S>;
}

/** Each entry read by the list's own schema as a list of one (its element schema, defaults and all). */
function entriesThatParse(list: z.ZodType, entries: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  out.length = entries.length;
  entries.forEach((entry, i) => {
    const parsed = list.safeParse([entry]);
    if (parsed.success && Array.isArray(parsed.data)) out[i] = parsed.data[0];
  });
  return out;
}
