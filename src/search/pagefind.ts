/**
 * The index stage: Pagefind over the rendered site, through its Node API so that every failure
 * becomes a diagnostic rather than a log line.
 *
 * Only pages carrying `data-pagefind-body` (briefs, articles, actors) are given to Pagefind; list
 * pages would be parsed only to be dropped. A site with more of them than one bundle may hold is
 * split into bundles (`bundles.ts`), indexed one after another, each in a fresh Pagefind process
 * that is ended before the next starts, so Pagefind's memory is that of one bundle. Each bundle of a
 * split site also gets a vocabulary page, the words only other bundles hold (`vocabulary.ts`).
 */
import type { Dirent } from "node:fs";
import { readFileSync } from "node:fs";
import { copyFile, link, mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { bundleCount, bundleDirs, maxPagesPerBundle, splitIntoBundles, type BundledPage } from "./bundles.ts";
import { PagefindProcess, PagefindStopped } from "./pagefind-process.ts";
import { missingWords, VOCABULARY_URL, vocabularyPage, wordsOf } from "./vocabulary.ts";

export interface IndexResult {
  readonly pages: number;
  /** The bundles written, first (`pagefind/`) first, as folders under the site root. */
  readonly bundles: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface IndexOptions {
  /** The rendered site (the staging folder). */
  readonly siteDir: string;
  /**
   * How many pages carry `data-pagefind-body`: the model's count of briefs, articles and actors.
   * It also decides the number of bundles, as it did for the search page. Unchecked when absent
   * (preview), and the bundles are then counted from the pages found.
   */
  readonly expectedPages?: number;
  /** Forces one language; without it Pagefind reads each page's `<html lang>` (the preview does). */
  readonly language?: string;
  /** Most pages in one bundle; defaults to `maxPagesPerBundle()` (tests force small bundles). */
  readonly maxPagesPerBundle?: number;
}

/**
 * Pagefind's allocator (jemalloc), with one arena, returns freed memory to the system at once
 * instead of keeping it for reuse. Measured at 10,000 briefs (21,000 indexed pages), the Pagefind
 * process peaked at 354 MB instead of 461 MB with 1,910 pages a bundle (763 instead of 974 MB with
 * 4,200), for 5-10 % more time. It is set in the Pagefind process's environment only; a setting
 * already in ours wins.
 */
const PAGEFIND_MALLOC_CONF = "narenas:1,dirty_decay_ms:0,muzzy_decay_ms:0";

const gunzipAsync = promisify(gunzip);

const fail = (message: string, hint?: string): Diagnostic =>
  error({ file: "pagefind", message, ...(hint ? { hint } : {}) });

export async function buildSearchIndex(opts: IndexOptions): Promise<IndexResult> {
  let bundles: readonly string[] = [];
  let folders: readonly string[] = [];
  let linked: Promise<void> = Promise.resolve();
  // Pagefind puts the language into file names: nothing but a tag's letters, digits and hyphens.
  if (opts.language !== undefined && !/^[A-Za-z0-9-]+$/.test(opts.language))
    return { pages: 0, bundles, diagnostics: [fail(`'${opts.language.slice(0, 40)}' is not a language tag`)] };
  try {
    const pages = await indexablePages(opts.siteDir);
    bundles = bundleDirs(
      bundleCount(opts.expectedPages ?? pages.length, opts.maxPagesPerBundle ?? maxPagesPerBundle()),
    );
    await removeOldBundles(opts.siteDir);
    const groups = splitIntoBundles(pages, bundles.length);
    folders = bundles.map((dir) => `${opts.siteDir}.${basename(dir)}-pages`);
    // Worked out once, while Pagefind parses the first bundle: every bundle's vocabulary page needs them all.
    let missing: readonly (readonly string[])[] | undefined;
    const missingOf = (i: number) =>
      (missing ??= groups.length > 1 ? missingWords(groups.map((g) => vocabularyOf(opts.siteDir, g))) : [])[i] ?? [];
    let vocabularyPages = 0;
    linked = linkPages(opts.siteDir, groups[0] ?? [], folders[0]!);
    const removed: Promise<void>[] = [];
    for (const [i, dir] of bundles.entries()) {
      await linked;
      const errors = await writeBundle(opts, folders[i]!, `${opts.siteDir}/${dir}`, {
        missingWords: () => missingOf(i),
        language: () => opts.language ?? languageOf(opts.siteDir, groups[i] ?? []),
        // The next bundle's folder is linked while Pagefind writes this one.
        whileWriting: () => {
          if (i + 1 < bundles.length) linked = linkPages(opts.siteDir, groups[i + 1] ?? [], folders[i + 1]!);
        },
      });
      removed.push(rm(folders[i]!, { recursive: true, force: true }));
      if (errors.length > 0) return { pages: 0, bundles, diagnostics: errors };
      if (missingOf(i).length > 0) vocabularyPages++;
    }
    await Promise.all(removed);
    const indexed = (await indexedPages(opts.siteDir, bundles)) - vocabularyPages;
    const diagnostics =
      opts.expectedPages === undefined || indexed === opts.expectedPages
        ? []
        : [
            fail(
              `Pagefind indexed ${indexed} pages, but the site has ${opts.expectedPages} briefs, articles and actors`,
              "every brief, article and actor page must carry data-pagefind-body once (see layouts/)",
            ),
          ];
    return { pages: indexed, bundles, diagnostics };
  } catch (e) {
    return {
      pages: 0,
      bundles,
      diagnostics: [fail(`Pagefind failed: ${e instanceof Error ? e.message : String(e)}`)],
    };
  } finally {
    await linked.catch(() => undefined);
    await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
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
/** The sort the search page offers (`layouts/search-data.ts` writes it): bundles are dealt in its order. */
const SORT_VALUE = /data-pagefind-sort="date"[^>]*>([^<]*)</;

/** Every HTML page of the site that carries `data-pagefind-body`, in a stable order. */
async function indexablePages(siteDir: string): Promise<IndexablePage[]> {
  const files = (await readdir(siteDir, { recursive: true }))
    .map((f) => f.split("\\").join("/"))
    .filter((f) => f.endsWith(".html"))
    .sort();
  const found = files.map((file): IndexablePage | undefined => {
    // Synchronous: 23,000 small files read through fs/promises cost more in opening than reading.
    const html = readFileSync(`${siteDir}/${file}`, "utf8");
    if (!html.includes("data-pagefind-body") || !BODY_ATTRIBUTE.test(html)) return undefined;
    const url = encodeURI(`/${file.replace(/(^|\/)index\.html$/, "$1")}`);
    return { file, url, sortValue: SORT_VALUE.exec(html)?.[1]?.trim() };
  });
  return found.filter((p) => p !== undefined);
}

/**
 * Every word of a bundle's pages (`vocabulary.ts`), read again here rather than kept from the first
 * read: the words of 21,000 pages would otherwise be held together, one list per page.
 */
function vocabularyOf(siteDir: string, pages: readonly IndexablePage[]): Set<string> {
  const words = new Set<string>();
  for (const page of pages) {
    for (const w of wordsOf(readFileSync(`${siteDir}/${page.file}`, "utf8"))) {
      // A copy, not a slice: a slice would keep the page's whole text alive as long as the word.
      if (!words.has(w)) words.add(w.length < 13 ? w : Buffer.from(w).toString());
    }
  }
  return words;
}

/** A previous index of the same folder (the preview re-indexes in place) must not leave bundles behind. */
async function removeOldBundles(siteDir: string): Promise<void> {
  for (const entry of await readdir(siteDir, { withFileTypes: true })) {
    if (entry.isDirectory() && /^pagefind(-\d+)?$/.test(entry.name)) {
      await rm(`${siteDir}/${entry.name}`, { recursive: true, force: true });
    }
  }
}

/** What writing one bundle needs from the others, asked for when Pagefind is busy with this one. */
interface BundleSteps {
  /** The site's words this bundle lacks, for its vocabulary page (`vocabulary.ts`); asked while Pagefind parses. */
  readonly missingWords: () => readonly string[];
  /** The language of the bundle's pages, which its vocabulary page shares. */
  readonly language: () => string;
  /** Called once Pagefind is writing the bundle. */
  readonly whileWriting: () => void;
}

/**
 * Indexes one bundle's pages in a fresh Pagefind process and writes it; the process is closed after.
 * The pages are hard-linked into `folder`, mirroring the site's paths, and Pagefind reads that
 * folder itself (`addDirectory`): it parses in parallel there, where handing it pages one by one
 * (`addHTMLFile`) took twice as long (69 s against 36 s for 21,000 pages). Pagefind works in its
 * own process, so this one meanwhile works out the vocabulary and links the next bundle's folder.
 */
async function writeBundle(opts: IndexOptions, folder: string, outputPath: string, steps: BundleSteps) {
  const pagefind = new PagefindProcess({ _RJEM_MALLOC_CONF: process.env._RJEM_MALLOC_CONF ?? PAGEFIND_MALLOC_CONF });
  try {
    const created = await pagefind.request({ type: "NewIndex", config: { force_language: opts.language } });
    if (isError(created)) return [fail(`Pagefind could not start: ${created.message}`)];
    const index_id = created.index_id;
    const adding = pagefind.request({ type: "AddDir", index_id, path: folder });
    // Let the request reach Pagefind before this process turns to work of its own.
    await new Promise((resolve) => setImmediate(resolve));
    const missing = steps.missingWords();
    const added = await adding;
    if (isError(added)) return [fail(`Pagefind: ${added.message}`)];
    if (missing.length > 0) {
      const content = vocabularyPage(missing, steps.language());
      const vocabulary = await pagefind.request({
        type: "AddFile",
        index_id,
        url: VOCABULARY_URL,
        file_contents: content,
      });
      if (isError(vocabulary)) return [fail(`Pagefind: ${vocabulary.message}`)];
    }
    steps.whileWriting();
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

/** The language of a bundle's first page (`<html lang>`), which its vocabulary page shares. */
function languageOf(siteDir: string, pages: readonly IndexablePage[]): string {
  const first = pages[0];
  const html = first ? readFileSync(`${siteDir}/${first.file}`, "utf8") : "";
  return /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? "en";
}

/** Hard links (a copy where the file system refuses them) of `pages` under `folder`, same relative paths. */
async function linkPages(siteDir: string, pages: readonly IndexablePage[], folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  const made = new Set<string>();
  for (const page of pages) {
    const target = join(folder, page.file);
    const dir = dirname(target);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await link(join(siteDir, page.file), target).catch(() => copyFile(join(siteDir, page.file), target));
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

/** Pages indexed across all bundles, as each bundle's entry file records them. */
async function indexedPages(siteDir: string, bundles: readonly string[]): Promise<number> {
  let pages = 0;
  for (const dir of bundles) {
    const entry = JSON.parse(await readFile(`${siteDir}/${dir}pagefind-entry.json`, "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    pages += Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  }
  return pages;
}
