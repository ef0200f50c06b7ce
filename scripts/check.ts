/**
 * `npm run check [-- --content DIR] [--format json]`: validation alone, without rendering. Every
 * problem is printed once at `DIR/file:line:column` as typed, so a terminal or editor opens it;
 * `--format json` prints the same for tools. Exit 1 when any error is found.
 */
import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { formatJson, formatReport } from "../src/diagnostics/format.ts";
import { hasErrors } from "../src/diagnostics/diagnostic.ts";
import { loadContent } from "../src/load/load-content.ts";
import { validateContent } from "../src/validate/validate.ts";
import { commonArgs } from "./cli-args.ts";

const USAGE = "Usage: npm run check -- [--content DIR] [--format text|json]";

/** Takes `--format X` / `--format=X` out of the arguments the other commands share. */
function formatArg(argv: readonly string[]): { format: "text" | "json"; rest: string[] } {
  const rest = [...argv];
  const at = rest.findIndex((a) => a === "--format" || a.startsWith("--format="));
  if (at === -1) return { format: "text", rest };
  const [flag] = rest.splice(at, 1);
  const value = flag!.includes("=") ? flag!.slice("--format=".length) : rest.splice(at, 1)[0];
  if (value === "text" || value === "json") return { format: value, rest };
  console.error(`--format takes text or json, not '${value ?? ""}'\n\n${USAGE}`);
  process.exit(2);
}

/** A content file's text for the report's code frames: regular files of a sane size only (never a pipe). */
function sourceReader(contentDir: string): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) {
      const full = path.join(contentDir, file);
      try {
        const stat = lstatSync(full);
        texts.set(file, stat.isFile() && stat.size <= 2 * 1024 * 1024 ? readFileSync(full, "utf8") : undefined);
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
}

const { format, rest } = formatArg(process.argv.slice(2));
const args = commonArgs(rest, USAGE);
// checkSite's steps (src/pipeline.ts), load then validate (no SITE_URL to check), imported from
// their stages: the pipeline module also imports the model, render, search and publish stages,
// which a check never runs and which took ~0.2 s of CPU to load on every check.
const loaded = await loadContent(args.contentDir);
const diagnostics = [...loaded.diagnostics, ...validateContent(loaded.files).diagnostics];
const where = { contentDir: args.contentDir, columns: true };
if (format === "json") console.log(formatJson(diagnostics, where));
else if (diagnostics.length > 0)
  console.error(
    formatReport(diagnostics, { ...where, color: process.stderr.isTTY, source: sourceReader(args.contentDir) }),
  );
if (hasErrors(diagnostics)) process.exit(1);
if (format === "text")
  console.log(`${args.contentDir}/ is valid${diagnostics.length > 0 ? " (with warnings above)" : ""}.`);
