/**
 * The merged search index against one Pagefind run: sites built by the real pipeline are indexed
 * by the real Pagefind 1.5.2 twice, once over all pages in one run (given one by one in URL order,
 * the order the merge numbers pages in) and once as bundles of 3 pages (dealt as the index stage
 * deals them) that `mergeBundles` merges. The decoded files must be equal, and the same queries
 * through Pagefind's own search script in Chromium must answer the same.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decode, encode } from "cborg";
import type { Browser } from "playwright-core";
import { buildSite } from "../../src/pipeline.ts";
import { splitIntoBundles } from "../../src/search/bundles.ts";
import { PagefindProcess } from "../../src/search/pagefind-process.ts";
import { HashNames, pagefindHash } from "../../src/search/merge/container.ts";
import { mergeBundles, MergeRefused, type SortValues } from "../../src/search/merge/merge.ts";
import { launchBrowser, hasChromium } from "../helpers/browser.ts";
import { fixture } from "../helpers/content.ts";
import { serveSite, type StaticSite } from "../helpers/static-server.ts";

const CONTENT = path.resolve(import.meta.dirname, "../../content");
/**
 * The sites: the bundled content, and fixtures with other words, actors and filter values. Their
 * indexes fit in one word chunk of Pagefind's 20,000 entries, so the content is also indexed with
 * chunks of 200 (Pagefind's PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, which the merge reads too): many
 * chunks, their boundaries and the trimmed word ranges of pf_meta.
 */
const SITES = [
  { name: "content", contentDir: CONTENT },
  { name: "content, in chunks of 200", contentDir: CONTENT, chunkSize: "200" },
  { name: "valid-minimal", contentDir: fixture("valid-minimal") },
  { name: "cross-links", contentDir: fixture("cross-links") },
  { name: "hand-written pages with diacritic variants", contentDir: undefined },
];
const CBOR_FILE = /\.pf_(meta|index|filter)$/;

interface IndexedPage {
  readonly file: string;
  readonly url: string;
  readonly html: string;
}

/** The pages Pagefind indexes (those with `data-pagefind-body`), in URL order. */
async function indexedPages(siteDir: string): Promise<IndexedPage[]> {
  const files = (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith(".html")).sort();
  const pages: IndexedPage[] = [];
  for (const file of files) {
    const html = await readFile(path.join(siteDir, file), "utf8");
    if (/<[a-z][^>]*\sdata-pagefind-body[\s=>/]/i.test(html))
      pages.push({ file, url: `/${file.replace(/(^|\/)index\.html$/, "$1")}`, html });
  }
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The values each page is sorted by, as the page carries them for Pagefind (the model's date). */
function sortValuesOf(pages: readonly IndexedPage[]): SortValues {
  const values = new Map<string, Record<string, string>>();
  for (const page of pages) {
    const sorts = [...page.html.matchAll(/data-pagefind-sort="([a-z]+)"[^>]*>([^<]*)</g)];
    if (sorts.length > 0) values.set(page.url, Object.fromEntries(sorts.map(([, key, value]) => [key, value!.trim()])));
  }
  return values;
}

/** Spellings of one word: Pagefind indexes them as one word with diacritic variants, ordered as met. */
const SPELLINGS = ["resume", "résumé", "resumé", "rèsume", "résume"];

/**
 * Hand-written pages for what the content lacks: several diacritic variants of a word, met in
 * different orders, some only in metadata; a meta field only some bundles have (the merge renumbers
 * meta fields); a numeric sort with ties; a filter on some pages only.
 */
async function writeVariantSite(siteDir: string): Promise<void> {
  for (let i = 0; i < 14; i++) {
    const words = SPELLINGS.filter((_, k) => (i + k) % 3 !== 0).reverse();
    // Words only in metadata: an author field on a quarter of the pages, spelled as no text spells it.
    const author = i % 4 === 1 ? `<span data-pagefind-meta="author:Zoë rèsumè ${SPELLINGS[i % 5]}"></span>` : "";
    const colour =
      i % 3 === 0 ? `<span data-pagefind-filter="colour">${["red", "grün", "blue"][(i / 3) % 3]}</span>` : "";
    const html = `<!doctype html><html lang="en"><head><title>n${i}</title></head><body>
<main data-pagefind-body>${author}<h1>Note ${i} about ${SPELLINGS[(i * 2) % 5]} naïve</h1>
<p>${words.join(" ")} and cafe café ${i % 2 ? "naive" : "plain"} text number ${i}.</p>
<span data-pagefind-sort="weight">${[10, 9, 2.5, -1, 100, 5, 5][i % 7]}</span>${colour}</main></body></html>`;
    await mkdir(path.join(siteDir, `notes/n${i}`), { recursive: true });
    await writeFile(path.join(siteDir, `notes/n${i}/index.html`), html);
  }
}

/** One Pagefind process: `add` gives it the pages, then its files are fetched and written to `outDir`. */
async function runPagefind(outDir: string, add: (p: PagefindProcess, index_id: unknown) => Promise<void>) {
  const pagefind = new PagefindProcess();
  try {
    const { index_id } = await pagefind.request({ type: "NewIndex", config: {} });
    await add(pagefind, index_id);
    const got = await pagefind.request({ type: "GetFiles", index_id });
    assert.equal(got.type, "GetFiles", JSON.stringify(got));
    for (const f of got.files as { path: string; content: string }[]) {
      await mkdir(path.dirname(path.join(outDir, f.path)), { recursive: true });
      await writeFile(path.join(outDir, f.path), Buffer.from(f.content, "base64"));
    }
  } finally {
    await pagefind.close();
  }
}

/** One run over every page, added one by one in URL order. */
const indexAtOnce = (pages: readonly IndexedPage[], outDir: string) =>
  runPagefind(outDir, async (pagefind, index_id) => {
    for (const p of pages) {
      const added = await pagefind.request({ type: "AddFile", index_id, url: p.url, file_contents: p.html });
      assert.equal(added.type, "IndexedFile", JSON.stringify(added));
    }
  });

/** Bundles of `size` pages, dealt as the index stage deals them, each read from a folder of its pages. */
async function indexInBundles(siteDir: string, pages: readonly IndexedPage[], size: number, workDir: string) {
  const groups = splitIntoBundles(
    pages.map((p) => ({ ...p, sortValue: sortValuesOf([p]).get(p.url)?.date })),
    Math.ceil(pages.length / size),
  );
  const dirs: string[] = [];
  for (const [i, group] of groups.entries()) {
    const folder = path.join(workDir, `pages-${i}`);
    for (const p of group) {
      await mkdir(path.dirname(path.join(folder, p.file)), { recursive: true });
      await link(path.join(siteDir, p.file), path.join(folder, p.file));
    }
    dirs.push(path.join(workDir, `bundle-${i}`));
    await runPagefind(dirs[i]!, async (pagefind, index_id) => {
      const added = await pagefind.request({ type: "AddDir", index_id, path: folder });
      assert.equal(added.page_count, group.length, JSON.stringify(added));
    });
  }
  return dirs;
}

/** Every file under `dir`, by path relative to it. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, file), await readFile(file));
    }
  }
  return files;
}

const bodyOf = (gz: Buffer) => gunzipSync(gz).subarray("pagefind_dcd".length);
const cborOf = (gz: Buffer) => decode(bodyOf(gz)) as unknown[];

/**
 * An index folder decoded for comparison: every file but the hash-named metadata and filters by
 * name and decoded content; filters (which one Pagefind run writes in hash-map order, different
 * every run) by filter name with values sorted; `pf_meta` with its filter list replaced by them.
 */
function decoded(files: Map<string, Buffer>) {
  const filters = new Map<string, unknown>();
  const rest = new Map<string, unknown>();
  let meta: unknown[] = [];
  for (const [name, bytes] of files) {
    if (name.startsWith("filter/")) {
      const [filter, values] = cborOf(bytes) as [string, [string, number[]][]];
      filters.set(
        filter,
        [...values].sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    } else if (name.endsWith(".pf_meta")) meta = cborOf(bytes);
    else if (name === "pagefind-entry.json") rest.set(name, JSON.parse(bytes.toString()) as unknown);
    else if (name.endsWith(".pf_fragment")) rest.set(name, bodyOf(bytes).toString());
    else rest.set(name, CBOR_FILE.test(name) ? cborOf(bytes) : bytes);
  }
  const filterNames = (meta[3] as [string, string][]).map(([f]) => f).sort();
  return { meta: [...meta.slice(0, 3), filterNames, ...meta.slice(4)], filters, rest };
}

/** The entry file without the metadata's file name, which holds a hash of the filters' order. */
function withoutMetaHash(rest: Map<string, unknown>) {
  const entry = rest.get("pagefind-entry.json") as { languages: Record<string, { hash?: string }> };
  for (const l of Object.values(entry.languages)) delete l.hash;
  return rest;
}

interface Indexed {
  readonly dir: string;
  readonly single: string;
  readonly bundles: readonly string[];
  readonly merged: string;
  readonly pages: number;
}

/**
 * Builds a site (or writes the hand-written one), indexes it both ways and merges the bundles; all
 * under a fresh temp folder.
 */
async function indexBothWays(contentDir: string | undefined): Promise<Indexed> {
  const dir = await mkdtemp(path.join(tmpdir(), "briefbook-merge-"));
  const siteDir = path.join(dir, "_site");
  if (contentDir === undefined) await writeVariantSite(siteDir);
  else {
    const built = await buildSite({ contentDir, outDir: siteDir, pathPrefix: "/", includeDrafts: false });
    assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
  }
  const pages = await indexedPages(siteDir);
  const single = path.join(dir, "single");
  await indexAtOnce(pages, single);
  const bundles = await indexInBundles(siteDir, pages, 3, dir);
  const merged = path.join(dir, "merged");
  const result = await mergeBundles({ bundles, outDir: merged, sortValues: sortValuesOf(pages) });
  assert.equal(result.pages, pages.length);
  return { dir, single, bundles, merged, pages: pages.length };
}

/** One Chromium for the whole file, launched when first needed. */
let browser: Promise<Browser> | undefined;
after(async () => {
  await (await browser)?.close();
});

interface Query {
  readonly term: string | null;
  readonly options: { filters?: Record<string, string>; sort?: Record<string, "asc" | "desc"> };
}

/**
 * Queries for a site, picked from its index: the commonest word, a word on about half as many
 * pages, a word on the fewest pages, a prefix, a spelling with diacritics when there is one; each alone,
 * with the first filter's most used value, and sorted by the first sort descending; and the filter alone.
 */
function queriesOf(files: Map<string, Buffer>): Query[] {
  const words: [string, number][] = [];
  let variant: string | undefined;
  for (const [file, bytes] of files) {
    if (!file.startsWith("index/")) continue;
    for (const [word, pages, variants] of cborOf(bytes)[0] as [string, unknown[], [string][]][]) {
      if (/^[a-z]{4,}$/.test(word)) words.push([word, pages.length]);
      variant ??= variants[0]?.[0];
    }
  }
  words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const common = words[0]![0];
  const medium = (words.find(([, n]) => n <= words[0]![1] / 2) ?? words.at(-1)!)[0];
  const rare = words.at(-1)![0];
  const meta = [...files].find(([f]) => f.endsWith(".pf_meta"))!;
  const [filter, hash] = (cborOf(meta[1])[3] as [string, string][]).sort()[0]!;
  const values = cborOf(files.get(`filter/${hash}.pf_filter`)!)[1] as [string, number[]][];
  const value = values.sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0]![0];
  const sortKey = (cborOf(meta[1])[4] as [string][])[0]?.[0];
  const terms = [common, medium, rare, medium.slice(0, 3), ...(variant ? [variant] : [])];
  return [
    ...terms.flatMap((term): Query[] => [
      { term, options: {} },
      { term, options: { filters: { [filter]: value } } },
      ...(sortKey ? [{ term, options: { sort: { [sortKey]: "desc" as const } } }] : []),
    ]),
    { term: null, options: { filters: { [filter]: value } } },
  ];
}

/**
 * What Pagefind's own script answers, in Chromium, for each query on the index at `/{dir}/` of a
 * server: counts, filter counts, and each result in order with its score, words and data (URL,
 * excerpt, metadata, filters, sub-results).
 */
async function answersOf(site: StaticSite, dir: string, queries: readonly Query[]): Promise<unknown> {
  const page = await (await (browser ??= launchBrowser())).newPage();
  try {
    await page.goto(site.url("/"));
    return await page.evaluate(
      async ({ script, queries }) => {
        type Result = { id: string; score: number; words: number[]; data(): Promise<unknown> };
        type Answer = { results: Result[]; unfilteredResultCount: number; filters: unknown; totalFilters: unknown };
        const pagefind = (await import(script)) as {
          filters(): Promise<unknown>;
          search(term: string | null, options: object): Promise<Answer>;
        };
        const answers: unknown[] = [await pagefind.filters()];
        for (const q of queries) {
          const { results, unfilteredResultCount, filters, totalFilters } = await pagefind.search(q.term, q.options);
          const listed = results.map(async (r) => ({ id: r.id, score: r.score, words: r.words, data: await r.data() }));
          answers.push({ q, unfilteredResultCount, filters, totalFilters, results: await Promise.all(listed) });
        }
        return answers;
      },
      { script: site.url(`/${dir}/pagefind.js`), queries },
    );
  } finally {
    await page.close();
  }
}

for (const { name, contentDir, chunkSize } of SITES) {
  describe(`${name}: bundles of 3 pages, merged`, () => {
    let ix: Indexed;
    const saved = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    before(async () => {
      if (chunkSize) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSize;
      ix = await indexBothWays(contentDir);
    });
    after(async () => {
      if (saved === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
      else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = saved;
      if (ix) await rm(ix.dir, { recursive: true, force: true });
    });

    test("decode and encode give back every CBOR file of a real Pagefind index byte for byte", async () => {
      for (const dir of [ix.single, ...ix.bundles]) {
        for (const [file, bytes] of await filesOf(dir)) {
          if (CBOR_FILE.test(file)) assert.ok(Buffer.from(encode(decode(bodyOf(bytes)))).equals(bodyOf(bytes)), file);
        }
      }
    });

    test("equals one Pagefind run: page table, chunks, sorts, fields, every word chunk, filter and fragment", async () => {
      assert.ok(ix.bundles.length >= 3, `${ix.bundles.length} bundles`);
      const single = decoded(await filesOf(ix.single));
      if (chunkSize) assert.ok((single.meta[2] as unknown[]).length > 10, "many word chunks");
      const merged = decoded(await filesOf(ix.merged));
      assert.deepEqual(merged.meta, single.meta);
      assert.deepEqual(merged.filters, single.filters);
      assert.deepEqual(
        [...withoutMetaHash(merged.rest).keys()].sort(),
        [...withoutMetaHash(single.rest).keys()].sort(),
      );
      for (const [file, content] of single.rest) assert.deepEqual(merged.rest.get(file), content, file);
    });

    test(
      "answers common, medium, rare and prefix queries, filtered and sorted, as one run does, in Chromium",
      {
        skip: !hasChromium() && "no Chromium",
      },
      async () => {
        await writeFile(path.join(ix.dir, "index.html"), "<!doctype html><title>search</title>");
        const site = await serveSite(ix.dir);
        try {
          const queries = queriesOf(await filesOf(ix.single));
          const single = (await answersOf(site, "single", queries)) as { results?: unknown[] }[];
          assert.ok(
            single.some((a) => (a.results?.length ?? 0) > 1),
            "queries with several results",
          );
          assert.deepEqual(await answersOf(site, "merged", queries), single);
        } finally {
          await site.close();
        }
      },
    );

    test("is byte-identical when merged again", async () => {
      const again = path.join(ix.dir, "merged-again");
      await mergeBundles({ bundles: ix.bundles, outDir: again, sortValues: await sortValuesFrom(ix) });
      assert.deepEqual(await filesOf(again), await filesOf(ix.merged));
    });
  });
}

/** The sort values of the site an `Indexed` was built from. */
const sortValuesFrom = async (ix: Indexed) => sortValuesOf(await indexedPages(path.join(ix.dir, "_site")));

describe("a merge it cannot do right is refused, with the file and a hint", () => {
  let dir: string;
  let pages: IndexedPage[];
  let bundles: string[];
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "briefbook-merge-refused-"));
    await writeVariantSite(path.join(dir, "_site"));
    pages = await indexedPages(path.join(dir, "_site"));
    bundles = await indexInBundles(path.join(dir, "_site"), pages, 5, dir);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const merging = (b: readonly string[], sortValues: SortValues) =>
    mergeBundles({ bundles: b, outDir: path.join(dir, `out-${Math.random()}`), sortValues });
  const refused = (pattern: RegExp, hint?: RegExp) => (e: unknown) =>
    e instanceof MergeRefused && pattern.test(e.message) && (hint === undefined || hint.test(e.hint));

  test("a bundle written by another Pagefind version", async () => {
    const entry = path.join(bundles[1]!, "pagefind-entry.json");
    const original = await readFile(entry, "utf8");
    await writeFile(entry, original.replace('"version":"1.5.2"', '"version":"1.4.0"'));
    try {
      await assert.rejects(
        merging(bundles, sortValuesOf(pages)),
        refused(/bundle-1\/pagefind-entry\.json was written by Pagefind 1\.4\.0.*only Pagefind 1\.5\.2/, /npm ci/),
      );
    } finally {
      await writeFile(entry, original);
    }
  });

  test("a page without the sort value its bundle sorted it by", async () => {
    const values = new Map(sortValuesOf(pages));
    values.delete("/notes/n3/");
    await assert.rejects(merging(bundles, values), refused(/\/notes\/n3\/ is sorted by 'weight'.*gave no 'weight'/));
  });

  test("sort values other than those Pagefind read", async () => {
    const values = new Map([...sortValuesOf(pages)].map(([url, v]) => [url, { weight: String(-Number(v.weight)) }]));
    await assert.rejects(merging(bundles, values), refused(/'weight' values .* otherwise than Pagefind did/));
  });

  test("the same page in two bundles", async () => {
    await assert.rejects(merging([bundles[0]!, bundles[0]!], sortValuesOf(pages)), refused(/is in two search bundles/));
  });
});

describe("file names", () => {
  test("two fragments whose 7-digit names collide get one digit more, as one Pagefind run names them", () => {
    const names = new HashNames("en", 1);
    assert.equal(names.nameOf("abcdef0123"), "en_abcdef0");
    assert.equal(names.nameOf("abcdef0456"), "en_abcdef04");
    assert.equal(names.nameOf("abcdef0123"), "en_abcdef0", "the same content keeps its name");
  });

  test("word chunks and filters take two digits more", () => {
    const names = new HashNames("en", 2);
    assert.equal(names.nameOf("1234567aa"), "en_1234567");
    assert.equal(names.nameOf("1234567bb"), "en_1234567bb");
  });

  test("hashes are written as Pagefind writes them, each byte in hex without a leading zero", () => {
    // SHA-1 of "abc" is a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d: 0x06 is written "6", 0x0d "d".
    assert.equal(pagefindHash("abc"), "a9993e36476816aba3e25717850c26c9cd0d89d");
  });
});
