/**
 * The merged word index, streamed: each bundle's chunks are read one at a time, in word order, and
 * merged k ways, so memory holds one decoded chunk per bundle plus the chunk being written, never
 * all postings. A word's pages from all bundles are renumbered, sorted and delta-encoded again;
 * chunks close by Pagefind's rule (`chunk_index`): once Σ(locs + meta_locs + 1) over the chunk's
 * words' pages reaches the chunk size. Same words, same pages, same rule: the same chunks as one
 * Pagefind run over all pages, byte for byte before gzip.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { cborOf, containerOf, HashNames, pagefindHash, readCbor } from "./container.ts";
import { byCodePoint, wordChunkOf, type PackedPage, type PackedVariant, type PackedWord } from "./format.ts";
import type { BundleIndex } from "./pages.ts";

/** Pagefind's chunk size, from the same environment variable Pagefind reads. */
function chunkSize(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const size = Number(env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE);
  return Number.isInteger(size) && size >= 0 ? size : 20_000;
}

/** One bundle's words in order, one decoded chunk at a time, pages renumbered into the merge's. */
class BundleWords {
  #chunk = 0;
  #words: PackedWord[] = [];
  #next = 0;
  /** The next chunk, already being read and unzipped while this one is merged. */
  #ahead: Promise<PackedWord[]> | undefined;
  readonly #fieldIds: readonly number[];

  constructor(
    readonly bundle: BundleIndex,
    metaFields: readonly string[],
  ) {
    this.#fieldIds = bundle.meta[5].map((f) => metaFields.indexOf(f));
    this.#ahead = this.#read(0);
  }

  #read(chunk: number): Promise<PackedWord[]> | undefined {
    const range = this.bundle.meta[2][chunk];
    if (!range) return undefined;
    const file = join(this.bundle.dir, "index", `${range[2]}.pf_index`);
    const words = readCbor(file).then((value) => wordChunkOf(value, file)[0]);
    words.catch(() => undefined); // awaited, and so reported, when its turn comes
    return words;
  }

  /** The next word, or undefined once the bundle has none left. */
  async next(): Promise<PackedWord | undefined> {
    while (this.#next >= this.#words.length) {
      if (!this.#ahead) return undefined;
      this.#words = await this.#ahead;
      this.#ahead = this.#read(++this.#chunk);
      this.#next = 0;
    }
    const [word, pages, variants] = this.#words[this.#next]!;
    // Let the decoded chunk go as its words are used.
    this.#words[this.#next++] = undefined as unknown as PackedWord;
    return [word, this.#renumber(pages), variants.map(([form, p]): PackedVariant => [form, this.#renumber(p)])];
  }

  /** Absolute merged page numbers, and meta field markers (`-(id + 1)`) pointing at the merged fields. */
  #renumber(pages: PackedPage[]): PackedPage[] {
    let page = 0;
    return pages.map(([delta, locs, metaLocs]): PackedPage => {
      page += delta;
      const fields = metaLocs.map((l) => (l < 0 ? -(this.#fieldIds[-l - 1]! + 1) : l));
      return [this.bundle.pageNumbers[page]!, locs, fields];
    });
  }
}

/** Writes the merged word chunks into `outDir/index/`; gives `pf_meta`'s chunk ranges. */
export async function mergeWords(
  bundles: readonly BundleIndex[],
  metaFields: readonly string[],
  language: string,
  outDir: string,
): Promise<[string, string, string][]> {
  await mkdir(join(outDir, "index"), { recursive: true });
  const writer = new ChunkWriter(language, outDir, chunkSize());
  const readers = bundles.map((b) => new BundleWords(b, metaFields));
  const heads = await Promise.all(readers.map((r) => r.next()));
  for (;;) {
    let word: string | undefined;
    for (const head of heads) if (head && (word === undefined || byCodePoint(head[0], word) < 0)) word = head[0];
    if (word === undefined) break;
    const same: PackedWord[] = [];
    for (const [i, head] of heads.entries()) {
      if (head?.[0] !== word) continue;
      same.push(head);
      heads[i] = await readers[i]!.next();
    }
    await writer.add(mergedWord(word, same));
  }
  await writer.close();
  return trimmedRanges(writer.ranges);
}

/**
 * One word from every bundle holding it. Pages sort by number. Variants come in the order one run
 * meets them: by the first page they are on; on that page, those in the text (sorted by spelling)
 * before those only in metadata (likewise).
 */
function mergedWord(word: string, parts: readonly PackedWord[]): PackedWord {
  const pages = parts.flatMap((p) => p[1]).sort((a, b) => a[0] - b[0]);
  const forms = new Map<string, PackedPage[]>();
  for (const [form, p] of parts.flatMap((part) => part[2])) forms.set(form, [...(forms.get(form) ?? []), ...p]);
  const variants = [...forms.entries()].map(([form, p]): PackedVariant => [form, p.sort((a, b) => a[0] - b[0])]);
  const firstMeeting = ([form, p]: PackedVariant) => [p[0]![0], p[0]![1].length > 0 ? 0 : 1, form] as const;
  variants.sort((a, b) => {
    const [pa, ta, fa] = firstMeeting(a);
    const [pb, tb, fb] = firstMeeting(b);
    return pa - pb || ta - tb || byCodePoint(fa, fb);
  });
  return [word, deltas(pages), variants.map(([form, p]): PackedVariant => [form, deltas(p)])];
}

/** Page numbers as differences from the previous page, as the files hold them. */
function deltas(pages: PackedPage[]): PackedPage[] {
  let last = 0;
  return pages.map(([page, locs, metaLocs]): PackedPage => {
    const delta = page - last;
    last = page;
    return [delta, locs, metaLocs];
  });
}

/**
 * Word chunks are most of the index's bytes and of the merge's time. Measured on the 590 chunks of a
 * 10,000-brief site (50.5 MB before gzip): level 9, Pagefind's, 20.75 MB for 12.5 s of CPU; level 6,
 * 21.16 MB (+2.0 %) for 2.8 s. A query fetches a chunk or two, so readers pay ~2 % of those bytes.
 */
const CHUNK_GZIP_LEVEL = 6;

/** Chunks being compressed and written at once: libuv's four threads, kept busy. */
const WRITES_AT_ONCE = 4;

/** Gathers words into chunks by Pagefind's rule and writes each as it closes. */
class ChunkWriter {
  readonly ranges: [string, string, string][] = [];
  readonly #names: HashNames;
  #words: PackedWord[] = [];
  #size = 0;
  readonly #writing: Promise<void>[] = [];

  constructor(
    readonly language: string,
    readonly outDir: string,
    readonly limit: number,
  ) {
    this.#names = new HashNames(language, 2);
  }

  async add(word: PackedWord): Promise<void> {
    this.#words.push(word);
    for (const [, locs, metaLocs] of word[1]) this.#size += locs.length + metaLocs.length + 1;
    if (this.#size >= this.limit) await this.#write();
  }

  async close(): Promise<void> {
    if (this.#words.length > 0) await this.#write();
    await Promise.all(this.#writing);
  }

  /**
   * Names the chunk now (names depend on order) and compresses and writes it in the background:
   * gzip runs on libuv's threads while the merge goes on with the next words, a few chunks at most.
   */
  async #write(): Promise<void> {
    const body = cborOf([this.#words]);
    const name = this.#names.nameOf(pagefindHash(body));
    this.ranges.push([this.#words[0]![0], this.#words.at(-1)![0], name]);
    this.#words = [];
    this.#size = 0;
    const file = join(this.outDir, "index", `${name}.pf_index`);
    const written = containerOf(body, CHUNK_GZIP_LEVEL).then((bytes) => writeFile(file, bytes));
    written.catch(() => undefined); // awaited, and so reported, in turn or by close()
    this.#writing.push(written);
    if (this.#writing.length >= WRITES_AT_ONCE) await this.#writing.shift();
  }
}

/**
 * Pagefind's `chunk_meta`: each range's ends trimmed to the shortest prefixes that still tell
 * neighbouring chunks apart (one character past their common prefix), counted in characters.
 */
function trimmedRanges(ranges: [string, string, string][]): [string, string, string][] {
  for (let i = 0; i + 1 < ranges.length; i++) {
    const a = [...ranges[i]![1]];
    const b = [...ranges[i + 1]![0]];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join("");
    if (byCodePoint(to, ranges[i]![0]) >= 0) ranges[i]![1] = to;
    ranges[i + 1]![0] = b.slice(0, common + 1).join("");
  }
  return ranges;
}
