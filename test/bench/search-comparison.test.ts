/**
 * The benchmark's search comparison on a tiny built corpus: our index (bundles merged at build time)
 * against one single index in Chromium, as bench/run.ts runs it after our build, held to issue
 * #16's bar (identical counts, order, excerpts and filter counts; first query ≤ 1.05× the bytes).
 * The benchmark itself never runs here.
 */
import assert from "node:assert/strict";
import { cp, readdir, mkdtemp, realpath, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { generateCorpus, writeCorpus, type BenchQueries } from "../../bench/corpus/generate-corpus.ts";
import { formatSearchTable } from "../../bench/results-table.ts";
import { hasChromium, launchChromium, TOP, type QueryAnswer } from "../../bench/search/browser-queries.ts";
import { runMeasured } from "../../bench/measured-process.ts";
import { PRIMARY_DIR } from "../../bench/search/bundles.ts";
import {
  answerDifferences,
  compareSearch,
  FIRST_QUERY_LIMIT,
  queryBytes,
  querySpecs,
  type SearchComparison,
} from "../../bench/search/search-comparison.ts";
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

describe("what differs between two answers to one query", () => {
  const single: QueryAnswer = {
    count: 4,
    top: ["/briefs/a/", "/briefs/b/", "/briefs/c/", "/articles/d/"],
    scores: [2.5, 1.5, 1.5, 0.5],
    excerpts: ["a <mark>thot</mark>", "b <mark>thot</mark>", "c <mark>thot</mark>", "d <mark>thot</mark>"],
    filters: { type: { Brief: 3, Article: 1 } },
    totalFilters: { type: { Brief: 3, Article: 1 } },
  };
  const swap = <T>(list: readonly T[], i: number, j: number) =>
    list.map((v, k) => (k === i ? list[j]! : k === j ? list[i]! : v));

  test("the same answer is identical", () => {
    assert.deepEqual(answerDifferences({ ...single }, single), { differences: [], first: null });
  });

  test("results of equal score in another order: tie order; of different scores: order", () => {
    const tied = { ...single, top: swap(single.top, 1, 2), excerpts: swap(single.excerpts, 1, 2) };
    assert.deepEqual(answerDifferences(tied, single), {
      differences: ["tie order"],
      first: "tie order: #2 /briefs/c/ (score 1.5000) vs /briefs/b/ (score 1.5000)",
    });
    const moved = { ...single, top: swap(single.top, 0, 1), excerpts: swap(single.excerpts, 0, 1) };
    assert.deepEqual(answerDifferences(moved, single).differences, ["order"]);
  });

  test("an excerpt is compared by result, a filter count by value", () => {
    const excerpt = { ...single, excerpts: single.excerpts.with(2, "c thot") };
    assert.deepEqual(answerDifferences(excerpt, single), {
      differences: ["excerpts"],
      first: "excerpts: /briefs/c/ differs",
    });
    const counts = { ...single, count: 5, totalFilters: { type: { Brief: 4, Article: 1 } } };
    assert.deepEqual(answerDifferences(counts, single), {
      differences: ["count", "filters"],
      first: "count: 5 vs 4",
    });
  });
});

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

    test("the build's index, merged from bundles, against one Pagefind run: identical answers, the same bytes", async () => {
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
      // Identical answers, order included: the reference is given the pages in URL order, the
      // order the merge numbers them in, so even results of equal score rank alike.
      for (const r of c.rows) {
        assert.equal(r.count_ours, r.count_single, `${r.query}: count`);
        assert.deepEqual(r.differences, [], `${r.query}: ${r.first_difference}`);
      }
      assert.equal(c.targets.identical.pass, true);
      // And the index files themselves, decoded, are the single run's.
      assert.equal(c.index_files.differing_count, 0, c.index_files.differing.join(", "));
      assert.ok(c.index_files.files > c.reference.pages, `every fragment compared: ${c.index_files.files} files`);
      assert.equal(c.pass, true);
      assert.ok(
        c.rows.every((r) => r.filter_values > 2),
        "every query answered with filter counts (type and actor values) to compare",
      );
      assert.equal(c.targets.first_query_bytes.limit, FIRST_QUERY_LIMIT);
      assert.equal(c.targets.first_query_bytes.pass, true, `first query ${c.targets.first_query_bytes.ratio}×`);

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
      // Start-up is in the first query's bytes: pagefind.js and the wasm at least.
      const fileSize = async (p: string) => (await stat(path.join(site, p))).size;
      const wasm = (await readdir(path.join(site, "pagefind"))).find((f) => f.startsWith("wasm.en"))!;
      assert.ok(
        c.startup_bytes.ours >= (await fileSize("pagefind/pagefind.js")) + (await fileSize(`pagefind/${wasm}`)),
      );
      assert.equal(queryBytes(c), c.rows[0]!.bytes_ours);
      const table = formatSearchTable([{ n: 40, search: c }]);
      assert.match(table, /^common type=Brief actor .* identical$/m);
      assert.match(table, /^index files equal to the single run's, decoded: yes \(\d+ files\)$/m);
      assert.match(
        table,
        /answers identical \(count, order, excerpts, filter counts\): (yes|NO \(.+\)); first query ≤1\.05×/,
      );
    });

    test("an index that loses a page is caught: its count, its order and its filter counts differ", async () => {
      // The first result for the common word, left out of a re-index of the site into pagefind/
      // (Pagefind over a copy without that page): the common word answers one result short, with
      // another first result, and the Brief/Article counts beside it are one short too.
      const lost = await firstResult(site, queries.common);
      const copy = path.join(dir, "site-without-one-page");
      // The build's output folder is a link to its last build: copy what it points to, not the link.
      await cp(await realpath(site), copy, {
        recursive: true,
        filter: (src) => !path.basename(src).startsWith(PRIMARY_DIR),
      });
      await rm(path.join(copy, lost, "index.html"));
      await rm(path.join(site, PRIMARY_DIR), { recursive: true });
      const pagefind = path.resolve(import.meta.dirname, "../../node_modules/.bin/pagefind");
      const args = ["--site", copy, "--output-path", path.join(site, PRIMARY_DIR), "--force-language", "en"];
      const run = await runMeasured(pagefind, args, { logFile: path.join(dir, "log.txt") });
      assert.equal(run.ok, true, run.stderrTail);

      const c = await compare();
      const common = c.rows.find((r) => r.query === "common")!;
      assert.equal(common.count_single - common.count_ours, 1);
      assert.deepEqual(common.differences, ["count", "order", "filters"]);
      assert.equal(common.first_difference, `count: ${common.count_ours} vs ${common.count_single}`);
      assert.equal(c.targets.identical.pass, false);
      assert.ok(c.targets.identical.differing.some((d) => d.query === "common"));
      // The lost page's fragment is missing from ours, and the word lists and filters differ.
      assert.ok(
        c.index_files.differing.some((f) => f.endsWith("(only the single run's)")),
        c.index_files.differing.join(),
      );
      assert.ok(c.index_files.differing.includes("filter/*"), c.index_files.differing.join());
      assert.equal(c.pass, false);
      assert.match(formatSearchTable([{ n: 40, search: c }]), /^common .*DIFFERS \(count: /m);
      assert.match(
        formatSearchTable([{ n: 40, search: c }]),
        /^index files equal to the single run's, decoded: NO, \d+ differ/m,
      );
    });
  },
);
