/**
 * Runs a fixed sequence of searches in Chromium against one search configuration (a primary
 * Pagefind bundle plus any bundles merged into it) and counts the bytes each step fetched.
 *
 * Everything happens in one fresh browser context, as a first-time visitor would: start from an
 * empty page, import the search module (the primary bundle's pagefind.js, or the search page's), merge the others, init, then run each query
 * in order in that same context, so later queries reuse what earlier ones loaded. For each query
 * the top `TOP` results' data is loaded (that is when Pagefind fetches fragments), as a results
 * list would; the same number for every configuration.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { BLANK_PATH, type CountingServer, type Fetched } from "./counting-server.ts";

/** Results whose data (URL, fragment) is loaded per query, and the depth of the overlap check. */
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

export interface QueryRun extends Traffic {
  /** `results.length`: every match, not only the loaded ones. */
  readonly count: number;
  /** URLs of the top TOP results, best first. */
  readonly top: readonly string[];
}

export interface ConfigurationRun {
  /**
   * Import, options, mergeIndex for each other bundle, init. Pagefind's worker may fetch some of
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
const STARTUP = `async ({ module, merged }) => {
  const pf = await import(module);
  await pf.options({ baseUrl: "/" });
  for (const path of merged) await pf.mergeIndex(path);
  await pf.init();
  window.__benchPagefind = pf;
}`;
const QUERY = `async ({ term, filters, top }) => {
  const search = await window.__benchPagefind.search(term, { filters });
  const data = await Promise.all(search.results.slice(0, top).map((r) => r.data()));
  return { count: search.results.length, top: data.map((d) => d.url) };
}`;

/**
 * `bundles`: site paths of the bundles, primary first (`/pagefind/`, `/pagefind-2/`, …).
 * `module`: the site path of the module searched through: the search page's
 * (`/search/pagefind.js`, which leaves out the bundles' vocabulary pages) or, by default, the
 * primary bundle's own `pagefind.js`. The server must serve the site at `/`; its byte count is
 * taken over by this function.
 */
export async function runConfiguration(
  browser: Browser,
  server: CountingServer,
  bundles: readonly string[],
  queries: readonly QuerySpec[],
  module?: string,
): Promise<ConfigurationRun> {
  const [primary, ...merged] = bundles;
  if (!primary) throw new Error("no Pagefind bundle to search");
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

    await call(STARTUP, { module: module ?? `${primary}pagefind.js`, merged });
    await server.idle();
    const startup = traffic(server.take());

    const runs: QueryRun[] = [];
    for (const q of queries) {
      const result = await call<{ count: number; top: string[] }>(QUERY, {
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
