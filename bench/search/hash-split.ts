/**
 * Re-indexes a built site as K hash-split Pagefind bundles (`pagefind/`, `pagefind-2/` …
 * `pagefind-K/`), each page going to the bundle its URL hashes to. This stands in for the build's
 * own split while developing and testing the search comparison; the benchmark itself measures
 * whatever bundles the build wrote and never calls this.
 *
 * Splitting by a hash of the URL spreads every page type evenly, so each bundle's word statistics
 * stay close to the whole site's (issue #5).
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { findBundles, PRIMARY_DIR } from "./bundles.ts";

/** The page's URL as Pagefind derives it from its file: `briefs/x/index.html` → `/briefs/x/`. */
const pageUrl = (relPath: string): string =>
  `/${relPath.split(path.sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1");

/** Which of `k` bundles (0-based) a URL belongs in: the first 32 bits of its SHA-1, modulo k. */
const bundleOf = (url: string, k: number): number => createHash("sha1").update(url).digest().readUInt32BE(0) % k;

const bundleDir = (i: number): string => (i === 0 ? PRIMARY_DIR : `${PRIMARY_DIR}-${i + 1}`);

async function htmlFiles(root: string, rel = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const child = path.join(rel, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith(PRIMARY_DIR)) out.push(...(await htmlFiles(root, child)));
    } else if (e.isFile() && e.name.endsWith(".html")) out.push(child);
  }
  return out.sort();
}

export interface SplitOptions {
  readonly k: number;
  /** Forced on every bundle, as the build forces the site's language. Default: the current primary bundle's only language. */
  readonly language?: string;
  /** Leave out pages this returns true for (a deliberately broken split, for tests). */
  readonly skip?: (url: string) => boolean;
}

/**
 * Replaces the site's bundles (not the reference) with `k` hash-split ones. Only pages carrying
 * `data-pagefind-body` are added, as Pagefind itself indexes only those once any page has it.
 * Returns the pages written to each bundle.
 */
export async function splitIndex(siteDir: string, options: SplitOptions): Promise<number[]> {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1) throw new Error(`bundle count must be a positive integer, not ${k}`);
  const existing = await findBundles(siteDir);
  const language = options.language ?? (existing[0]?.languages.length === 1 ? existing[0].languages[0] : undefined);
  const groups: string[][] = Array.from({ length: k }, () => []);
  for (const rel of await htmlFiles(siteDir)) {
    const url = pageUrl(rel);
    if (!options.skip?.(url)) groups[bundleOf(url, k)]!.push(rel);
  }
  // Old bundles go first: a stale pagefind-3/ left beside a new 2-bundle split would be merged too.
  for (const b of existing) await rm(path.join(siteDir, b.dir), { recursive: true, force: true });

  const written: number[] = [];
  try {
    for (const [i, pages] of groups.entries()) {
      const { index, errors } = await pagefind.createIndex(language ? { forceLanguage: language } : {});
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      let count = 0;
      for (const rel of pages) {
        const content = await readFile(path.join(siteDir, rel), "utf8");
        if (!content.includes("data-pagefind-body")) continue;
        const added = await index.addHTMLFile({ sourcePath: rel, content });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${rel}: ${added.errors.join("; ")}`);
        count++;
      }
      const out = await index.writeFiles({ outputPath: path.join(siteDir, bundleDir(i)) });
      if (out.errors.length > 0) throw new Error(`Pagefind: ${out.errors.join("; ")}`);
      await index.deleteIndex();
      written.push(count);
    }
  } finally {
    await pagefind.close();
  }
  return written;
}
