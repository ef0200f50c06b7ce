/**
 * The benchmark's search comparison on a tiny built corpus: our index (bundles merged at build time)
 * against one single index in Chromium, as bench/run.ts runs it after our build. The benchmark itself never runs here.
 */
import assert from "node:assert/strict";
import { readdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { generateCorpus, writeCorpus, type BenchQueries } from "../../bench/corpus/generate-corpus.ts";
import { formatSearchTable } from "../../bench/results-table.ts";
import { hasChromium, launchChromium, TOP } from "../../bench/search/browser-queries.ts";
import { splitIndex } from "../../bench/search/hash-split.ts";
import { compareSearch, queryBytes, querySpecs, type SearchComparison } from "../../bench/search/search-comparison.ts";
import { buildSite } from "../../src/pipeline.ts";
import { serveSite } from "../helpers/static-server.ts";

/** The URL of the first result for `term` in the site's own index, searched in Node through Pagefind's module. */
async function firstResult(siteDir: string, term: string): Promise<string> {
  const served = await serveSite(siteDir);
  try {
    const pagefind = (await import(pathToFileURL(path.join(siteDir, "pagefind", "pagefind.js")).href)) as {
      options(o: { basePath: string }): Promise<void>;
      search(term: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
    };
    await pagefind.options({ basePath: served.url("/pagefind/") });
    const first = (await pagefind.search(term)).results[0];
    assert.ok(first, `some page has '${term}'`);
    return new URL((await first.data()).url).pathname;
  } finally {
    await served.close();
  }
}

describe(
  "search comparison: our merged index against one single index",
  { skip: !hasChromium() && "no Chromium" },
  () => {
    let dir: string;
    let site: string;
    let queries: BenchQueries;
    let browser: Browser;
    const compare = (): Promise<SearchComparison> =>
      compareSearch({ siteDir: site, queries, logFile: path.join(dir, "log.txt"), browser });

    before(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "briefbook-search-bench-"));
      const corpus = generateCorpus(40, 5);
      queries = corpus.queries;
      await writeCorpus(path.join(dir, "corpus"), corpus);
      site = path.join(dir, "site");
      // Bundles of 30 pages: the build indexes this corpus as several and merges them into one.
      const saved = process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES;
      process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES = "30";
      try {
        const built = await buildSite({
          contentDir: path.join(dir, "corpus"),
          outDir: site,
          pathPrefix: "/",
          includeDrafts: false,
        });
        assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
      } finally {
        if (saved === undefined) delete process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES;
        else process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES = saved;
      }
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await rm(dir, { recursive: true, force: true });
    });

    test("the build's index, merged from bundles, against one Pagefind run: the same counts, top 10 and bytes", async () => {
      const c = await compare();
      assert.deepEqual(
        c.bundles.map((b) => b.dir),
        ["pagefind"],
      );
      assert.ok(c.reference.pages > 30, `several bundles of 30 were merged: ${c.reference.pages} pages`);
      assert.equal(c.bundles[0]!.pages, c.reference.pages);
      // Bytes are compared over the whole sequence: on a loaded machine a lazy fetch of Pagefind's
      // worker can land in the next query's window, which moves bytes between rows, not in total.
      // The merge gzips its files with Node's zlib, Pagefind with its own: within 2 %.
      const total = (side: "bytes_ours" | "bytes_single") => c.rows.reduce((n, r) => n + r[side], 0);
      assert.ok(Math.abs(total("bytes_ours") - total("bytes_single")) <= 0.02 * total("bytes_single"), "bytes");
      for (const r of c.rows) {
        assert.equal(r.count_ours, r.count_single, `${r.query}: count`);
        assert.equal(r.top_overlap, r.top_of, `${r.query}: top results`);
      }
      assert.equal(c.pass, true);

      const specs = querySpecs(queries);
      assert.deepEqual(
        c.rows.map((r) => r.query),
        specs.map((s) => s.label),
      );
      assert.ok(
        c.rows.some((r) => Object.keys(r.filters).length > 0),
        "some queries are filtered",
      );
      const common = c.rows.find((r) => r.query === "common")!;
      assert.ok(common.count_single >= TOP, `the common word is on many pages: ${common.count_single}`);
      assert.deepEqual(c.targets.counts_equal.mismatched, []);
      // Start-up is in the first query's bytes: pagefind.js and the wasm at least.
      const fileSize = async (p: string) => (await stat(path.join(site, p))).size;
      const wasm = (await readdir(path.join(site, "pagefind"))).find((f) => f.startsWith("wasm.en"))!;
      assert.ok(
        c.startup_bytes.ours >= (await fileSize("pagefind/pagefind.js")) + (await fileSize(`pagefind/${wasm}`)),
      );
      assert.equal(queryBytes(c), c.rows[0]!.bytes_ours);
      const table = formatSearchTable([{ n: 40, search: c }]);
      assert.equal(table.split("\n").filter((l) => l.startsWith("common type=Brief actor")).length, 1);
    });

    test("an index that loses a page is caught: the counts differ", async () => {
      // A page with the common word, left out of a re-index of the site: the common word's count
      // must come out one short of the single index's.
      const lost = await firstResult(site, queries.common);
      await splitIndex(site, { k: 1, skip: (url) => url === lost });
      const c = await compare();
      const common = c.rows.find((r) => r.query === "common")!;
      assert.equal(common.count_single - common.count_ours, 1);
      assert.equal(c.targets.counts_equal.pass, false);
      assert.ok(c.targets.counts_equal.mismatched.includes("common"));
      assert.equal(c.pass, false);
    });
  },
);
