/**
 * Shared helpers for the load/validate tests: run the two stages on a fixture folder (or on
 * content written to a fresh temp folder) and pick out the diagnostics an editor would see.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { loadContent, type LoadedContent } from "../../src/load/load-content.ts";
import { validateContent, type ValidationResult } from "../../src/validate/validate.ts";
import { buildModel } from "../../src/model/build-model.ts";
import type { SiteModel } from "../../src/model/types.ts";

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
export const fixture = (name: string): string => path.join(FIXTURES, name);

export interface FixtureRun {
  readonly loaded: LoadedContent;
  readonly validated: ValidationResult;
  /** Load and validate diagnostics together, as the pipeline reports them. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads and validates a content folder (absolute, or a name under test/fixtures). */
export async function validateDir(dir: string): Promise<FixtureRun> {
  const loaded = await loadContent(path.isAbsolute(dir) ? dir : fixture(dir));
  const validated = validateContent(loaded.files);
  return { loaded, validated, diagnostics: [...loaded.diagnostics, ...validated.diagnostics] };
}

export const validateFixture = (name: string): Promise<FixtureRun> => validateDir(fixture(name));

export const errorsOf = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === "error");
export const warningsOf = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === "warning");

/** A readable dump for assertion messages, so a failing test shows what was actually reported. */
export const dump = (ds: readonly Diagnostic[]): string =>
  ds
    .map((d) => `${d.severity} ${d.file}:${d.line ?? "-"} (${d.field ?? ""}) ${d.message} | ${d.hint ?? ""}`)
    .join("\n");

/**
 * A fixture's model (published briefs, at `/`), once it has no errors: the fact-check's warnings
 * do not stop a build, and are tested where it is.
 */
export async function fixtureModel(name: string): Promise<SiteModel> {
  const run = await validateFixture(name);
  const errors = errorsOf(run.diagnostics);
  assert.deepEqual(errors, [], dump(errors));
  return buildModel(run.validated.content, { pathPrefix: "/", includeDrafts: false });
}

/** Writes `files` (relative path → text) into a new temp folder; returns it and a cleanup. */
export async function tempContent(
  files: Record<string, string | Buffer>,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "briefbook-test-"));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, text);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Smallest valid pieces, for tests that build content in a temp folder. */
export const ACTOR_UK = "name: United Kingdom\nkind: country\n";
export const ARTICLE_ONE = "---\ntitle: One\n---\nFirst paragraph.\n\nSecond paragraph.\n";
export const BRIEF_ONE =
  "---\ntitle: A brief\ndate: 2025-11-12\ndek: Short.\nstatus: published\nsources: [one]\n---\nSee [[united-kingdom]] [@one#p2].\n";

/** The one diagnostic at `file` (and `field`, when given); fails the test, showing all of them, if there is not exactly one. */
export function single(ds: readonly Diagnostic[], file: string, field?: string): Diagnostic {
  const found = ds.filter((d) => d.file === file && (field === undefined || d.field === field));
  if (found.length !== 1) {
    throw new Error(
      `expected exactly one diagnostic at ${file} (${field ?? "any field"}), found ${found.length} in:\n${dump(ds)}`,
    );
  }
  return found[0]!;
}

/** `file:line (field)` of each diagnostic, sorted: compares a whole run's locations in one assertion. */
export const locations = (ds: readonly Diagnostic[]): string[] =>
  ds.map((d) => `${d.severity} ${d.file}:${d.line ?? "-"} (${d.field ?? ""})`).sort();
