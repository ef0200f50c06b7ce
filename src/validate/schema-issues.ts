/**
 * zod's issues told to an editor: what was expected, what was found, and how to write it, from
 * the issue's own data (its code, path, expected type, allowed values and the input zod reports).
 */
import type { z } from "zod";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../load/source-file.ts";
import { jsonSchemaOf, type SchemaName } from "./json-schema.ts";
import type { Locate } from "./reference-index.ts";
import { didYouMean, nearest, suggester, type Suggest } from "./suggest.ts";

const describeInput = (v: unknown) =>
  v === undefined
    ? "nothing"
    : Array.isArray(v)
      ? "a list"
      : v === null
        ? "an empty value"
        : typeof v === "object"
          ? "a mapping"
          : `${typeof v} ${JSON.stringify(v)}`;

/** How to write each kind of YAML value zod can ask for, for an editor who wrote another. */
const WANTED: Partial<Record<string, { readonly what: string; readonly hint: string }>> = {
  string: {
    what: "text",
    hint: "write the text after the colon on the same line; put it in quotes if it starts with [ { - or contains ': '",
  },
  array: {
    what: "a list",
    hint: "write each item on its own line below the field, starting with '- ', or the whole list as [a, b]",
  },
  object: { what: "a group of fields", hint: "write its fields on the lines below, indented, one 'name: value' each" },
  number: { what: "a number", hint: "write a plain number without quotes, such as 50" },
  int: { what: "a whole number", hint: "write a plain whole number without quotes, such as 50" },
  boolean: { what: "true or false", hint: "write true or false, without quotes" },
};

/** Every field name an editor may write in a kind of file, from its JSON Schema, for "did you mean". */
function fieldNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) fieldNames(n, out);
  else if (node && typeof node === "object") {
    const { properties, items, anyOf } = node as Record<string, unknown>;
    if (properties && typeof properties === "object")
      for (const [key, value] of Object.entries(properties)) fieldNames(value, out.add(key));
    fieldNames(items, out);
    fieldNames(anyOf, out);
  }
  return out;
}

/** The field-name suggester of each kind, made on its first misspelt field (rare) and kept. */
const fieldSuggesters = new Map<SchemaName, Suggest>();
const suggestField = (kind: SchemaName, wrong: string) => {
  let suggest = fieldSuggesters.get(kind);
  if (!suggest) fieldSuggesters.set(kind, (suggest = suggester(fieldNames(jsonSchemaOf(kind)))));
  return suggest(wrong);
};

/** Turns zod's issues (parsed with `reportInput`) into diagnostics an editor can act on. */
export function schemaDiagnostics(
  file: SourceFile,
  kind: SchemaName,
  issues: readonly z.core.$ZodIssue[],
  locate: Locate,
): Diagnostic[] {
  const at = (p: readonly PropertyKey[], key?: boolean) => {
    const where = locate(file, p, key);
    return { ...where, field: where.field || undefined };
  };
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => unknownField(kind, key, at(issue.path.concat(key), true)));
    return [error({ ...at(issue.path), ...whatIsWrong(issue) })];
  });
}

function unknownField(kind: SchemaName, key: string, where: ReturnType<Locate>): Diagnostic {
  const guess = suggestField(kind, key);
  return error({
    ...where,
    message: `unknown field '${key}'${didYouMean(guess)}`,
    hint: guess ? `rename it to '${guess}'` : "remove it, or see docs/content-model.md for the fields this file takes",
  });
}

function whatIsWrong(issue: z.core.$ZodIssue): Pick<Diagnostic, "message" | "hint"> {
  const input = issue.input;
  const last = String(issue.path[issue.path.length - 1]);
  // A missing enum field (`status`) is reported by zod as invalid_value, not invalid_type.
  if (input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value"))
    return {
      message: `missing required field '${last}'`,
      hint: `add '${last}:' — see docs/content-model.md for an example`,
    };
  if (issue.code === "invalid_value") {
    const options = issue.values.map(String);
    const guess = typeof input === "string" ? nearest(input, options) : undefined;
    return {
      message: `'${String(input)}' is not allowed here${didYouMean(guess)}`,
      hint: `use one of: ${options.join(", ")}`,
    };
  }
  if (issue.code === "invalid_type") return wrongType(issue, input);
  // A schema refinement may carry its hint (schema.ts: control characters, addresses).
  const hint = issue.code === "custom" ? (issue.params?.hint as string | undefined) : undefined;
  return { message: issue.message, ...(hint ? { hint } : {}) };
}

function wrongType(issue: z.core.$ZodIssueInvalidType, input: unknown): Pick<Diagnostic, "message" | "hint"> {
  const wanted = WANTED[issue.expected];
  // zod's own wording ("Invalid input: expected array, received string") is replaced; the schema's
  // (`expected a date written YYYY-MM-DD`) says what to write, and is kept.
  const ownWords = !issue.message.startsWith("Invalid input");
  const expected = !ownWords && wanted ? `expected ${wanted.what}` : issue.message;
  const message = `${expected}, found ${describeInput(input)}`;
  if (!wanted) return { message };
  // YAML reads an unquoted 20251101 or yes as a number or true/false, never as the text the schema describes.
  const scalarForText =
    ownWords && issue.expected === "string" && (typeof input === "number" || typeof input === "boolean");
  const hint = scalarForText
    ? `YAML read ${JSON.stringify(input)} as ${typeof input === "number" ? "a number" : "true or false"}: write it as the message says`
    : wanted.hint;
  return { message, hint };
}
