/**
 * Runs a fixed sequence of searches in Chromium against one search configuration (a Pagefind
 * index, searched through its own pagefind.js or the search page's module) and records what each
 * query answered (count, top results in order, their excerpts, filter counts) and the bytes it fetched.
 *
 * Everything happens in one fresh browser context, as a first-time visitor would: start from an
 * empty page, import the search module, init, load the filters as Pagefind's UI does, then run each query in order in that same context,
 * so later queries reuse what earlier ones loaded. For each query the top `TOP` results' data is
 * loaded (that is when Pagefind fetches fragments), as a results list would; the same number for
 * every configuration.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { BLANK_PATH, type CountingServer, type Fetched } from "./counting-server.ts";

/** Results whose data (URL, excerpt) is loaded and compared per query. */
export const TOP = 10;

/** The same Chromium and flags as the browser tests (test/helpers/browser.ts). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = (): boolean => existsSync(CHROMIUM);
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });

export interface QuerySpec {
  /** Short name for tables: `medium`, `common type=Brief`. */
  readonly label: string;
  readonly term: string;
  readonly filters: Readonly<Record<string, string>>;
}

export interface Traffic {
  readonly bytes: number;
  readonly requests: number;
  readonly fetched: readonly Fetched[];
}

/** Filter name → value → number of results, as Pagefind's UI shows them. */
export type FilterCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** What one query answered, as a results list and Pagefind's UI would show it. */
export interface QueryAnswer {
  /** `results.length`: every match, not only the loaded ones. */
  readonly count: number;
  /** URLs of the top TOP results, best first. */
  readonly top: readonly string[];
  /** Their scores, in the same order: results of equal score are ordered by page number. */
  readonly scores: readonly number[];
  /** Their excerpts, in the same order. */
  readonly excerpts: readonly string[];
  /** `search.filters`: per filter value, the results it would leave with this query's filters. */
  readonly filters: FilterCounts;
  /** `search.totalFilters`: the same without this query's filters. */
  readonly totalFilters: FilterCounts;
}

export interface QueryRun extends Traffic, QueryAnswer {}

export interface ConfigurationRun {
  /**
   * Import, options, init, filters (as Pagefind's UI starts). Pagefind's worker may fetch some of
   * its start-up files (entry, meta, wasm) only after init() resolved, so they can land in the
   * first query's traffic instead: only the sum of the two is meaningful.
   */
  readonly startup: Traffic;
  readonly queries: readonly QueryRun[];
}

const traffic = (fetched: readonly Fetched[]): Traffic => ({
  bytes: fetched.reduce((n, f) => n + f.bytes, 0),
  requests: fetched.length,
  fetched,
});

// Browser-side code is sent as text so that no TypeScript transform can reach into it.
const STARTUP = `async ({ module }) => {
  const pf = await import(module);
  await pf.options({ baseUrl: "/" });
  await pf.init();
  // As Pagefind's UI does on start: loads every filter, so each search answers with filter counts.
  await pf.filters();
  window.__benchPagefind = pf;
}`;
const QUERY = `async ({ term, filters, top }) => {
  const search = await window.__benchPagefind.search(term, { filters });
  const data = await Promise.all(search.results.slice(0, top).map((r) => r.data()));
  return {
    count: search.results.length,
    top: data.map((d) => d.url),
    scores: search.results.slice(0, top).map((r) => r.score),
    excerpts: data.map((d) => d.excerpt),
    filters: search.filters ?? {},
    totalFilters: search.totalFilters ?? {},
  };
}`;

/**
 * `bundle`: the site path of the index (`/pagefind/`). `module`: the site path of the module
 * searched through: the search page's (`/search/pagefind.js`) or, by default, the index's own
 * `pagefind.js`. The server must serve the site at `/`; its byte count is taken over by this function.
 */
export async function runConfiguration(
  browser: Browser,
  server: CountingServer,
  bundle: string,
  queries: readonly QuerySpec[],
  module?: string,
): Promise<ConfigurationRun> {
  const context = await browser.newContext();
  const errors: string[] = [];
  context.on("weberror", (e) => errors.push(e.error().message));
  const page = await context.newPage();
  const call = async <T>(fn: string, arg: unknown): Promise<T> => {
    try {
      return (await page.evaluate(`(${fn})(${JSON.stringify(arg)})`)) as T;
    } catch (e) {
      const pageErrors = errors.length ? ` (page errors: ${errors.join("; ")})` : "";
      throw new Error(`${e instanceof Error ? e.message : String(e)}${pageErrors}`, { cause: e });
    }
  };
  try {
    await page.goto(server.origin + BLANK_PATH);
    await server.idle();
    server.take();

    await call(STARTUP, { module: module ?? `${bundle}pagefind.js` });
    await server.idle();
    const startup = traffic(server.take());

    const runs: QueryRun[] = [];
    for (const q of queries) {
      const result = await call<QueryAnswer>(QUERY, {
        term: q.term,
        filters: q.filters,
        top: TOP,
      });
      await server.idle();
      runs.push({ ...result, ...traffic(server.take()) });
    }
    return { startup, queries: runs };
  } finally {
    await context.close();
  }
}
