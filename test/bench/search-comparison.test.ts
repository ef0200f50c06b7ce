/**
 * The benchmark's search comparison on a tiny built corpus: our bundles merged in Chromium against
 * one single index, as bench/run.ts runs it after our build. The benchmark itself never runs here.
 */
import assert from "node:assert/strict";
import { readdir, readFile, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { generateCorpus, writeCorpus, type BenchQueries } from "../../bench/corpus/generate-corpus.ts";
import { formatSearchTable } from "../../bench/results-table.ts";
import { hasChromium, launchChromium, TOP } from "../../bench/search/browser-queries.ts";
import { pageUrl, splitIndex } from "../../bench/search/hash-split.ts";
import { compareSearch, queryBytes, querySpecs, type SearchComparison } from "../../bench/search/search-comparison.ts";
import { buildSite } from "../../src/pipeline.ts";
import { wordsOf } from "../../src/search/vocabulary.ts";

describe("search comparison: our bundles against one single index", { skip: !hasChromium() && "no Chromium" }, () => {
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
    const built = await buildSite({
      contentDir: path.join(dir, "corpus"),
      outDir: site,
      pathPrefix: "/",
      includeDrafts: false,
    });
    assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test("one bundle against the same pages as one index: the same bytes, counts and top 10", async () => {
    // Proves the measurement is symmetric: the same pages indexed twice give the same figures (the
    // Node API and the CLI write byte-for-byte slightly different files, hence the 2 % slack).
    await splitIndex(site, { k: 1 });
    const c = await compare();
    assert.deepEqual(
      c.bundles.map((b) => b.dir),
      ["pagefind"],
    );
    assert.equal(c.bundles[0]!.pages, c.reference.pages);
    // Bytes are compared over the whole sequence: on a loaded machine a lazy fetch of Pagefind's
    // worker can land in the next query's window, which moves bytes between rows, not in total.
    const total = (side: "bytes_ours" | "bytes_single") => c.rows.reduce((n, r) => n + r[side], 0);
    assert.ok(Math.abs(total("bytes_ours") - total("bytes_single")) <= 0.02 * total("bytes_single"), "bytes");
    for (const r of c.rows) {
      assert.equal(r.count_ours, r.count_single, `${r.query}: count`);
      assert.equal(r.top_overlap, r.top_of, `${r.query}: top results`);
    }
    assert.equal(c.pass, true);
  });

  test("a 2-bundle hash split finds the same pages for every query, and the report has its shape", async () => {
    const pages = await splitIndex(site, { k: 2 });
    assert.equal(pages.length, 2);
    assert.ok(
      pages.every((p) => p > 0),
      `both bundles hold pages: ${pages.join(", ")}`,
    );
    const c = await compare();
    assert.deepEqual(
      c.bundles.map((b) => b.dir),
      ["pagefind", "pagefind-2"],
    );
    assert.equal(
      c.bundles.reduce((n, b) => n + b.pages, 0),
      c.reference.pages,
      "every indexed page is in exactly one bundle",
    );

    const specs = querySpecs(queries);
    assert.deepEqual(
      c.rows.map((r) => r.query),
      specs.map((s) => s.label),
    );
    assert.equal(c.rows[0]!.query, "medium");
    assert.deepEqual(c.rows[0]!.filters, {});
    assert.ok(
      c.rows.some((r) => Object.keys(r.filters).length > 0),
      "some queries are filtered",
    );
    // Equal on this corpus. Not a law: Pagefind extends a word to longer words only within the index
    // chunk it loads, and chunk boundaries differ per bundle, so larger splits can differ (and the
    // benchmark reports it).
    for (const r of c.rows) {
      assert.equal(r.count_ours, r.count_single, `${r.query}: ${r.count_ours} results, single index ${r.count_single}`);
      assert.ok(r.top_overlap >= 0 && r.top_overlap <= r.top_of && r.top_of <= TOP, r.query);
      assert.equal(r.bytes_pass, r.bytes_ours <= r.bytes_limit * r.bytes_single, r.query);
    }
    const common = c.rows.find((r) => r.query === "common")!;
    assert.ok(common.count_single >= TOP, `the common word is on many pages: ${common.count_single}`);
    assert.equal(common.top_of, TOP);
    assert.ok(
      common.top_overlap >= 5,
      `our top 10 for the common word is mostly the single index's: ${common.top_overlap}`,
    );
    assert.equal(c.targets.counts_equal.pass, true);
    assert.deepEqual(c.targets.counts_equal.mismatched, []);
    assert.equal(c.targets.first_query_bytes.limit, 1.5);
    assert.equal(c.targets.later_query_bytes.limit, 2);
    assert.equal(c.targets.top_overlap.min, 8);
    assert.equal(
      c.pass,
      Object.values(c.targets).every((t) => t.pass),
    );

    // Start-up is in the first query's bytes: pagefind.js and the wasm at least, and the second bundle's entry.
    const fileSize = async (p: string) => (await stat(path.join(site, p))).size;
    const wasm = (await readdir(path.join(site, "pagefind"))).find((f) => f.startsWith("wasm.en"))!;
    assert.ok(c.startup_bytes.ours >= (await fileSize("pagefind/pagefind.js")) + (await fileSize(`pagefind/${wasm}`)));
    assert.ok(c.startup_bytes.ours > c.startup_bytes.single, "the second bundle's entry and meta cost something");
    assert.equal(queryBytes(c), c.rows[0]!.bytes_ours);
    assert.ok(c.rows[0]!.bytes_ours > c.startup_bytes.ours, "the query itself fetched index chunks and fragments");

    const table = formatSearchTable([{ n: 40, search: c }]);
    assert.match(table, /pagefind-2/);
    assert.equal(table.split("\n").filter((l) => l.startsWith("common type=Brief actor")).length, 1);
  });

  test("a split that loses a page is caught: the counts differ", async () => {
    // The first brief, in URL order, whose page has the common word: leaving it out of our bundles
    // must make the common word's count one short of the single index's.
    const briefs = (await readdir(path.join(site, "briefs"), { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !/^\d+$/.test(e.name))
      .map((e) => e.name)
      .sort();
    let lost: string | undefined;
    for (const b of briefs) {
      const html = await readFile(path.join(site, "briefs", b, "index.html"), "utf8");
      // The words Pagefind indexes: the body without its ignored parts (the head's metadata and the
      // citation notes repeat words the index never sees).
      if (wordsOf(html).has(queries.common.toLowerCase())) {
        lost = pageUrl(path.join("briefs", b, "index.html"));
        break;
      }
    }
    assert.ok(lost, "some brief has the common word");
    await splitIndex(site, { k: 2, skip: (url) => url === lost });
    const c = await compare();
    const common = c.rows.find((r) => r.query === "common")!;
    assert.equal(common.count_single - common.count_ours, 1);
    assert.equal(c.targets.counts_equal.pass, false);
    assert.ok(c.targets.counts_equal.mismatched.includes("common"));
    assert.equal(c.pass, false);
  });
});
