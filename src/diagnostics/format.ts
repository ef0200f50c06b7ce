import type { Diagnostic } from "./diagnostic.ts";
import { sortDiagnostics } from "./diagnostic.ts";
import { forTerminal } from "../text/escape.ts";

export interface FormatOptions {
  /** Folder the content paths are relative to, printed so the location can be clicked in a terminal. */
  readonly contentDir?: string;
  readonly color?: boolean;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** `content/briefs/x.md:7 (actors[0]) error: unknown actor 'uk' — did you mean …` plus a hint line. */
export function formatDiagnostic(d: Diagnostic, opts: FormatOptions = {}): string {
  const color = opts.color ?? false;
  // Messages quote content (field names, ids, values) and file names come from it: an escape
  // sequence there is shown as `\x1b`, never sent to the terminal. Only `paint` writes escapes.
  const where = forTerminal(
    `${opts.contentDir ? `${opts.contentDir.replace(/\/$/, "")}/` : ""}${d.file}${d.line ? `:${d.line}` : ""}`,
  );
  const field = d.field ? ` (${forTerminal(d.field)})` : "";
  const label = d.severity === "error" ? paint(color, "31;1", "error") : paint(color, "33;1", "warning");
  const head = `${paint(color, "1", where)}${field} ${label}: ${forTerminal(d.message)}`;
  return d.hint ? `${head}\n    hint: ${forTerminal(d.hint)}` : head;
}

/** The whole report: every problem, sorted, then a one-line count. */
export function formatReport(ds: readonly Diagnostic[], opts: FormatOptions = {}): string {
  const sorted = sortDiagnostics(ds);
  const errors = sorted.filter((d) => d.severity === "error").length;
  const warnings = sorted.length - errors;
  const lines = sorted.map((d) => formatDiagnostic(d, opts));
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  lines.push(`${plural(errors, "error")}, ${plural(warnings, "warning")}`);
  return lines.join("\n");
}
