/**
 * The search part of the benchmark (issue #5): our bundles, merged in the browser, against one
 * single Pagefind index over the same pages, on a fixed sequence of queries.
 *
 * 1. Reference: Pagefind's CLI over our build's output into `pagefind-single/` (untimed, not part
 *    of our build's figures), with the language our primary bundle was forced to.
 * 2. Queries: the corpus's rare, medium and common words, each with no filter, with type=Brief and
 *    with actor=<the most frequent actor>, plus the common word with both filters. The medium word
 *    without filters comes first, so its bytes include start-up: that is `query_bytes`.
 * 3. Each configuration runs the whole sequence in a fresh Chromium context (browser-queries.ts);
 *    bytes are counted at the server (counting-server.ts).
 * 4. Targets, per issue #5: first query with start-up ≤ 1.5× the single index's bytes, each later
 *    query ≤ 2×, the same result count for every query, and at least 8 of the single index's top 10
 *    in our top 10.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { REPO_ROOT } from "../briefbook-build.ts";
import { QUERIES_FILE, type BenchQueries } from "../corpus/generate-corpus.ts";
import { runMeasured } from "../measured-process.ts";
import {
  launchChromium,
  runConfiguration,
  TOP,
  type ConfigurationRun,
  type QueryRun,
  type QuerySpec,
  type Traffic,
} from "./browser-queries.ts";
import { findBundles, readEntry, REFERENCE_DIR } from "./bundles.ts";
import { serveCounting } from "./counting-server.ts";

const FIRST_QUERY_LIMIT = 1.5;
const LATER_QUERY_LIMIT = 2;
const MIN_TOP_OVERLAP = 8;
/** The query whose first-visit bytes (start-up included) are reported as `query_bytes`. */
const TYPICAL_QUERY = "medium";

/** One query, both configurations side by side. Bytes of the first row include start-up. */
export interface SearchRow {
  readonly query: string;
  readonly term: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly bytes_ours: number;
  readonly bytes_single: number;
  /** bytes_ours / bytes_single; null when the single index fetched nothing. */
  readonly bytes_ratio: number | null;
  readonly bytes_limit: number;
  /** bytes_ours ≤ bytes_limit × bytes_single. */
  readonly bytes_pass: boolean;
  readonly requests_ours: number;
  readonly requests_single: number;
  readonly count_ours: number;
  readonly count_single: number;
  readonly count_equal: boolean;
  /** How many of the single index's top results are in our top results. */
  readonly top_overlap: number;
  /** The single index's top results compared: min(10, its count). */
  readonly top_of: number;
  /** top_overlap ≥ min(8, top_of). */
  readonly overlap_pass: boolean;
}

export interface SearchComparison {
  /** Our bundles in merge order, with the pages each indexed. */
  readonly bundles: readonly { readonly dir: string; readonly pages: number }[];
  readonly reference: {
    readonly dir: string;
    readonly pages: number;
    /** Pagefind CLI's wall time and peak memory for the reference; not part of our build's figures. */
    readonly index_s: number;
    readonly peak_rss_mib: number;
  };
  /** Results whose data was loaded per query, in both configurations (their fragments are counted). */
  readonly top: number;
  /**
   * Bundle-level files among the first query's bytes: pagefind.js, its worker, each bundle's entry,
   * meta and wasm (everything outside index/, filter/ and fragment/). Classified by file rather than
   * by time, because Pagefind's worker may still be fetching them after init() has resolved.
   */
  readonly startup_bytes: { readonly ours: number; readonly single: number };
  readonly rows: readonly SearchRow[];
  readonly targets: {
    readonly first_query_bytes: { readonly limit: number; readonly ratio: number | null; readonly pass: boolean };
    readonly later_query_bytes: {
      readonly limit: number;
      readonly worst_ratio: number | null;
      readonly pass: boolean;
    };
    readonly counts_equal: { readonly pass: boolean; readonly mismatched: readonly string[] };
    /** `worst`: the query whose top results overlap least (as a share of top_of). */
    readonly top_overlap: {
      readonly min: number;
      readonly worst: { readonly query: string; readonly overlap: number; readonly of: number } | null;
      readonly pass: boolean;
    };
  };
  /** Every target met. */
  readonly pass: boolean;
}

export async function readBenchQueries(corpusDir: string): Promise<BenchQueries> {
  return JSON.parse(await readFile(path.join(corpusDir, QUERIES_FILE), "utf8")) as BenchQueries;
}

/** The fixed query sequence; the typical query (medium word, no filter) first. */
export function querySpecs(q: BenchQueries): QuerySpec[] {
  const filterSets: [string, Record<string, string>][] = [
    ["", {}],
    [" type=Brief", { type: "Brief" }],
    [" actor", { actor: q.actor }],
  ];
  const words: [string, string][] = [
    [TYPICAL_QUERY, q.medium],
    ["rare", q.rare],
    ["common", q.common],
  ];
  const specs = filterSets.flatMap(([suffix, filters]) =>
    words.map(([label, term]) => ({ label: label + suffix, term, filters })),
  );
  specs.push({ label: "common type=Brief actor", term: q.common, filters: { type: "Brief", actor: q.actor } });
  return specs;
}

/** Pagefind's CLI over the site into `pagefind-single/`, as one bundle. */
async function buildReference(siteDir: string, language: string | undefined, logFile: string) {
  await rm(path.join(siteDir, REFERENCE_DIR), { recursive: true, force: true });
  const run = await runMeasured(
    path.join(REPO_ROOT, "node_modules", ".bin", "pagefind"),
    ["--site", siteDir, "--output-subdir", REFERENCE_DIR, ...(language ? ["--force-language", language] : [])],
    { cwd: REPO_ROOT, logFile },
  );
  if (!run.ok) throw new Error(`pagefind --site for the single-index reference failed (exit ${run.exitCode})`);
  return run;
}

/** One query's figures; `startup` (each configuration's start-up traffic) is added to the first query's. */
function compareRow(
  spec: QuerySpec,
  ours: QueryRun,
  single: QueryRun,
  startup: { ours: Traffic; single: Traffic } | null,
) {
  const bytesOurs = ours.bytes + (startup?.ours.bytes ?? 0);
  const bytesSingle = single.bytes + (startup?.single.bytes ?? 0);
  const limit = startup ? FIRST_QUERY_LIMIT : LATER_QUERY_LIMIT;
  const ourTop = new Set(ours.top);
  const topOf = Math.min(TOP, single.top.length);
  const overlap = single.top.filter((url) => ourTop.has(url)).length;
  return {
    query: spec.label,
    term: spec.term,
    filters: spec.filters,
    bytes_ours: bytesOurs,
    bytes_single: bytesSingle,
    bytes_ratio: bytesSingle > 0 ? bytesOurs / bytesSingle : null,
    bytes_limit: limit,
    bytes_pass: bytesOurs <= limit * bytesSingle,
    requests_ours: ours.requests + (startup?.ours.requests ?? 0),
    requests_single: single.requests + (startup?.single.requests ?? 0),
    count_ours: ours.count,
    count_single: single.count,
    count_equal: ours.count === single.count,
    top_overlap: overlap,
    top_of: topOf,
    overlap_pass: overlap >= Math.min(MIN_TOP_OVERLAP, topOf),
  } satisfies SearchRow;
}

const maxOf = (values: readonly (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.max(...known) : null;
};

function worstOverlap(rows: readonly SearchRow[]) {
  const share = (r: SearchRow) => (r.top_of === 0 ? 1 : r.top_overlap / r.top_of);
  const worst = rows.reduce<SearchRow | null>((w, r) => (w === null || share(r) < share(w) ? r : w), null);
  return worst && { query: worst.query, overlap: worst.top_overlap, of: worst.top_of };
}

export interface CompareOptions {
  readonly siteDir: string;
  readonly queries: BenchQueries;
  /** Output of the reference Pagefind run goes here. */
  readonly logFile: string;
  /** A browser to reuse; one is launched (and closed) otherwise. */
  readonly browser?: Browser;
}

/** What the search page searches through (public/search/pagefind.js); the reference uses Pagefind's own. */
const SEARCH_PAGE_MODULE = "/search/pagefind.js";

export async function compareSearch(options: CompareOptions): Promise<SearchComparison> {
  const { siteDir } = options;
  const bundles = await findBundles(siteDir);
  const primary = bundles[0];
  if (!primary) throw new Error(`no pagefind*/pagefind-entry.json in ${siteDir}`);
  const language = primary.languages.length === 1 ? primary.languages[0] : undefined;
  const reference = await buildReference(siteDir, language, options.logFile);
  const referenceEntry = await readEntry(siteDir, REFERENCE_DIR);

  const specs = querySpecs(options.queries);
  const server = await serveCounting(siteDir);
  const browser = options.browser ?? (await launchChromium());
  try {
    const ours = await runConfiguration(
      browser,
      server,
      bundles.map((b) => `/${b.dir}/`),
      specs,
      SEARCH_PAGE_MODULE,
    );
    const single = await runConfiguration(browser, server, [`/${REFERENCE_DIR}/`], specs);
    const startup = { ours: ours.startup, single: single.startup };
    const startupFiles = (run: ConfigurationRun) =>
      [...run.startup.fetched, ...(run.queries[0]?.fetched ?? [])]
        .filter((f) => !/\/(index|filter|fragment)\/[^/]+$/.test(f.path))
        .reduce((n, f) => n + f.bytes, 0);
    const rows = specs.map((spec, i) =>
      compareRow(spec, ours.queries[i]!, single.queries[i]!, i === 0 ? startup : null),
    );
    const [first, ...later] = rows;
    const targets = {
      first_query_bytes: {
        limit: FIRST_QUERY_LIMIT,
        ratio: first?.bytes_ratio ?? null,
        pass: first?.bytes_pass ?? false,
      },
      later_query_bytes: {
        limit: LATER_QUERY_LIMIT,
        worst_ratio: maxOf(later.map((r) => r.bytes_ratio)),
        pass: later.every((r) => r.bytes_pass),
      },
      counts_equal: {
        pass: rows.every((r) => r.count_equal),
        mismatched: rows.filter((r) => !r.count_equal).map((r) => r.query),
      },
      top_overlap: { min: MIN_TOP_OVERLAP, worst: worstOverlap(rows), pass: rows.every((r) => r.overlap_pass) },
    };
    return {
      bundles: bundles.map((b) => ({ dir: b.dir, pages: b.pages })),
      reference: {
        dir: REFERENCE_DIR,
        pages: referenceEntry.pages,
        index_s: reference.seconds,
        peak_rss_mib: reference.peakRssMib,
      },
      top: TOP,
      startup_bytes: { ours: startupFiles(ours), single: startupFiles(single) },
      rows,
      targets,
      pass: Object.values(targets).every((t) => t.pass),
    };
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
  }
}

/** `query_bytes`: the typical query's bytes in a fresh browser, start-up included, with our bundles. */
export const queryBytes = (c: SearchComparison): number | null =>
  c.rows.find((r) => r.query === TYPICAL_QUERY)?.bytes_ours ?? null;
