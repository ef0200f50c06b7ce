/**
 * The merged index's pages: which page number each bundle's page gets, and the fragments.
 *
 * Page order: every page of the merged index is numbered in the order of its URL (code point
 * order). One Pagefind run numbers pages in the order they were added (for a folder, the order
 * its walk finds them, which the file system decides), so "the order a single run would use" is
 * defined as one run given the pages one by one in URL order; merge.test.ts indexes the reference
 * that way. URL order also makes the merged index independent of the order bundles were walked in.
 *
 * Fragments carry no page number, so they are kept byte for byte (hard-linked); only their names are worked
 * out again, in page order, as one run names them (a 7-digit hash prefix, one digit longer where
 * two pages' prefixes collide, which bundles indexed apart cannot know of each other).
 */
import { copyFile, link, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { HashNames, MergeRefused, pagefindHash, readBody } from "./container.ts";
import { byCodePoint, type MetaIndex } from "./format.ts";

/** One bundle's index of one language, as the merge reads it. */
export interface BundleIndex {
  /** The bundle's folder (holding `fragment/`, `index/`, `filter/`). */
  readonly dir: string;
  readonly meta: MetaIndex;
  /** The merged page number of each of the bundle's pages, by the bundle's own number. */
  readonly pageNumbers: Int32Array;
}

interface FoundPage {
  readonly bundle: number;
  readonly local: number;
  readonly url: string;
  readonly hash: string;
  readonly wordCount: number;
}

interface MergedPages {
  /** `[fragment name, word count]` per merged page number: the `pages` of `pf_meta`. */
  readonly table: [string, number][];
  /** Each page's URL, by merged page number. */
  readonly urls: readonly string[];
}

/** How many fragments are read at once: enough to keep the disk busy, few enough to stay small. */
const READ_AT_ONCE = 32;

/**
 * Numbers the pages of all bundles in URL order (filling each bundle's `pageNumbers`) and links
 * their fragments into `outDir/fragment/` under the names one run would give them.
 */
export async function mergePages(bundles: readonly BundleIndex[], language: string, outDir: string) {
  const found: FoundPage[] = [];
  for (const [b, bundle] of bundles.entries()) found.push(...(await fragmentsOf(bundle, b)));
  found.sort((x, y) => byCodePoint(x.url, y.url));
  for (let i = 1; i < found.length; i++) {
    if (found[i]!.url === found[i - 1]!.url)
      throw new MergeRefused(
        `the page ${found[i]!.url} is in two search bundles`,
        "index each page in one bundle only",
      );
  }
  const names = new HashNames(language, 1);
  const table: [string, number][] = [];
  const copies = new Map<string, string>();
  for (const [page, p] of found.entries()) {
    bundles[p.bundle]!.pageNumbers[p.local] = page;
    const name = names.nameOf(p.hash);
    table.push([name, p.wordCount]);
    if (!copies.has(name))
      copies.set(name, fragmentFile(bundles[p.bundle]!.dir, bundles[p.bundle]!.meta[1][p.local]![0]));
  }
  await mkdir(join(outDir, "fragment"), { recursive: true });
  const files = [...copies];
  for (let start = 0; start < files.length; start += READ_AT_ONCE)
    await Promise.all(
      files.slice(start, start + READ_AT_ONCE).map(([name, from]) => linkOrCopy(from, fragmentFile(outDir, name))),
    );
  return { table, urls: found.map((p) => p.url) } satisfies MergedPages;
}

/**
 * A second name for the bundle's fragment (the bundles are removed after the merge), one system call
 * where a copy takes four; a copy where the file system has no hard links or the folders are on two.
 */
const linkOrCopy = (from: string, to: string): Promise<void> => link(from, to).catch(() => copyFile(from, to));

const fragmentFile = (dir: string, name: string) => join(dir, "fragment", `${name}.pf_fragment`);

/** The URL and full hash of each page of a bundle, read from its fragments. */
async function fragmentsOf(bundle: BundleIndex, b: number): Promise<FoundPage[]> {
  const pages = bundle.meta[1];
  const found: FoundPage[] = [];
  for (let start = 0; start < pages.length; start += READ_AT_ONCE) {
    const batch = pages.slice(start, start + READ_AT_ONCE).map(async ([name, wordCount], i) => {
      const file = fragmentFile(bundle.dir, name);
      const body = await readBody(file);
      const url = (JSON.parse(body.toString("utf8")) as { url?: unknown }).url;
      if (typeof url !== "string") throw new MergeRefused(`${file} names no page URL`);
      return { bundle: b, local: start + i, url, hash: pagefindHash(body), wordCount };
    });
    found.push(...(await Promise.all(batch)));
  }
  return found;
}
