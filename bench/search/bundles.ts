/**
 * The Pagefind indexes in a built site's output: every `<site>/pagefind*` folder holding a
 * `pagefind-entry.json`, `pagefind/` first. The index stage merges its bundles into `pagefind/`, the
 * one index the search page loads, so any other folder (`pagefind-2/` …) is one it never searches,
 * which the search comparison reports. This reads only the output folder, not how the build indexed.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The single-index reference the benchmark writes beside our bundles; never one of ours. */
export const REFERENCE_DIR = "pagefind-single";
/** Our primary bundle: the one whose pagefind.js the search page imports. */
export const PRIMARY_DIR = "pagefind";

export interface BundleEntry {
  /** Folder name under the site: `pagefind`, `pagefind-2`, … */
  readonly dir: string;
  /** Pages indexed, summed over languages. */
  readonly pages: number;
  readonly languages: readonly string[];
}

interface EntryFile {
  readonly languages: Record<string, { readonly page_count: number }>;
}

/** `pagefind` first, then `pagefind-N` by N, then any other name alphabetically. */
function bundleOrder(a: string, b: string): number {
  const rank = (d: string) => (d === PRIMARY_DIR ? 0 : /^pagefind-\d+$/.test(d) ? 1 : 2);
  const suffix = (d: string) => Number(d.slice(PRIMARY_DIR.length + 1));
  return rank(a) - rank(b) || (rank(a) === 1 ? suffix(a) - suffix(b) : a < b ? -1 : a > b ? 1 : 0);
}

export async function readEntry(siteDir: string, dir: string): Promise<BundleEntry> {
  const entry = JSON.parse(await readFile(path.join(siteDir, dir, "pagefind-entry.json"), "utf8")) as EntryFile;
  return {
    dir,
    pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0),
    languages: Object.keys(entry.languages),
  };
}

/** Our bundles in merge order (primary first); the reference is left out. Empty when the site has none. */
export async function findBundles(siteDir: string): Promise<BundleEntry[]> {
  const names = (await readdir(siteDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && e.name.startsWith(PRIMARY_DIR) && e.name !== REFERENCE_DIR)
    .map((e) => e.name)
    .filter((name) => existsSync(path.join(siteDir, name, "pagefind-entry.json")))
    .sort(bundleOrder);
  return Promise.all(names.map((name) => readEntry(siteDir, name)));
}
