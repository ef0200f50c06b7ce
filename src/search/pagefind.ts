/**
 * The index stage: Pagefind over the rendered site, through its Node API so that every failure
 * becomes a diagnostic rather than a log line, then one index in `pagefind/`.
 *
 * Only pages carrying `data-pagefind-body` (briefs, articles, actors) are given to Pagefind; list
 * pages would be parsed only to be dropped. Pagefind holds every page of an index in memory while
 * writing it, so the pages are indexed as bundles of at most `maxPagesPerBundle()` (`bundles.ts`),
 * one after another, each in a fresh Pagefind process that is ended before the next starts, into a
 * work folder beside the site that is always removed. `mergeBundles` (`merge/`) then streams them
 * into the one index a single Pagefind run would write, in a fixed order: a site of one bundle is
 * merged too, so that every build numbers pages in URL order and writes filters sorted, and two
 * builds of the same content are byte-identical.
 */
import type { Dirent } from "node:fs";
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { bundleCount, maxPagesPerBundle, splitIntoBundles, type BundledPage } from "./bundles.ts";
import { mergeBundles, MergeRefused, type SortValues } from "./merge/merge.ts";
import { PagefindProcess, PagefindStopped } from "./pagefind-process.ts";

export interface IndexResult {
  readonly pages: number;
  /** How many bundles Pagefind wrote and the merge joined into `pagefind/` (0 when it failed first). */
  readonly bundles: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** The one index's folder under the site root. */
const INDEX_DIR = "pagefind/";

export interface IndexOptions {
  /** The rendered site (the staging folder). */
  readonly siteDir: string;
  /** Each page's `data-pagefind-sort` values by URL, from the model (`searchSortsOf`), for the merge. */
  readonly sortValues: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * How many pages carry `data-pagefind-body`: the model's count of briefs, articles and actors.
   * Unchecked when absent.
   */
  readonly expectedPages?: number;
  /** Forces one language; without it Pagefind reads each page's `<html lang>` (the preview does). */
  readonly language?: string;
  /** Most pages in one bundle; defaults to `maxPagesPerBundle()` (tests force small bundles). */
  readonly maxPagesPerBundle?: number;
}

/**
 * Pagefind's allocator (jemalloc) with two arenas and its default decay. Returning freed memory at
 * once (`dirty_decay_ms:0`, used before) doubled the kernel's share: the index stage alone over a
 * 10,000-brief site (six bundles of 3,500 pages), back to back on the same loaded machine, took
 * 388 s of CPU (196 user + 192 system) and peaked at 802 MiB for the process tree with it, against
 * 280 s (173 + 107) and 845 MiB with this. The Pagefind CLI over one 3,500-page bundle: 37 s of CPU
 * against 21 s. It is set in the Pagefind process's environment only; a setting already in ours wins.
 */
const PAGEFIND_MALLOC_CONF = "narenas:2";

const gunzipAsync = promisify(gunzip);

const fail = (message: string, hint?: string): Diagnostic =>
  error({ file: "pagefind", message, ...(hint ? { hint } : {}) });

export async function buildSearchIndex(opts: IndexOptions): Promise<IndexResult> {
  // Pagefind puts the language into file names: nothing but a tag's letters, digits and hyphens.
  if (opts.language !== undefined && !/^[A-Za-z0-9-]+$/.test(opts.language))
    return { pages: 0, bundles: 0, diagnostics: [fail(`'${opts.language.slice(0, 40)}' is not a language tag`)] };
  // Beside the site, never in it: the link check reads the site meanwhile, and publishing moves it.
  const work = `${opts.siteDir}.search`;
  try {
    await Promise.all([rm(work, { recursive: true, force: true }), removeOldIndex(opts.siteDir)]);
    const pages = await indexablePages(opts.siteDir, opts.sortValues);
    const count = bundleCount(opts.expectedPages ?? pages.length, opts.maxPagesPerBundle ?? maxPagesPerBundle());
    const written = await writeBundles(opts, splitIntoBundles(pages, count), work);
    if ("diagnostics" in written) return { pages: 0, bundles: 0, diagnostics: written.diagnostics };
    const { pages: indexed } = await mergeBundles({
      bundles: written.dirs,
      outDir: join(opts.siteDir, INDEX_DIR),
      sortValues: new Map(Object.entries(opts.sortValues)) satisfies SortValues,
    });
    const diagnostics =
      opts.expectedPages === undefined || indexed === opts.expectedPages
        ? []
        : [
            fail(
              `Pagefind indexed ${indexed} pages, but the site has ${opts.expectedPages} briefs, articles and actors`,
              "every brief, article and actor page must carry data-pagefind-body once (see layouts/)",
            ),
          ];
    return { pages: indexed, bundles: count, diagnostics };
  } catch (e) {
    if (e instanceof MergeRefused) return { pages: 0, bundles: 0, diagnostics: [fail(e.message, e.hint)] };
    return {
      pages: 0,
      bundles: 0,
      diagnostics: [fail(`Pagefind failed: ${e instanceof Error ? e.message : String(e)}`)],
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Writes each group of pages as a bundle, `work/bundle-N/`: the pages are hard-linked into
 * `work/pages-N/` (the next group's while Pagefind writes this one), indexed, and unlinked.
 */
async function writeBundles(
  opts: IndexOptions,
  groups: readonly IndexablePage[][],
  work: string,
): Promise<{ dirs: string[] } | { diagnostics: Diagnostic[] }> {
  const dirs = groups.map((_, i) => join(work, `bundle-${i + 1}`));
  const folders = groups.map((_, i) => join(work, `pages-${i + 1}`));
  let linked = linkPages(opts.siteDir, groups[0] ?? [], folders[0]!);
  try {
    for (const [i, dir] of dirs.entries()) {
      await linked;
      const errors = await writeBundle(opts, folders[i]!, dir, () => {
        if (i + 1 < groups.length) linked = linkPages(opts.siteDir, groups[i + 1]!, folders[i + 1]!);
      });
      if (errors.length > 0) return { diagnostics: errors };
      await rm(folders[i]!, { recursive: true, force: true });
    }
    return { dirs };
  } finally {
    await linked.catch(() => undefined);
  }
}

interface IndexablePage extends BundledPage {
  /** The HTML file, relative to the site folder. */
  readonly file: string;
  /** Its URL under the site root, as Pagefind would compute it: `/briefs/x/` for `briefs/x/index.html`. */
  readonly url: string;
}

/** An element opening with the attribute, not the words in some text. */
const BODY_ATTRIBUTE = /<[a-z][^>]*\sdata-pagefind-body[\s=>/]/i;

/** Every HTML page of the site that carries `data-pagefind-body`, in a stable order, with its date to deal by. */
async function indexablePages(siteDir: string, sorts: IndexOptions["sortValues"]): Promise<IndexablePage[]> {
  const files = (await readdir(siteDir, { recursive: true }))
    .map((f) => f.split("\\").join("/"))
    .filter((f) => f.endsWith(".html"))
    .sort();
  const found = files.map((file): IndexablePage | undefined => {
    // Synchronous: 23,000 small files read through fs/promises cost more in opening than reading.
    const html = readFileSync(`${siteDir}/${file}`, "utf8");
    if (!html.includes("data-pagefind-body") || !BODY_ATTRIBUTE.test(html)) return undefined;
    const url = encodeURI(`/${file.replace(/(^|\/)index\.html$/, "$1")}`);
    return { file, url, sortValue: sorts[url]?.date };
  });
  return found.filter((p) => p !== undefined);
}

/** A previous index of the same folder (the preview re-indexes in place, and once wrote `pagefind-2/`, …). */
async function removeOldIndex(siteDir: string): Promise<void> {
  for (const entry of await readdir(siteDir, { withFileTypes: true })) {
    if (entry.isDirectory() && /^pagefind(-\d+)?$/.test(entry.name)) {
      await rm(`${siteDir}/${entry.name}`, { recursive: true, force: true });
    }
  }
}

/**
 * Indexes one bundle's pages in a fresh Pagefind process and writes it; the process is closed after.
 * Pagefind reads the folder of linked pages itself (`addDirectory`): it parses in parallel there,
 * where handing it pages one by one (`addHTMLFile`) took twice as long (69 s against 36 s for
 * 21,000 pages). `whileWriting` is called once Pagefind is writing, to prepare the next bundle.
 */
async function writeBundle(opts: IndexOptions, folder: string, outputPath: string, whileWriting: () => void) {
  const pagefind = new PagefindProcess({ _RJEM_MALLOC_CONF: process.env._RJEM_MALLOC_CONF ?? PAGEFIND_MALLOC_CONF });
  try {
    const created = await pagefind.request({ type: "NewIndex", config: { force_language: opts.language } });
    if (isError(created)) return [fail(`Pagefind could not start: ${created.message}`)];
    const index_id = created.index_id;
    const added = await pagefind.request({ type: "AddDir", index_id, path: folder });
    if (isError(added)) return [fail(`Pagefind: ${added.message}`)];
    whileWriting();
    const written = await pagefind.request({ type: "WriteFiles", index_id, output_path: outputPath });
    if (isError(written)) return [fail(`Pagefind: ${written.message}`)];
    if (!(await whole(outputPath)))
      return [fail(`Pagefind did not finish writing ${outputPath} within ${WRITE_WAIT_MS / 1000} s`)];
    return [];
  } catch (e) {
    if (e instanceof PagefindStopped) return [fail(e.message, e.hint)];
    throw e;
  } finally {
    // Ends the Pagefind process, and with it the memory holding this bundle.
    await pagefind.close();
  }
}

/** Pagefind reports a failed request as a payload of type Error. */
const isError = (p: { type: string; message?: unknown }): p is { type: "Error"; message: string } => p.type === "Error";

/**
 * Hard links (a copy where the file system refuses them) of `pages` under `folder`, same relative
 * paths. Synchronous: the link check shares this event loop and gives it up only between batches of
 * pages, so a link awaited one at a time waited for a batch each, and the next bundle was not
 * ready when Pagefind was (at 10,000 briefs under load Pagefind sat idle for the 40 s of the check).
 * Linking 3,500 pages at once takes tens of milliseconds.
 */
async function linkPages(siteDir: string, pages: readonly IndexablePage[], folder: string): Promise<void> {
  rmSync(folder, { recursive: true, force: true });
  const made = new Set<string>();
  for (const page of pages) {
    const target = join(folder, page.file);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      linkSync(join(siteDir, page.file), target);
    } catch {
      copyFileSync(join(siteDir, page.file), target);
    }
  }
}

/** How long Pagefind's last writes may take to reach the disk once it has answered. */
const WRITE_WAIT_MS = 30_000;
/** Pagefind writes a file in one go up to this size; larger ones in pieces of it. */
const ONE_WRITE = 2 * 2 ** 20;

/**
 * Waits until Pagefind's files in `dir` are whole. Pagefind answers writeFiles once every file is
 * created and its bytes are handed to a background writer, not once they are written, and ending
 * the process then left files empty (an empty pagefind-entry.json in 3 of 30 tries). Files up to
 * 2 MiB are written by one write: such a file is whole once it is not empty and its size holds
 * over a short wait. A larger one is whole when it decompresses (they are all gzip).
 */
async function whole(dir: string): Promise<boolean> {
  let before = "";
  for (const start = performance.now(); performance.now() - start < WRITE_WAIT_MS;) {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    const sizes = await Promise.all(files.map(async (f) => (await stat(join(f.parentPath, f.name))).size));
    const now = files.map((f, i) => `${join(f.parentPath, f.name)} ${sizes[i]}`).join("\n");
    const large = files.filter((_, i) => sizes[i]! >= ONE_WRITE);
    if (!sizes.includes(0) && now === before && (await Promise.all(large.map(decompresses))).every(Boolean))
      return true;
    before = now;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

const decompresses = async (f: Dirent) =>
  gunzipAsync(await readFile(join(f.parentPath, f.name))).then(
    () => true,
    () => false,
  );
