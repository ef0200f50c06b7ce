/**
 * Merges Pagefind bundles, each indexed apart to bound Pagefind's memory, into one Pagefind index:
 * the index one Pagefind run over all their pages would write (pages numbered in URL order,
 * `pages.ts`), read by Pagefind's own search script with no change. Per language: pages and
 * fragments (`pages.ts`), filters (`filters.ts`), sorts (`sorts.ts`), words (`words.ts`, streamed),
 * then `pf_meta` and `pagefind-entry.json`. Every file is written in a fixed order, so two merges
 * of the same bundles are byte-identical.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { cborOf, containerOf, MergeRefused, pagefindHash, readCbor } from "./container.ts";
import { byCodePoint, entryOf, metaIndexOf, PAGEFIND_VERSION, type Entry, type MetaIndex } from "./format.ts";
import { mergeFilters } from "./filters.ts";
import { mergePages, type BundleIndex } from "./pages.ts";
import { mergeSorts, type SortValues } from "./sorts.ts";
import { mergeWords } from "./words.ts";

export { MergeRefused } from "./container.ts";
export type { SortValues } from "./sorts.ts";

export interface MergeOptions {
  /** The bundles' folders, each a whole Pagefind output folder. */
  readonly bundles: readonly string[];
  /** Where the one index goes (a new or empty folder, not one of the bundles). */
  readonly outDir: string;
  /** Each page's `data-pagefind-sort` values by URL, from the model. */
  readonly sortValues: SortValues;
}

/** Merges `bundles` into `outDir`; gives the number of pages. Throws `MergeRefused` on a file it cannot read. */
export async function mergeBundles(opts: MergeOptions): Promise<{ pages: number }> {
  const entries = await Promise.all(opts.bundles.map(readEntry));
  const include = JSON.stringify(entries[0]?.include_characters ?? []);
  const other = entries.findIndex((e) => JSON.stringify(e.include_characters) !== include);
  if (other >= 0) throw new MergeRefused(`${opts.bundles[other]} was indexed with other word characters`);
  await mkdir(opts.outDir, { recursive: true });
  await copyScripts(opts.bundles, opts.outDir);
  const languages: Entry["languages"] = {};
  let pages = 0;
  for (const language of [...new Set(entries.flatMap((e) => Object.keys(e.languages)))].sort(byCodePoint)) {
    const holding = entries.flatMap((e, i) => (e.languages[language] ? [{ e, dir: opts.bundles[i]! }] : []));
    const bundles = await Promise.all(holding.map(({ e, dir }) => readBundle(dir, e.languages[language]!.hash)));
    const merged = await mergeLanguage(bundles, language, opts);
    const wasm = holding.map(({ e }) => e.languages[language]!.wasm).find((w) => w !== null) ?? null;
    languages[language] = { hash: merged.hash, wasm, page_count: merged.pages };
    pages += merged.pages;
  }
  const entry: Entry = {
    version: PAGEFIND_VERSION,
    languages,
    include_characters: entries[0]?.include_characters ?? [],
  };
  await writeFile(join(opts.outDir, "pagefind-entry.json"), JSON.stringify(entry));
  return { pages };
}

async function readEntry(dir: string): Promise<Entry> {
  const file = join(dir, "pagefind-entry.json");
  return entryOf(await readFile(file, "utf8"), file);
}

async function readBundle(dir: string, hash: string): Promise<BundleIndex> {
  const file = join(dir, `pagefind.${hash}.pf_meta`);
  const meta: MetaIndex = metaIndexOf(await readCbor(file), file);
  return { dir, meta, pageNumbers: new Int32Array(meta[1].length) };
}

/** One language's index: its files in `outDir`, its `pf_meta` name and page count. */
async function mergeLanguage(bundles: readonly BundleIndex[], language: string, opts: MergeOptions) {
  const { table, urls } = await mergePages(bundles, language, opts.outDir);
  const metaFields = [...new Set(bundles.flatMap((b) => b.meta[5]))].sort(byCodePoint);
  const filters = await mergeFilters(bundles, language, opts.outDir);
  const sorts = mergeSorts(bundles, urls, opts.sortValues);
  const chunks = await mergeWords(bundles, metaFields, language, opts.outDir);
  const body = cborOf([PAGEFIND_VERSION, table, chunks, filters, sorts, metaFields]);
  const hash = `${language}_${pagefindHash(body).slice(0, language.length + 8)}`;
  await writeFile(join(opts.outDir, `pagefind.${hash}.pf_meta`), await containerOf(body));
  return { hash, pages: table.length };
}

/** Pagefind's scripts, styles and WebAssembly, the same in every bundle: each copied once. */
async function copyScripts(bundles: readonly string[], outDir: string): Promise<void> {
  const copied = new Set<string>();
  for (const dir of bundles) {
    for (const f of await readdir(dir, { withFileTypes: true })) {
      if (!f.isFile() || copied.has(f.name) || f.name === "pagefind-entry.json" || f.name.endsWith(".pf_meta"))
        continue;
      copied.add(f.name);
      await copyFile(join(dir, f.name), join(outDir, f.name));
    }
  }
}
