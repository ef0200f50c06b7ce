import type { BaselineFigures, BenchResult } from "./run.ts";
import type { SearchComparison, SearchRow } from "./search/search-comparison.ts";

/** The results as a plain-text table, one row per corpus size; "—" = not measured. */

const seconds = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : v < 10 ? v.toFixed(2) : v.toFixed(1);
const mib = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toFixed(0));
const times = (v: number | null) => (v === null ? "—" : `${v.toFixed(2)}×`);
const count = (v: number | null) => (v === null ? "—" : String(v));

/** The larger of a baseline's two processes' peaks: they run one after the other. */
const peak = (b: BaselineFigures | null) =>
  b === null || b.build_peak_rss_mib === null ? null : Math.max(b.build_peak_rss_mib, b.pagefind_peak_rss_mib ?? 0);

const COLUMNS: ReadonlyArray<readonly [string, (r: BenchResult) => string]> = [
  ["N", (r) => String(r.n)],
  ["docs", (r) => String(r.documents)],
  ["pages", (r) => count(r.pages)],
  ["load", (r) => seconds(r.stages.load)],
  ["validate", (r) => seconds(r.stages.validate)],
  ["model", (r) => seconds(r.stages.model)],
  ["render", (r) => seconds(r.stages.render)],
  ["index", (r) => seconds(r.stages.index)],
  ["check", (r) => seconds(r.stages.check)],
  ["build_s", (r) => seconds(r.build_s)],
  ["total_s", (r) => seconds(r.total_s)],
  ["peak MiB", (r) => mib(r.peak_rss_mib)],
  ["Hugo s", (r) => seconds(r.hugo_s)],
  ["Hugo+PF s", (r) => seconds(r.hugo_plus_pagefind_s)],
  ["Hugo+PF MiB", (r) => mib(peak(r.baselines.hugo))],
  ["11ty+PF s", (r) => seconds(r.bare_eleventy_plus_pagefind_s)],
  ["11ty+PF MiB", (r) => mib(peak(r.baselines.bare_eleventy))],
  ["total/(Hugo+PF)", (r) => times(r.ratios.total_vs_hugo_plus_pagefind)],
  ["total/(11ty+PF)", (r) => times(r.ratios.total_vs_bare_eleventy_plus_pagefind)],
  ["build/Hugo", (r) => times(r.ratios.build_vs_hugo)],
  ["largest page KB", (r) => (r.largest_page_bytes === null ? "—" : (r.largest_page_bytes / 1000).toFixed(0))],
  ["query KB", (r) => (r.query_bytes === null ? "—" : (r.query_bytes / 1000).toFixed(0))],
  ["edit→visible s", (r) => seconds(r.rebuild_one_brief_s)],
  ["→actor page s", (r) => seconds(r.preview_actor_page_s)],
];

export function formatTable(results: readonly BenchResult[]): string {
  const rows = [COLUMNS.map(([h]) => h), ...results.map((r) => COLUMNS.map(([, cell]) => cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((c, i) => c.padStart(widths[i]!)).join("  ");
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

export function printTable(results: readonly BenchResult[]): void {
  console.log(`\n${formatTable(results)}`);
  for (const r of results) if (r.build_note) console.log(`N=${r.n}: our build: ${r.build_note}`);
  const searched = results.flatMap((r) => (r.search ? [{ n: r.n, search: r.search }] : []));
  if (searched.length > 0) console.log(`\n${formatSearchTable(searched)}`);
  for (const r of results) if (r.search_note) console.log(`N=${r.n}: search comparison: ${r.search_note}`);
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

const SEARCH_COLUMNS: ReadonlyArray<readonly [string, (r: SearchRow) => string]> = [
  ["query", (r) => r.query],
  ["ours KiB", (r) => kib(r.bytes_ours)],
  ["single KiB", (r) => kib(r.bytes_single)],
  ["ratio", (r) => times(r.bytes_ratio)],
  ["reqs", (r) => `${r.requests_ours}/${r.requests_single}`],
  ["count ours", (r) => String(r.count_ours)],
  ["count single", (r) => String(r.count_single)],
  ["answer", (r) => (r.differences.length === 0 ? "identical" : `DIFFERS (${r.first_difference})`)],
];

/**
 * The search comparison, one block per corpus size: each query with our index against the single
 * one (first row includes start-up), then issue #16's two search targets.
 */
export function formatSearchTable(
  entries: readonly { readonly n: number | null; readonly search: SearchComparison }[],
): string {
  const blocks: string[] = [];
  for (const { n, search } of entries) {
    const rows = [SEARCH_COLUMNS.map(([h]) => h), ...search.rows.map((r) => SEARCH_COLUMNS.map(([, cell]) => cell(r)))];
    const widths = SEARCH_COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    const last = SEARCH_COLUMNS.length - 1;
    const line = (row: readonly string[]) =>
      row
        .map((c, i) => (i === 0 || i === last ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
        .join("  ")
        .trimEnd();
    const bundles = search.bundles.map((b) => `${b.dir} (${b.pages} pages)`).join(", ");
    const t = search.targets;
    const differing = t.identical.differing.map((d) => `${d.query}: ${d.differences.join(", ")}`).join("; ");
    blocks.push(
      [
        `Search${n === null ? "" : ` at N=${n}`}: ours = ${bundles}; single = ${search.reference.dir} ` +
          `(${search.reference.pages} pages); top ${search.top} results' URLs and excerpts compared per query; ` +
          `start-up ${kib(search.startup_bytes.ours)} / ${kib(search.startup_bytes.single)} KiB, in the first row`,
        line(rows[0]!),
        widths.map((w) => "-".repeat(w)).join("  "),
        ...rows.slice(1).map(line),
        `index files equal to the single run's, decoded: ${
          search.index_files.differing_count === 0
            ? `yes (${search.index_files.files} files)`
            : `NO, ${search.index_files.differing_count} differ (${search.index_files.differing.join(", ")})`
        }`,
        `answers identical (count, order, excerpts, filter counts): ${t.identical.pass ? "yes" : `NO (${differing})`}; ` +
          `first query ≤${t.first_query_bytes.limit}× the single index's bytes: ` +
          `${t.first_query_bytes.pass ? "yes" : "NO"} (${times(t.first_query_bytes.ratio)})`,
      ].join("\n"),
    );
  }
  return blocks.join("\n\n");
}
