import type { BaselineFigures, BenchResult } from "./run.ts";

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
}
