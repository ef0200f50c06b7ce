/**
 * The benchmark harness behind `npm run bench` (issue #5; results explained in docs/performance.md).
 *
 * For each corpus size N it generates (or reuses from the temp folder) a synthetic corpus of N
 * articles, N briefs and N/10 actors, then runs, one after another as child processes:
 *   1. our production build: `tsx scripts/build.ts --content CORPUS --out OUT` (what
 *      `npm run build -- --content CORPUS --out OUT` runs, without npm's own process);
 *   2. Hugo over the corpus converted to a minimal Hugo site, then Pagefind over Hugo's output;
 *   3. bare Eleventy over the corpus's Markdown files, then Pagefind over its output.
 * Each run is timed (wall clock) and its peak memory sampled over the whole process tree.
 * Right after our build (before the baselines), unless `search: false`, the search comparison
 * (bench/search/search-comparison.ts) indexes our output once more as one single Pagefind index,
 * untimed, and runs the corpus's queries in Chromium against our index and against that one.
 * With `reproducible: true` our build first runs a second time and both outputs are compared file
 * by file (bench/reproducible-build.ts). After the table, the targets of issue #16 are checked
 * for each N (bench/targets.ts) and printed; bench-results.json holds them per result too.
 *
 * TIMINGS CONTRACT between scripts/build.ts and this harness:
 *   When the environment has BRIEFBOOK_TIMINGS_JSON=1, the build prints exactly one line to
 *   standard output, after its last stage:
 *     BRIEFBOOK_TIMINGS {"load":s,"validate":s,"model":s,"render":s,"index":s,"check":s,"pages":n}
 *   i.e. the prefix `BRIEFBOOK_TIMINGS `, one space, then a single-line JSON object whose stage
 *   values are wall-clock seconds (numbers, fractions allowed) spent in each stage, and `pages` the
 *   number of HTML pages written. A stage that did not run is 0 or left out (read as null). The
 *   build's other output is free-form; the harness keeps only this line (the last one, if several).
 *   Without the variable the build prints no such line.
 *
 * Derived figures: total_s is the build process's wall time (start-up and every stage included);
 * build_s = total_s − index + check (everything but search indexing: the link check runs beside
 * Pagefind, so without the index it would run alone); peak_rss_mib sums the resident memory
 * of the build and every process it starts (Pagefind's included). When scripts/build.ts does not
 * exist or fails, its figures are null and the baselines still run.
 */
import { cpus, tmpdir, totalmem } from "node:os";
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BaselineRun } from "./baseline-run.ts";
import { runBareEleventyBaseline } from "./bare-eleventy/bare-eleventy-baseline.ts";
import { REPO_ROOT, runBriefbookBuild, STAGES, type Stage } from "./briefbook-build.ts";
import { generateCorpus, GENERATOR_VERSION, isCorpus, writeCorpus } from "./corpus/generate-corpus.ts";
import { hugoVersion, runHugoBaseline } from "./hugo/hugo-baseline.ts";
import { outputStats } from "./output-stats.ts";
import { measurePreviewEdit, type PreviewEditResult } from "./preview-edit.ts";
import { measureReproducible, type ReproducibleBuild } from "./reproducible-build.ts";
import { printTable } from "./results-table.ts";
import { hasChromium, CHROMIUM } from "./search/browser-queries.ts";
import { compareSearch, queryBytes, readBenchQueries, type SearchComparison } from "./search/search-comparison.ts";
import { checkTargets, formatTargets } from "./targets.ts";

export interface BaselineFigures {
  readonly build_s: number | null;
  readonly build_peak_rss_mib: number | null;
  readonly pagefind_s: number | null;
  readonly pagefind_peak_rss_mib: number | null;
  readonly pages: number | null;
  readonly output_bytes: number | null;
  readonly index_bytes: number | null;
}

/** One row of bench-results.json: one corpus size. Seconds are wall clock; null = not measured. */
export interface BenchResult {
  readonly n: number;
  /** Articles plus briefs in the corpus. */
  readonly documents: number;
  readonly pages: number | null;
  readonly stages: Readonly<Record<Stage, number | null>>;
  readonly build_s: number | null;
  readonly total_s: number | null;
  readonly peak_rss_mib: number | null;
  readonly largest_page_bytes: number | null;
  readonly output_bytes: number | null;
  readonly index_bytes: number | null;
  /** Bytes a fresh browser fetches for the typical query (medium word, no filter), start-up included, with our bundles. */
  readonly query_bytes: number | null;
  /** Seconds from saving an edited brief to the preview (`npm start`) serving it (median of 3). */
  readonly rebuild_one_brief_s: number | null;
  /** The same, for the page of an actor the edit added to the brief. */
  readonly preview_actor_page_s: number | null;
  readonly hugo_s: number | null;
  readonly hugo_plus_pagefind_s: number | null;
  readonly bare_eleventy_plus_pagefind_s: number | null;
  readonly ratios: {
    readonly total_vs_hugo_plus_pagefind: number | null;
    readonly total_vs_bare_eleventy_plus_pagefind: number | null;
    readonly build_vs_hugo: number | null;
  };
  readonly baselines: { readonly hugo: BaselineFigures | null; readonly bare_eleventy: BaselineFigures | null };
  /** Why our build has no figures (absent, failed, printed no timings), or null. */
  readonly build_note: string | null;
  /** Our bundles against one single index on the corpus's queries; null when skipped or failed. */
  readonly search: SearchComparison | null;
  /** Why `search` is null (skipped, no bundle, no Chromium, failed), or null. */
  readonly search_note: string | null;
  /** A second build of the same corpus compared file by file; null unless `reproducible`, or when it failed. */
  readonly reproducible: ReproducibleBuild | null;
}

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly seed: number;
  readonly baselines: boolean;
  /** Run the search comparison after our build (default true). */
  readonly search?: boolean;
  /** Measure the preview's edit-to-visible time (default true). */
  readonly preview?: boolean;
  /** Build a second time and compare both outputs file by file (default false: it doubles the build's time). */
  readonly reproducible?: boolean;
}

const WORK_ROOT = path.join(tmpdir(), "briefbook-bench");
export const RESULTS_FILE = path.join(REPO_ROOT, "bench-results.json");

const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null);
const sum = (a: number | null | undefined, b: number | null | undefined) =>
  a !== null && a !== undefined && b !== null && b !== undefined ? a + b : null;

function baselineFigures(run: BaselineRun | null): BaselineFigures | null {
  if (!run) return null;
  return {
    build_s: run.build.ok ? run.build.seconds : null,
    build_peak_rss_mib: run.build.ok ? run.build.peakRssMib : null,
    pagefind_s: run.pagefind?.ok ? run.pagefind.seconds : null,
    pagefind_peak_rss_mib: run.pagefind?.ok ? run.pagefind.peakRssMib : null,
    pages: run.output?.pages ?? null,
    output_bytes: run.output?.outputBytes ?? null,
    index_bytes: run.output?.indexBytes ?? null,
  };
}

/** The cached corpus for (n, seed), generated when missing or from an older generator. */
async function corpusFor(n: number, seed: number): Promise<string> {
  const dir = path.join(WORK_ROOT, `corpus-n${n}-seed${seed}-v${GENERATOR_VERSION}`);
  if (await isCorpus(dir, n, seed)) {
    console.log(`corpus: reusing ${dir}`);
  } else {
    const started = performance.now();
    await writeCorpus(dir, generateCorpus(n, seed));
    console.log(`corpus: generated ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return dir;
}

/** The search comparison over our build's output, or why there is none. */
async function searchComparison(
  options: BenchOptions,
  built: boolean,
  corpusDir: string,
  siteDir: string,
  logFile: string,
): Promise<{ search: SearchComparison | null; note: string | null }> {
  if (options.search === false) return { search: null, note: "skipped on request (search: false)" };
  if (!built) return { search: null, note: "our build has no output" };
  if (!hasChromium()) return { search: null, note: `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)` };
  try {
    const started = performance.now();
    const search = await compareSearch({ siteDir, queries: await readBenchQueries(corpusDir), logFile });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  search: ${search.bundles.map((b) => b.dir).join(", ")} vs one Pagefind run, ${search.rows.length} queries in ${seconds.toFixed(1)} s ` +
        `(reference index ${search.reference.index_s.toFixed(1)} s, not counted); targets ${search.pass ? "met" : "NOT met"}`,
    );
    return { search, note: null };
  } catch (e) {
    const note = `failed: ${e instanceof Error ? e.message : String(e)}`;
    console.log(`  search: ${note}`);
    return { search: null, note };
  }
}

/** The preview's edit-to-visible time (bench/preview-edit.ts), or null with the reason logged. */
async function previewEdit(corpusDir: string, logFile: string): Promise<PreviewEditResult | null> {
  try {
    const result = await measurePreviewEdit(corpusDir, {
      log: (line) => void appendFile(logFile, `preview: ${line}\n`),
    });
    console.log(
      `  preview: edited brief visible after ${result.brief_s.toFixed(2)} s, its new actor's page after ${result.actor_s.toFixed(2)} s`,
    );
    return result;
  } catch (e) {
    console.log(`  preview: failed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

async function benchOne(n: number, options: BenchOptions): Promise<BenchResult> {
  const corpusDir = await corpusFor(n, options.seed);
  const workDir = path.join(WORK_ROOT, `run-n${n}`);
  await mkdir(workDir, { recursive: true });
  const logFile = path.join(workDir, "log.txt");
  await writeFile(logFile, "");
  console.log(`n=${n}: logs in ${logFile}`);

  const briefbookOut = path.join(workDir, "briefbook");
  const ours = await runBriefbookBuild(corpusDir, briefbookOut, logFile);
  let note: string | null = null;
  if (!ours) note = "scripts/build.ts does not exist";
  else if (!ours.run.ok)
    note = `build failed (exit ${ours.run.exitCode}): ${ours.run.stderrTail.trim().split("\n").slice(-3).join(" | ")}`;
  else if (!ours.timings) note = "build printed no BRIEFBOOK_TIMINGS line";
  console.log(
    note
      ? `  briefbook: ${note}`
      : `  briefbook: ${ours!.run.seconds.toFixed(1)} s, peak ${ours!.run.peakRssMib.toFixed(0)} MiB`,
  );
  const ok = ours?.run.ok === true;
  const stats = ok ? await outputStats(briefbookOut) : null;
  const stages = Object.fromEntries(STAGES.map((s) => [s, ok ? (ours.timings?.stages[s] ?? null) : null])) as Record<
    Stage,
    number | null
  >;
  const total = ok ? ours.run.seconds : null;
  // Before the search comparison, which writes its reference index into our output.
  const reproducible = ok && options.reproducible === true ? await secondBuild(corpusDir, briefbookOut, logFile) : null;
  // After outputStats, so the reference index it writes into the output is not counted as ours.
  const search = await searchComparison(options, ok, corpusDir, briefbookOut, logFile);
  const preview = options.preview === false ? null : await previewEdit(corpusDir, logFile);

  let hugo: BaselineRun | null = null;
  let bare: BaselineRun | null = null;
  if (options.baselines) {
    hugo = await runHugoBaseline(corpusDir, workDir, logFile);
    console.log(
      hugo
        ? `  hugo: ${hugo.build.seconds.toFixed(1)} s + pagefind ${hugo.pagefind?.seconds.toFixed(1) ?? "failed"} s`
        : "  hugo: not installed",
    );
    bare = await runBareEleventyBaseline(corpusDir, workDir, logFile);
    console.log(
      `  bare eleventy: ${bare.build.seconds.toFixed(1)} s + pagefind ${bare.pagefind?.seconds.toFixed(1) ?? "failed"} s`,
    );
  }
  const hugoFigures = baselineFigures(hugo);
  const bareFigures = baselineFigures(bare);
  const hugoPlusPagefind = sum(hugoFigures?.build_s, hugoFigures?.pagefind_s);
  const barePlusPagefind = sum(bareFigures?.build_s, bareFigures?.pagefind_s);
  const buildS = total !== null && stages.index !== null ? total - stages.index + (stages.check ?? 0) : null;

  return {
    n,
    documents: 2 * n,
    pages: ok ? (ours.timings?.pages ?? stats?.pages ?? null) : null,
    stages,
    build_s: buildS,
    total_s: total,
    peak_rss_mib: ok ? ours.run.peakRssMib : null,
    largest_page_bytes: stats?.largestPageBytes ?? null,
    output_bytes: stats?.outputBytes ?? null,
    index_bytes: stats?.indexBytes ?? null,
    query_bytes: search.search ? queryBytes(search.search) : null,
    rebuild_one_brief_s: preview?.brief_s ?? null,
    preview_actor_page_s: preview?.actor_s ?? null,
    hugo_s: hugoFigures?.build_s ?? null,
    hugo_plus_pagefind_s: hugoPlusPagefind,
    bare_eleventy_plus_pagefind_s: barePlusPagefind,
    ratios: {
      total_vs_hugo_plus_pagefind: ratio(total, hugoPlusPagefind),
      total_vs_bare_eleventy_plus_pagefind: ratio(total, barePlusPagefind),
      build_vs_hugo: ratio(buildS, hugoFigures?.build_s ?? null),
    },
    baselines: { hugo: hugoFigures, bare_eleventy: bareFigures },
    build_note: note,
    search: search.search,
    search_note: search.note,
    reproducible,
  };
}

/** Our build once more, compared file by file with the first (bench/reproducible-build.ts). */
async function secondBuild(corpusDir: string, firstOut: string, logFile: string): Promise<ReproducibleBuild | null> {
  const result = await measureReproducible(corpusDir, firstOut, logFile);
  console.log(
    result
      ? `  second build: ${result.differing_files} of ${result.files} files differ${result.examples.length ? ` (${result.examples.join(", ")})` : ""}`
      : "  second build: failed (see the log)",
  );
  return result;
}

export async function runBench(options: BenchOptions): Promise<BenchResult[]> {
  const machine = {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? null,
    memory_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    hugo: options.baselines ? hugoVersion() : null,
  };
  const results: BenchResult[] = [];
  for (const n of options.sizes) {
    results.push(await benchOne(n, options));
    // Written after every size, so a long run that is stopped keeps what it measured; targets are
    // checked again each time, as the scaling target needs the other sizes.
    const checked = results.map((r) => ({ ...r, targets: checkTargets(r, results) }));
    const report = { generated_at: new Date().toISOString(), seed: options.seed, machine, results: checked };
    await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  }
  printTable(results);
  console.log(`\n${formatTargets(results)}`);
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}`);
  return results;
}
