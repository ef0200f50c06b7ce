/**
 * Each file read on its own: its name, the address it would take, its shape, then the schema.
 * Nothing here looks at another file but for duplicate names.
 */
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../load/source-file.ts";
import { takenAddress } from "./addresses.ts";
import { isKebab } from "./ids.ts";
import { CONTENT_SCHEMAS, type SchemaName } from "./json-schema.ts";
import type { Locate, Parsed } from "./reference-index.ts";
import { salvage } from "./salvage.ts";
import { schemaDiagnostics } from "./schema-issues.ts";

/** The files of one kind as the schema read them: complete, and salvaged from those that failed it. */
export interface Readings<T> {
  readonly complete: Parsed<T>[];
  readonly partial: Parsed<T>[];
}

type Output<K extends SchemaName> = ReturnType<(typeof CONTENT_SCHEMAS)[K]["parse"]>;

/**
 * Reads every file of a kind. `kept` holds the reading of each file that had no problem at all,
 * by loaded file (the preview keeps a file while it is unchanged), so it is read once.
 */
export function readFiles<K extends SchemaName>(
  kind: K,
  files: readonly SourceFile[],
  diagnostics: Diagnostic[],
  locate: Locate,
  kept?: WeakMap<SourceFile, unknown>,
): Readings<Output<K>> {
  const schema = CONTENT_SCHEMAS[kind];
  const complete: Parsed<Output<K>>[] = [];
  const partial: Parsed<Output<K>>[] = [];
  for (const file of files) {
    const known = kept?.get(file);
    if (known !== undefined) {
      complete.push({ file, data: known as Output<K> });
      continue;
    }
    const problems = fileProblems(file);
    diagnostics.push(...problems.diagnostics);
    if (!problems.readable) continue;
    const result = schema.safeParse(file.data, { reportInput: true });
    if (result.success) {
      complete.push({ file, data: result.data as Output<K> });
      if (problems.diagnostics.length === 0) kept?.set(file, result.data);
    } else {
      diagnostics.push(...schemaDiagnostics(file, kind, result.error.issues, locate));
      // Files that failed the schema are still checked for everything else, but never published.
      if (kind === "article" || kind === "brief")
        partial.push({ file, data: salvage(schema, file.data as Record<string, unknown>) as Output<K> });
    }
  }
  return { complete, partial };
}

/** What is wrong with a file before its fields are read, and whether its fields can be read at all. */
function fileProblems(file: SourceFile): { diagnostics: Diagnostic[]; readable: boolean } {
  if (file.kind !== "site" && !isKebab(file.slug))
    return {
      readable: false,
      diagnostics: [
        error({
          file: file.path,
          message: `file name '${file.slug}' is not a valid id`,
          hint: "rename the file with lower-case letters, digits and single hyphens, such as 'uk-pauses-intel.md'",
        }),
      ],
    };
  // Its problem was reported when it was read; it counts as existing, so nothing refers to it as unknown.
  if (file.unreadable) return { readable: false, diagnostics: [] };
  const taken = takenAddress(file.kind, file.slug);
  const diagnostics = taken ? [error({ file: file.path, ...taken })] : [];
  if (file.data !== null && typeof file.data === "object" && !Array.isArray(file.data))
    return { readable: true, diagnostics };
  diagnostics.push(
    error({
      file: file.path,
      line: file.yamlLine,
      message: file.kind === "actor" ? "an actor file must be a YAML mapping of fields" : "missing front matter",
      hint:
        file.kind === "actor"
          ? "write one 'field: value' per line, such as 'name: United Kingdom'"
          : "start the file with a '---' line, the YAML fields, then another '---' line",
    }),
  );
  return { readable: false, diagnostics };
}

/** Keeps the first of each file name; every later one is a mistake of its own. */
export function withoutDuplicates<T extends { file: SourceFile }>(
  items: readonly T[],
  what: string,
  diagnostics: Diagnostic[],
): T[] {
  const seen = new Map<string, T>();
  const out: T[] = [];
  for (const item of items) {
    const first = seen.get(item.file.slug);
    if (first) {
      diagnostics.push(
        error({
          file: item.file.path,
          message: `duplicate ${what} '${item.file.slug}': ${first.file.path} has the same file name`,
          hint: "every file name in this folder and its subfolders must be unique; rename one of them",
        }),
      );
    } else {
      seen.set(item.file.slug, item);
      out.push(item);
    }
  }
  return out;
}
