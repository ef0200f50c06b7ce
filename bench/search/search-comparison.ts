/**
 * The search part of the benchmark (issue #16): our index (bundles merged at build time into
 * `pagefind/`) against one single Pagefind index over the same pages, on a fixed sequence of queries.
 *
 * 1. Reference: one Pagefind run over our build's indexed pages, given in URL order, into
 *    `pagefind-single/` (untimed, not part of our build's figures), with the language our index was
 *    forced to (reference-index.ts).
 * 2. Queries: the corpus's rare, medium and common words, each with no filter, with type=Brief and
 *    with actor=<the most frequent actor>, plus the common word with both filters. The medium word
 *    without filters comes first, so its bytes include start-up: that is `query_bytes`.
 * 3. Each configuration runs the whole sequence in a fresh Chromium context (browser-queries.ts);
 *    bytes are counted at the server (counting-server.ts).
 * 4. Targets, per issue #16: every query answers identically (result count, top results' URLs in
 *    order, their excerpts, filter counts), and the first query's bytes, start-up included, are
 *    ≤ 1.05× the single index's. Later queries' bytes are reported, with no bound.
 */
import { readFile, rm } from "node:fs/promises";
import { isDeepStrictEqual } from "node:util";
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
  type FilterCounts,
  type QueryAnswer,
  type QueryRun,
  type QuerySpec,
  type Traffic,
} from "./browser-queries.ts";
import { findBundles, readEntry, REFERENCE_DIR } from "./bundles.ts";
import { serveCounting } from "./counting-server.ts";
import { compareIndexes, type IndexEquality } from "./index-equality.ts";

const REFERENCE_SCRIPT = path.join(REPO_ROOT, "bench", "search", "reference-index.ts");

/** Issue #16: the first query with start-up fetches at most this many times the single index's bytes. */
export const FIRST_QUERY_LIMIT = 1.05;
/** The query whose first-visit bytes (start-up included) are reported as `query_bytes`. */
const TYPICAL_QUERY = "medium";

/**
 * What can differ between two answers to one query, in the order they are reported. `tie order`:
 * the same scores rank by rank, the same results at each score, only results of equal score in
 * another order (Pagefind orders those by page number, so by the order the pages were indexed in).
 */
export type AnswerDifference = "count" | "order" | "tie order" | "excerpts" | "filters";

/** One query, both configurations side by side. Bytes of the first row include start-up. */
export interface SearchRow {
  readonly query: string;
  readonly term: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly bytes_ours: number;
  readonly bytes_single: number;
  /** bytes_ours / bytes_single; null when the single index fetched nothing. */
  readonly bytes_ratio: number | null;
  readonly requests_ours: number;
  readonly requests_single: number;
  readonly count_ours: number;
  readonly count_single: number;
  /** Filter values whose counts were compared (the single index's `search.filters`), e.g. type=Brief. */
  readonly filter_values: number;
  /** What differs from the single index's answer; empty when identical. */
  readonly differences: readonly AnswerDifference[];
  /** The first difference in words (`order: #3 /a/ vs /b/`), or null when identical. */
  readonly first_difference: string | null;
}

export interface SearchComparison {
  /** Our index (one folder since the index stage merges its bundles), with the pages it holds. */
  readonly bundles: readonly { readonly dir: string; readonly pages: number }[];
  readonly reference: {
    readonly dir: string;
    readonly pages: number;
    /** The reference run's wall time and peak memory; not part of our build's figures. */
    readonly index_s: number;
    readonly peak_rss_mib: number;
  };
  /** Our index folder against the single run's, decoded file by file (index-equality.ts). */
  readonly index_files: IndexEquality;
  /** Results whose data was loaded and compared per query, in both configurations. */
  readonly top: number;
  /**
   * Index-level files among the first query's bytes: the search module(s), Pagefind's worker, entry,
   * meta and wasm (everything outside index/, filter/ and fragment/). Classified by file rather than
   * by time, because Pagefind's worker may still be fetching them after init() has resolved.
   */
  readonly startup_bytes: { readonly ours: number; readonly single: number };
  readonly rows: readonly SearchRow[];
  readonly targets: {
    /** Every query answered as the single index answers it; `differing`: the queries that did not. */
    readonly identical: {
      readonly pass: boolean;
      readonly differing: readonly { readonly query: string; readonly differences: readonly AnswerDifference[] }[];
    };
    readonly first_query_bytes: { readonly limit: number; readonly ratio: number | null; readonly pass: boolean };
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

/**
 * One Pagefind run over the site's indexed pages, in URL order, into `pagefind-single/`
 * (reference-index.ts says why that order), in a process of its own so that its time and peak are measured.
 */
async function buildReference(siteDir: string, language: string | undefined, logFile: string) {
  await rm(path.join(siteDir, REFERENCE_DIR), { recursive: true, force: true });
  const run = await runMeasured(
    process.execPath,
    ["--import", "tsx", REFERENCE_SCRIPT, siteDir, REFERENCE_DIR, ...(language ? [language] : [])],
    { cwd: REPO_ROOT, logFile },
  );
  if (!run.ok) throw new Error(`the single-index reference failed (exit ${run.exitCode}): ${run.stderrTail}`);
  return run;
}

/** The search page's module hands filter values to Pagefind's UI as HTML text; the UI shows them as text. */
const HTML_TEXT: Readonly<Record<string, string>> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
const asText = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => HTML_TEXT[e] ?? e);

function countsAsText(counts: FilterCounts): FilterCounts {
  return Object.fromEntries(
    Object.entries(counts).map(([name, values]) => [
      name,
      Object.fromEntries(Object.entries(values).map(([value, n]) => [asText(value), n])),
    ]),
  );
}

/** The search page's answer with filter values as the text a reader sees, so it compares with Pagefind's own. */
const asShown = (answer: QueryRun): QueryRun => ({
  ...answer,
  filters: countsAsText(answer.filters),
  totalFilters: countsAsText(answer.totalFilters),
});

/** The first filter value whose count differs, in words; null when every count is equal. */
function filterDifference(ours: FilterCounts, single: FilterCounts): string | null {
  for (const name of new Set([...Object.keys(ours), ...Object.keys(single)])) {
    for (const value of new Set([...Object.keys(ours[name] ?? {}), ...Object.keys(single[name] ?? {})])) {
      const a = ours[name]?.[value];
      const b = single[name]?.[value];
      if (a !== b) return `${name}=${value} ${a ?? "absent"} vs ${b ?? "absent"}`;
    }
  }
  return null;
}

/**
 * Whether two top lists hold the same results at the same scores, ordered differently only among
 * equal scores. The lowest score's results may be cut at the end of the list differently.
 */
function onlyTiesDiffer(ours: QueryAnswer, single: QueryAnswer): boolean {
  if (!isDeepStrictEqual(ours.scores, single.scores)) return false;
  const lowest = ours.scores.at(-1);
  const atScore = (a: QueryAnswer, score: number) => a.top.filter((_, i) => a.scores[i] === score).sort();
  return [...new Set(ours.scores)].every(
    (score) => score === lowest || isDeepStrictEqual(atScore(ours, score), atScore(single, score)),
  );
}

/**
 * How our answer to one query differs from the single index's: result count, top URLs in order,
 * excerpts of the results both list (so a reordering is not counted twice), filter counts with
 * and without the query's filters. `first`: the first difference found, in words.
 */
export function answerDifferences(
  ours: QueryAnswer,
  single: QueryAnswer,
): { differences: AnswerDifference[]; first: string | null } {
  const found: [AnswerDifference, string][] = [];
  if (ours.count !== single.count) found.push(["count", `count: ${ours.count} vs ${single.count}`]);
  const at = ours.top.findIndex((url, i) => url !== single.top[i]);
  const orderAt = at === -1 && single.top.length > ours.top.length ? ours.top.length : at;
  if (orderAt !== -1) {
    const ranked = (a: QueryAnswer) => `${a.top[orderAt] ?? "none"} (score ${a.scores[orderAt]?.toFixed(4) ?? "—"})`;
    const kind = onlyTiesDiffer(ours, single) ? "tie order" : "order";
    found.push([kind, `${kind}: #${orderAt + 1} ${ranked(ours)} vs ${ranked(single)}`]);
  }
  const singleExcerpt = new Map(single.top.map((url, i) => [url, single.excerpts[i]]));
  const excerptAt = ours.top.findIndex(
    (url, i) => singleExcerpt.has(url) && singleExcerpt.get(url) !== ours.excerpts[i],
  );
  if (excerptAt !== -1) found.push(["excerpts", `excerpts: ${ours.top[excerptAt]} differs`]);
  const filters =
    filterDifference(ours.filters, single.filters) ??
    filterDifference(ours.totalFilters, single.totalFilters)?.replace(/^/, "unfiltered ") ??
    null;
  if (filters !== null) found.push(["filters", `filters: ${filters}`]);
  return { differences: found.map(([d]) => d), first: found[0]?.[1] ?? null };
}

/** One query's figures; `startup` (each configuration's start-up traffic) is added to the first query's. */
function compareRow(
  spec: QuerySpec,
  ours: QueryRun,
  single: QueryRun,
  startup: { ours: Traffic; single: Traffic } | null,
): SearchRow {
  const bytesOurs = ours.bytes + (startup?.ours.bytes ?? 0);
  const bytesSingle = single.bytes + (startup?.single.bytes ?? 0);
  const { differences, first } = answerDifferences(ours, single);
  return {
    query: spec.label,
    term: spec.term,
    filters: spec.filters,
    bytes_ours: bytesOurs,
    bytes_single: bytesSingle,
    bytes_ratio: bytesSingle > 0 ? bytesOurs / bytesSingle : null,
    requests_ours: ours.requests + (startup?.ours.requests ?? 0),
    requests_single: single.requests + (startup?.single.requests ?? 0),
    count_ours: ours.count,
    count_single: single.count,
    filter_values: Object.values(single.filters).reduce((n, values) => n + Object.keys(values).length, 0),
    differences,
    first_difference: first,
  };
}

/** Issue #16's search targets over the rows: every answer identical, the first query's bytes within the limit. */
export function searchTargets(rows: readonly SearchRow[]): SearchComparison["targets"] {
  const differing = rows
    .filter((r) => r.differences.length > 0)
    .map((r) => ({ query: r.query, differences: r.differences }));
  const ratio = rows[0]?.bytes_ratio ?? null;
  return {
    identical: { pass: rows.length > 0 && differing.length === 0, differing },
    first_query_bytes: { limit: FIRST_QUERY_LIMIT, ratio, pass: ratio !== null && ratio <= FIRST_QUERY_LIMIT },
  };
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
  const index = bundles[0];
  if (!index) throw new Error(`no pagefind*/pagefind-entry.json in ${siteDir}`);
  // The search page loads one index (pagefind/); a second folder would be something it never searches.
  if (bundles.length > 1) throw new Error(`one index expected, found ${bundles.map((b) => b.dir).join(", ")}`);
  const language = index.languages.length === 1 ? index.languages[0] : undefined;
  const reference = await buildReference(siteDir, language, options.logFile);
  const referenceEntry = await readEntry(siteDir, REFERENCE_DIR);
  const indexFiles = await compareIndexes(path.join(siteDir, index.dir), path.join(siteDir, REFERENCE_DIR));

  const specs = querySpecs(options.queries);
  const server = await serveCounting(siteDir);
  const browser = options.browser ?? (await launchChromium());
  try {
    const ours = await runConfiguration(browser, server, `/${index.dir}/`, specs, SEARCH_PAGE_MODULE);
    const single = await runConfiguration(browser, server, `/${REFERENCE_DIR}/`, specs);
    const startup = { ours: ours.startup, single: single.startup };
    const startupFiles = (run: ConfigurationRun) =>
      [...run.startup.fetched, ...(run.queries[0]?.fetched ?? [])]
        .filter((f) => !/\/(index|filter|fragment)\/[^/]+$/.test(f.path))
        .reduce((n, f) => n + f.bytes, 0);
    const rows = specs.map((spec, i) =>
      compareRow(spec, asShown(ours.queries[i]!), single.queries[i]!, i === 0 ? startup : null),
    );
    const targets = searchTargets(rows);
    return {
      bundles: bundles.map((b) => ({ dir: b.dir, pages: b.pages })),
      reference: {
        dir: REFERENCE_DIR,
        pages: referenceEntry.pages,
        index_s: reference.seconds,
        peak_rss_mib: reference.peakRssMib,
      },
      index_files: indexFiles,
      top: TOP,
      startup_bytes: { ours: startupFiles(ours), single: startupFiles(single) },
      rows,
      targets,
      pass: targets.identical.pass && targets.first_query_bytes.pass && indexFiles.differing_count === 0,
    };
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
  }
}

/** `query_bytes`: the typical query's bytes in a fresh browser, start-up included, with our index. */
export const queryBytes = (c: SearchComparison): number | null =>
  c.rows.find((r) => r.query === TYPICAL_QUERY)?.bytes_ours ?? null;
