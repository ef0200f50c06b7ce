/**
 * What the preview prints after a rebuild: every error, and of the warnings only those that are new
 * since the rebuild before (at most `NEW_WARNINGS_SHOWN`), then one line counting the rest.
 *
 * A large archive can carry thousands of warnings (26,800 in the 10,000-brief benchmark corpus):
 * printing them all after every edit buried the one the edit caused, and held the preview up while
 * the terminal read them. `npm run check` still lists every one.
 */
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** New warnings printed after one rebuild; a first build of a large archive shows this many. */
export const NEW_WARNINGS_SHOWN = 20;

/**
 * Warnings by file, field and message: a warning's identity across rebuilds, not its line, which
 * moves when the editor adds a line above it. Nested rather than one joined key per warning, which
 * built and hashed 26,800 new strings on every rebuild (~150 ms of the edit at 10,000 briefs).
 */
type Identities = Map<string, Map<string, Set<string>>>;

const known = (seen: Identities, d: Diagnostic) =>
  seen
    .get(d.file)
    ?.get(d.field ?? "")
    ?.has(d.message) ?? false;

function identitiesOf(warnings: readonly Diagnostic[]): Identities {
  const seen: Identities = new Map();
  for (const d of warnings) {
    let fields = seen.get(d.file);
    if (!fields) seen.set(d.file, (fields = new Map()));
    let messages = fields.get(d.field ?? "");
    if (!messages) fields.set(d.field ?? "", (messages = new Set()));
    messages.add(d.message);
  }
  return seen;
}

const count = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

export interface WarningsReport {
  /** Errors and new warnings, sorted, to print in full. */
  readonly shown: readonly Diagnostic[];
  /** The closing line: how many of each, and where the rest are listed. */
  readonly summary: string;
}

export class WarningsShown {
  /** The warnings of the rebuild before, by identity. */
  #before: Identities = new Map();

  /** The report for one rebuild's problems; remembers its warnings for the next. */
  reportOf(problems: readonly Diagnostic[]): WarningsReport {
    const errors = problems.filter((d) => d.severity === "error");
    const warnings = problems.filter((d) => d.severity === "warning");
    const fresh = warnings.filter((d) => !known(this.#before, d));
    this.#before = identitiesOf(warnings);
    const shown = sortDiagnostics([...errors, ...sortDiagnostics(fresh).slice(0, NEW_WARNINGS_SHOWN)]);
    const asBefore = warnings.length - fresh.length;
    const notShown = fresh.length - Math.min(fresh.length, NEW_WARNINGS_SHOWN);
    const parts = [
      fresh.length > 0
        ? `${fresh.length.toLocaleString("en")} new${notShown > 0 ? ` (${notShown.toLocaleString("en")} not shown)` : ""}`
        : "",
      asBefore > 0 ? `${asBefore.toLocaleString("en")} as before` : "",
    ].filter((p) => p !== "");
    const rest = notShown > 0 || asBefore > 0 ? "; npm run check lists every one" : "";
    const counts = `${count(errors.length, "error")}, ${count(warnings.length, "warning")}`;
    return { shown, summary: `${counts}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}${rest}` };
  }
}
