/**
 * The merged filters: every bundle's `pf_filter` files read, their page numbers turned into merged
 * ones, and each filter written once. One Pagefind run writes filters and their values in the
 * order of a hash map (it differs from run to run); the merge writes both sorted, so two builds
 * of the same site give the same bytes.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { cborOf, containerOf, HashNames, pagefindHash, readCbor } from "./container.ts";
import { byCodePoint, filterIndexOf } from "./format.ts";
import type { BundleIndex } from "./pages.ts";

/** Writes the merged filters into `outDir/filter/`; gives `pf_meta`'s `[[filter, file name]…]`. */
export async function mergeFilters(
  bundles: readonly BundleIndex[],
  language: string,
  outDir: string,
): Promise<[string, string][]> {
  const filters = new Map<string, Map<string, number[]>>();
  for (const bundle of bundles) {
    for (const [, name] of bundle.meta[3]) {
      const file = join(bundle.dir, "filter", `${name}.pf_filter`);
      const [filter, values] = filterIndexOf(await readCbor(file), file);
      const merged = filters.get(filter) ?? new Map<string, number[]>();
      filters.set(filter, merged);
      for (const [value, pages] of values) {
        const list = merged.get(value) ?? [];
        merged.set(value, list);
        for (const page of pages) list.push(bundle.pageNumbers[page]!);
      }
    }
  }
  await mkdir(join(outDir, "filter"), { recursive: true });
  const names = new HashNames(language, 2);
  const written: [string, string][] = [];
  for (const filter of [...filters.keys()].sort(byCodePoint)) {
    const values = [...filters.get(filter)!.entries()]
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([value, pages]): [string, number[]] => [value, pages.sort((a, b) => a - b)]);
    const body = cborOf([filter, values]);
    const name = names.nameOf(pagefindHash(body));
    await writeFile(join(outDir, "filter", `${name}.pf_filter`), await containerOf(body));
    written.push([filter, name]);
  }
  return written;
}
