/**
 * Our index folder against the single Pagefind run's, file by file and decoded (issue #16: "compares
 * the decoded index files structurally", at bench sizes as `test/search/merge.test.ts` does on
 * fixtures). Word chunks and fragments are compared by name and by the bytes inside the gzip (the
 * merge compresses chunks at another level, so the gzip bytes differ by design); `pf_meta`, filters
 * and the entry file by content, less the names one Pagefind run takes from hash-map order (its
 * filter files' names, which `pf_meta` and the entry's meta hash carry). Everything else by bytes.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { readBody, readCbor } from "../../src/search/merge/container.ts";

export interface IndexEquality {
  /** Files compared in our folder. */
  readonly files: number;
  /** What differs (a missing, extra or different file, by relative path), at most `SHOWN` of them. */
  readonly differing: readonly string[];
  /** How many differ in all. */
  readonly differing_count: number;
}

const SHOWN = 10;

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Filters by filter name, each with its values in order: the same whatever the file names. */
async function filtersOf(dir: string, files: readonly string[]): Promise<Map<string, unknown>> {
  const filters = new Map<string, unknown>();
  for (const file of files.filter((f) => f.endsWith(".pf_filter"))) {
    const [name, values] = (await readCbor(path.join(dir, file))) as [string, [string, number[]][]];
    filters.set(
      name,
      [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
  return filters;
}

/** `pf_meta` with its filter list as names only (their files' hashes follow the writer's order). */
async function metaOf(dir: string, file: string): Promise<unknown> {
  const meta = (await readCbor(path.join(dir, file))) as unknown[];
  const filterNames = (meta[3] as [string, string][]).map(([f]) => f).sort();
  return [...meta.slice(0, 3), filterNames, ...meta.slice(4)];
}

/** The entry file less each language's meta file hash (a hash of a `pf_meta` compared above). */
async function entryOf(dir: string, file: string): Promise<unknown> {
  const entry = JSON.parse(await readFile(path.join(dir, file), "utf8")) as {
    languages: Record<string, { hash?: string }>;
  };
  for (const language of Object.values(entry.languages)) delete language.hash;
  return entry;
}

/** One file of each folder, equal for the search: the same bytes, or the same bytes inside the gzip. */
async function sameFile(ours: string, single: string, file: string): Promise<boolean> {
  if (/\.pf_(index|fragment)$/.test(file))
    return (await readBody(path.join(ours, file))).equals(await readBody(path.join(single, file)));
  return (await readFile(path.join(ours, file))).equals(await readFile(path.join(single, file)));
}

export async function compareIndexes(ours: string, single: string): Promise<IndexEquality> {
  const [mine, theirs] = await Promise.all([filesOf(ours), filesOf(single)]);
  const named = (f: string) => !/\.pf_(meta|filter)$/.test(f) && f !== "pagefind-entry.json";
  const theirSet = new Set(theirs.filter(named));
  const differing: string[] = [];
  for (const file of mine.filter(named)) {
    if (!theirSet.delete(file)) differing.push(`${file} (only ours)`);
    else if (!(await sameFile(ours, single, file))) differing.push(file);
  }
  differing.push(...[...theirSet].map((f) => `${f} (only the single run's)`));
  if (!isDeepStrictEqual(await filtersOf(ours, mine), await filtersOf(single, theirs))) differing.push("filter/*");
  const metas = (files: readonly string[]) => files.filter((f) => f.endsWith(".pf_meta"));
  const [myMetas, theirMetas] = [metas(mine), metas(theirs)];
  const sameMetas =
    myMetas.length === theirMetas.length &&
    isDeepStrictEqual(
      await Promise.all(myMetas.sort().map((f) => metaOf(ours, f))),
      await Promise.all(theirMetas.sort().map((f) => metaOf(single, f))),
    );
  if (!sameMetas) differing.push("*.pf_meta");
  const entry = "pagefind-entry.json";
  if (!isDeepStrictEqual(await entryOf(ours, entry), await entryOf(single, entry))) differing.push(entry);
  return { files: mine.length, differing: differing.slice(0, SHOWN), differing_count: differing.length };
}
