import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { findBundles } from "./search/bundles.ts";

/** What a build left in its output folder. Sizes are apparent sizes (sum of file lengths), not disk blocks. */
export interface OutputStats {
  /** Number of .html files. */
  readonly pages: number;
  readonly outputBytes: number;
  readonly largestPageBytes: number;
  /** Size of `<out>/pagefind` (any other `pagefind*` folder but the bench's reference counted too), or null when there is none. */
  readonly indexBytes: number | null;
}

interface Walk {
  files: number;
  bytes: number;
  htmlFiles: number;
  largestHtml: number;
}

async function walk(dir: string, into: Walk): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, into);
    else if (entry.isFile()) {
      const { size } = await stat(full);
      into.files++;
      into.bytes += size;
      if (entry.name.endsWith(".html")) {
        into.htmlFiles++;
        into.largestHtml = Math.max(into.largestHtml, size);
      }
    }
  }
}

const totals = async (dir: string): Promise<Walk | null> => {
  const w: Walk = { files: 0, bytes: 0, htmlFiles: 0, largestHtml: 0 };
  try {
    await walk(dir, w);
    return w;
  } catch {
    return null;
  }
};

export async function outputStats(outDir: string): Promise<OutputStats | null> {
  const all = await totals(outDir);
  if (!all) return null;
  // The index the site serves (and any stray pagefind* folder), not the benchmark's single-index reference.
  const bundles = await findBundles(outDir).catch(() => []);
  const walks = (await Promise.all(bundles.map((b) => totals(path.join(outDir, b.dir))))).filter((w) => w !== null);
  const index =
    walks.length === 0
      ? null
      : { bytes: walks.reduce((n, w) => n + w.bytes, 0), htmlFiles: walks.reduce((n, w) => n + w.htmlFiles, 0) };
  return {
    pages: all.htmlFiles - (index?.htmlFiles ?? 0),
    outputBytes: all.bytes,
    largestPageBytes: all.largestHtml,
    indexBytes: index ? index.bytes : null,
  };
}
