import type { Diagnostic } from "./diagnostic.ts";
import { sortDiagnostics } from "./diagnostic.ts";
import { forTerminal } from "../text/escape.ts";

export interface FormatOptions {
  /**
   * The content folder as the editor typed it (`content`, `../site/content`): paths are printed
   * under it, so that `content/briefs/x.md:17:5` opens the place from a terminal or an editor.
   */
  readonly contentDir?: string;
  readonly color?: boolean;
  /** `file:line:column` where the column is known (`npm run check`); other reports keep `file:line`. */
  readonly columns?: boolean;
  /** The text of a content file (path relative to the content folder), for the line a problem stands on. */
  readonly source?: (file: string) => string | undefined;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** The path as the editor would type it: under the content folder when one is given. */
const pathOf = (d: Diagnostic, opts: FormatOptions) =>
  opts.contentDir ? `${opts.contentDir.replace(/\/$/, "")}/${d.file}` : d.file;

/** `file:line:column`, as far as the place is known. */
const locationOf = (d: Diagnostic, opts: FormatOptions) =>
  `${pathOf(d, opts)}${d.line ? `:${d.line}${opts.columns && d.column ? `:${d.column}` : ""}` : ""}`;

/**
 * `content/briefs/x.md:7:9 (actors[0].id) error: unknown actor 'uk' — did you mean …`, a hint line,
 * then the line it stands on with a mark under the place when the source is given.
 */
export function formatDiagnostic(d: Diagnostic, opts: FormatOptions = {}): string {
  const color = opts.color ?? false;
  // Messages quote content (field names, ids, values) and file names come from it: an escape
  // sequence there is shown as `\x1b`, never sent to the terminal. Only `paint` writes escapes.
  const where = forTerminal(locationOf(d, opts));
  const field = d.field ? ` (${forTerminal(d.field)})` : "";
  const label = d.severity === "error" ? paint(color, "31;1", "error") : paint(color, "33;1", "warning");
  const lines = [`${paint(color, "1", where)}${field} ${label}: ${forTerminal(d.message)}`];
  if (d.hint) lines.push(`    hint: ${forTerminal(d.hint)}`);
  lines.push(...codeFrame(d, opts));
  return lines.join("\n");
}

/** The problem's line, numbered, and a mark under the word at its column: `  7 | - id: uk` / `    |         ^^`. */
function codeFrame(d: Diagnostic, opts: FormatOptions): string[] {
  const text = d.line ? opts.source?.(d.file)?.replace(/\r\n?/g, "\n").split("\n")[d.line - 1] : undefined;
  if (text === undefined || text.trim() === "") return [];
  const number = String(d.line);
  const shown = forTerminal(text.replace(/\t/g, " "));
  const frame = [`    ${number} | ${shown}`];
  if (d.column && d.column <= text.length) {
    const word = /^[^\s,\]}]+/.exec(text.slice(d.column - 1))?.[0].length ?? 1;
    frame.push(`    ${" ".repeat(number.length)} | ${" ".repeat(d.column - 1)}${"^".repeat(Math.min(word, 40))}`);
  }
  return frame;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;

/** The whole report: every problem, sorted, then a one-line count. */
export function formatReport(ds: readonly Diagnostic[], opts: FormatOptions = {}): string {
  const sorted = sortDiagnostics(ds);
  const errors = sorted.filter((d) => d.severity === "error").length;
  const lines = sorted.map((d) => formatDiagnostic(d, opts));
  lines.push(`${plural(errors, "error")}, ${plural(sorted.length - errors, "warning")}`);
  return lines.join("\n");
}

/**
 * The report for tools (`npm run check -- --format json`): every problem, sorted, with its path as
 * the terminal report prints it, and the counts. Its text follows the terminal report's rule for
 * control characters (`\x1b` shown as text): JSON.stringify would write C1 ones (U+0080–U+009F,
 * U+009B alone starts an escape sequence) raw, and a tool printing a C0 one decodes it back.
 */
export function formatJson(ds: readonly Diagnostic[], opts: FormatOptions = {}): string {
  const diagnostics = sortDiagnostics(ds).map((d) => ({
    ...d,
    file: forTerminal(pathOf(d, opts)),
    ...(d.field === undefined ? {} : { field: forTerminal(d.field) }),
    message: forTerminal(d.message),
    ...(d.hint === undefined ? {} : { hint: forTerminal(d.hint) }),
  }));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return JSON.stringify({ errors, warnings: diagnostics.length - errors, diagnostics }, null, 2);
}
