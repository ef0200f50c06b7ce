/**
 * The merged sort orders (`data-pagefind-sort`). A bundle's list orders only its own pages, and
 * the values it was sorted by are not in the index, so the merge is given them (from the model)
 * and sorts again exactly as Pagefind does (`build_indexes`): numbers when every value of the key
 * reads as one, text otherwise, a stable sort over the pages in page order. Each bundle's own list
 * must come out in the same relative order, or the values given are not the ones Pagefind read.
 */
import { MergeRefused } from "./container.ts";
import { byCodePoint } from "./format.ts";
import type { BundleIndex } from "./pages.ts";

/** Each page's sort values by key, by URL. */
export type SortValues = ReadonlyMap<string, Readonly<Record<string, string>>>;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Pagefind's number of a sort value (Rust's i32 or f32 parse, as f32), or undefined for text. */
function numberOf(value: string): number | undefined {
  if (INTEGER.test(value) && Math.abs(Number(value)) <= 2 ** 31) return Math.fround(Number(value));
  return DECIMAL.test(value) ? Math.fround(Number(value)) : undefined;
}

/** `pf_meta`'s sorts, `[[key, [page…]]…]`, keys in order. */
export function mergeSorts(bundles: readonly BundleIndex[], urls: readonly string[], values: SortValues) {
  const keys = [...new Set(bundles.flatMap((b) => b.meta[4].map(([key]) => key)))].sort(byCodePoint);
  return keys.map((key): [string, number[]] => {
    const pages = bundles
      .flatMap((b) => (b.meta[4].find(([k]) => k === key)?.[1] ?? []).map((p) => b.pageNumbers[p]!))
      .sort((a, b) => a - b);
    const text = pages.map((page) => {
      const value = values.get(urls[page]!)?.[key];
      if (value === undefined)
        throw new MergeRefused(
          `the page ${urls[page]} is sorted by '${key}' in its search bundle, but the model gave no '${key}' for it`,
        );
      return value;
    });
    const numbers = text.map(numberOf);
    const byValue = numbers.every((n) => n !== undefined)
      ? (a: number, b: number) => numbers[a]! - numbers[b]!
      : (a: number, b: number) => byCodePoint(text[a]!, text[b]!);
    const order = pages.map((_, i) => i).sort(byValue);
    const sorted = order.map((i) => pages[i]!);
    const at = new Map(pages.map((page, i) => [page, i]));
    agreesWithBundles(bundles, key, (a, b) => byValue(at.get(a)!, at.get(b)!));
    return [key, sorted];
  });
}

/**
 * Refuses values that order some bundle's pages otherwise than Pagefind did: in each bundle's own
 * list, the values given must not decrease. Pages of equal value may be in any order there (Pagefind
 * breaks ties by its own page numbers, which follow the order it found the files in).
 */
function agreesWithBundles(bundles: readonly BundleIndex[], key: string, byValue: (a: number, b: number) => number) {
  for (const bundle of bundles) {
    const pages = (bundle.meta[4].find(([k]) => k === key)?.[1] ?? []).map((p) => bundle.pageNumbers[p]!);
    if (pages.some((page, i) => i > 0 && byValue(pages[i - 1]!, page) > 0))
      throw new MergeRefused(
        `the '${key}' values given for the merge order ${bundle.dir}'s pages otherwise than Pagefind did`,
        "the sort values must be the ones the pages carry in data-pagefind-sort",
      );
  }
}
