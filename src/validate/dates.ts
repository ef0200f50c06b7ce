import { z } from "zod";

/** A calendar date as editors write it: `2025-11-01`. Kept as a string: no time zone surprises. */
export type IsoDate = string & z.$brand<"IsoDate">;
/** A date known to the year or month only, as sources often give it: `2025`, `2025-09`, `2025-09-14`. */
export type PartialDate = string & z.$brand<"PartialDate">;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Why `text` is not a real date, or undefined when it is one. */
export function impossibleDate(text: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  if (y < 1800 || y > 2200) return `year ${y} is out of range`;
  if (mo < 1 || mo > 12) return `there is no month ${mo}`;
  const max = mo === 2 && !isLeap(y) ? 28 : DAYS[mo - 1]!;
  if (d < 1 || d > max) return `${m[1]}-${m[2]} has no day ${d}`;
  return undefined;
}

const dateSchema = (pattern: RegExp, format: string) =>
  z
    .string({ error: `expected a date written ${format}` })
    .regex(pattern, { error: `expected a date written ${format}` })
    .superRefine((text, ctx) => {
      const why = impossibleDate(text);
      if (why) ctx.addIssue({ code: "custom", message: `impossible date '${text}': ${why}` });
    });

export const isoDateSchema = dateSchema(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD, such as 2025-11-01").brand<"IsoDate">();
/** YAML reads a bare `2025` as a number; a year alone is a valid partial date. */
export const partialDateSchema = z.preprocess(
  (v) => (typeof v === "number" && Number.isInteger(v) ? String(v) : v),
  dateSchema(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD").brand<"PartialDate">(),
);
