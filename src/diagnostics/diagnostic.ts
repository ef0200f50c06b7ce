/**
 * A problem found in content or in the build, told to a person: where it is, what is wrong,
 * and how to fix it. Every stage reports problems as values of this type; only the pipeline
 * decides when to print them and how the process exits.
 */
export interface Diagnostic {
  readonly severity: "error" | "warning";
  /** Path relative to the content folder (`briefs/uk-pause.md`), or a build-stage name. */
  readonly file: string;
  /** 1-based line in `file`, when the problem has a place. */
  readonly line?: number;
  /** 1-based column in that line, when the place is known that closely (a field's value or name, a body link). */
  readonly column?: number;
  /** The field path inside the file, as an editor would write it: `actors[0].id`. */
  readonly field?: string;
  readonly message: string;
  /** What to do about it: the nearest valid value, the expected format, the command to run. */
  readonly hint?: string;
}

export const error = (d: Omit<Diagnostic, "severity">): Diagnostic => ({ severity: "error", ...d });
export const warning = (d: Omit<Diagnostic, "severity">): Diagnostic => ({ severity: "warning", ...d });

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === "error");

/** Editors' field paths: `actors[0].id`, not `actors.0.id`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Sorts by file, then line, so a run's report reads top to bottom through the content. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.field ?? "").localeCompare(b.field ?? ""),
  );
}
