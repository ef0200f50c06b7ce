/**
 * Issue #16's targets, as data: one row per target, each reading its figure from a BenchResult
 * (and, for the scaling target, the other sizes of the same run). The issue sets them at
 * N = 10,000; the bench checks them at every N it runs, so a smaller run shows where things stand.
 * A figure that was not measured (no Hugo, a step skipped or failed) is "not measured", never met.
 */
import type { BenchResult } from "./run.ts";

export type Verdict = "met" | "NOT MET" | "not measured";

/** One target's line: what it is, the value measured (or why there is none), its bound, the verdict. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly bound: string;
  readonly verdict: Verdict;
}

/** A figure and how to print it, or null with the reason it is missing. */
interface Measurement {
  readonly value: number | null;
  /** Printed instead of the bare value (e.g. with its unit); required when value is null. */
  readonly shown: string;
}

interface Target {
  readonly name: string;
  /** Met when the measured value is at most this. */
  readonly limit: number;
  readonly bound: string;
  readonly measure: (r: BenchResult, run: readonly BenchResult[]) => Measurement;
}

const REPRODUCIBLE_TEST = "test/scripts/reproducible-build.test.ts";

const times = (v: number) => `${v.toFixed(2)}×`;
const figure = (value: number | null | undefined, show: (v: number) => string, why: string): Measurement =>
  value === null || value === undefined ? { value: null, shown: why } : { value, shown: show(value) };

/** Why a ratio to Hugo's figures is missing: our build or Hugo's. */
const whyNoHugoRatio = (r: BenchResult) =>
  r.total_s === null
    ? `our build: ${r.build_note ?? "no figure"}`
    : r.baselines.hugo === null
      ? "Hugo not run (not installed, or --no-baselines)"
      : "Hugo or its Pagefind run failed";

const whyNoSearch = (r: BenchResult) => `search comparison: ${r.search_note ?? "not run"}`;

/** Time at N against N/10 in the same run: the "N = 10,000 costs ≤ 11× N = 1,000". */
function scaling(r: BenchResult, run: readonly BenchResult[]): Measurement {
  const smaller = run.find((s) => s.n * 10 === r.n);
  if (!smaller) return { value: null, shown: `needs N=${r.n / 10} in the same run` };
  const ratio =
    r.total_s !== null && smaller.total_s !== null && smaller.total_s > 0 ? r.total_s / smaller.total_s : null;
  return figure(
    ratio,
    (v) => `${times(v)} (${r.total_s!.toFixed(1)} s / ${smaller.total_s!.toFixed(1)} s)`,
    "a total_s is missing",
  );
}

export const TARGETS: readonly Target[] = [
  {
    name: "whole build, index included, vs Hugo + Pagefind",
    limit: 1,
    bound: "≤ 1.00×",
    measure: (r) => figure(r.ratios.total_vs_hugo_plus_pagefind, times, whyNoHugoRatio(r)),
  },
  {
    name: "build without the index vs Hugo",
    limit: 1.5,
    bound: "≤ 1.50×",
    measure: (r) => figure(r.ratios.build_vs_hugo, times, whyNoHugoRatio(r)),
  },
  {
    name: "peak memory, all processes summed",
    limit: 1024,
    bound: "≤ 1,024 MiB",
    measure: (r) => figure(r.peak_rss_mib, (v) => `${v.toFixed(0)} MiB`, `our build: ${r.build_note ?? "no figure"}`),
  },
  {
    name: "search answers identical to one Pagefind index",
    limit: 0,
    bound: "0 queries differ",
    measure: (r) =>
      figure(
        r.search?.targets.identical.differing.length,
        (v) => `${v} of ${r.search!.rows.length} queries differ`,
        whyNoSearch(r),
      ),
  },
  {
    name: "search index files equal to one Pagefind run's (decoded)",
    limit: 0,
    bound: "0 files differ",
    measure: (r) =>
      figure(
        r.search?.index_files.differing_count,
        (v) => `${v} of ${r.search!.index_files.files} files differ`,
        whyNoSearch(r),
      ),
  },
  {
    name: "search first-query bytes vs one Pagefind index",
    limit: 1.05,
    bound: "≤ 1.05×",
    measure: (r) => figure(r.search?.targets.first_query_bytes.ratio, times, whyNoSearch(r)),
  },
  {
    name: "largest page",
    limit: 150_000,
    bound: "≤ 150 KB",
    measure: (r) => figure(r.largest_page_bytes, (v) => `${(v / 1000).toFixed(0)} KB`, "no output"),
  },
  {
    name: "preview: edited brief visible",
    limit: 2,
    bound: "≤ 2 s",
    measure: (r) =>
      figure(r.rebuild_one_brief_s, (v) => `${v.toFixed(2)} s`, "preview not timed (--no-preview, or it failed)"),
  },
  { name: "time at N vs N/10 (10× the documents)", limit: 11, bound: "≤ 11×", measure: scaling },
  {
    name: "two builds byte-identical",
    limit: 0,
    bound: "0 files differ",
    measure: (r) =>
      figure(
        r.reproducible?.differing_files,
        (v) => `${v} of ${r.reproducible!.files} files differ`,
        `tested by ${REPRODUCIBLE_TEST}; --reproducible builds twice here`,
      ),
  },
];

export function verdict(value: number | null, limit: number): Verdict {
  return value === null ? "not measured" : value <= limit ? "met" : "NOT MET";
}

/** Every target's line for one size of the run. */
export function checkTargets(r: BenchResult, run: readonly BenchResult[]): TargetCheck[] {
  return TARGETS.map((t) => {
    const m = t.measure(r, run);
    return { target: t.name, measured: m.shown, bound: t.bound, verdict: verdict(m.value, t.limit) };
  });
}

/** The targets block printed after the table, one per size. */
export function formatTargets(results: readonly BenchResult[]): string {
  return results
    .map((r) => {
      const checks = checkTargets(r, results);
      const width = (f: (c: TargetCheck) => string) => Math.max(...checks.map((c) => f(c).length));
      const [v, t, b] = [width((c) => c.verdict), width((c) => c.target), width((c) => c.bound)];
      const lines = checks.map(
        (c) => `  ${c.verdict.padEnd(v)}  ${c.target.padEnd(t)}  ${c.bound.padEnd(b)}  ${c.measured}`,
      );
      const met = checks.filter((c) => c.verdict === "met").length;
      return [`Targets of issue #16 (set for N=10000) at N=${r.n}: ${met} of ${checks.length} met`, ...lines].join(
        "\n",
      );
    })
    .join("\n\n");
}
