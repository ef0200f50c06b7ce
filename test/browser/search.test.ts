/**
 * Search in a real browser: Debian's Chromium against the bundled site built with the real
 * Eleventy and Pagefind, served on 127.0.0.1, at `/` and under a GitHub Pages path prefix, with
 * the index built as one Pagefind bundle and as several (as large sites are), merged at build time.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildSite } from "../../src/pipeline.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveSite, type StaticSite } from "../helpers/static-server.ts";
import { bundledSite, type BundledSite } from "../helpers/bundled-site.ts";

const CONTENT = path.resolve(import.meta.dirname, "../../content");
const CROSS_LINKS = path.resolve(import.meta.dirname, "../fixtures/cross-links");
const RESULT = ".pagefind-ui__result-link";

/**
 * Builds `contentDir` into `outDir`, its search index split into bundles of at most `bundlePages`
 * pages when given (the environment is how a build is told), and checks the split happened.
 */
async function build(contentDir: string, outDir: string, pathPrefix: string, bundlePages?: number): Promise<void> {
  const saved = process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES;
  if (bundlePages === undefined) delete process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES;
  else process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES = String(bundlePages);
  try {
    const built = await buildSite({ contentDir, outDir, pathPrefix, includeDrafts: false });
    assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
  } finally {
    if (saved === undefined) delete process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES;
    else process.env.BRIEFBOOK_SEARCH_BUNDLE_PAGES = saved;
  }
  // However many bundles Pagefind wrote, the site holds one index.
  const indexes = (await readdir(outDir)).filter((d) => d.startsWith("pagefind"));
  assert.deepEqual(indexes, ["pagefind"]);
}

const bundling = (bundlePages?: number) => (bundlePages ? `, split into bundles of ${bundlePages} pages` : "");

/** The count Pagefind announces (“7 results for strikes”) once a search has settled. */
async function announcedCount(page: Page, unlike?: number): Promise<number> {
  const handle = await page.waitForFunction((old) => {
    const m = /^(\d+) results? for/.exec(document.querySelector(".pagefind-ui__message")?.textContent ?? "");
    return m && Number(m[1]) !== old ? m[1] : null;
  }, unlike ?? -1);
  return Number(await handle.jsonValue());
}

const resultLinks = (page: Page) => page.$$eval(RESULT, (as) => as.map((a) => a.getAttribute("href") ?? ""));

/** Every result link, pressing “Load more results” until the whole announced count is shown. */
async function allResultLinks(page: Page, count: number): Promise<string[]> {
  while (await page.$(".pagefind-ui__button")) await page.click(".pagefind-ui__button");
  await page.waitForFunction((n) => document.querySelectorAll(".pagefind-ui__result-link").length === n, count);
  return resultLinks(page);
}

/** The date each result carries for sorting, read from its page ("" when it has none). */
async function datesOf(site: StaticSite, hrefs: readonly string[]): Promise<string[]> {
  return Promise.all(
    hrefs.map(async (href) => {
      const page = await (await fetch(new URL(href, site.origin))).text();
      return /data-pagefind-sort="date">([^<]*)</.exec(page)?.[1] ?? "";
    }),
  );
}

for (const [prefix, bundlePages] of [
  ["/some-repo/", undefined],
  ["/", undefined],
  ["/some-repo/", 5],
  ["/", 5],
] as const) {
  describe(`search on the bundled site under ${prefix}${bundling(bundlePages)}`, () => {
    let dir: string;
    let site: StaticSite;
    let browser: Browser;
    let context: BrowserContext;
    const consoleErrors: string[] = [];
    const outsideRequests: string[] = [];

    before(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "briefbook-browser-"));
      await build(CONTENT, path.join(dir, "_site"), prefix, bundlePages);
      site = await serveSite(path.join(dir, "_site"), prefix);
      browser = await launchBrowser();
      context = await browser.newContext();
      context.on("console", (m) => m.type() === "error" && consoleErrors.push(`${m.text()} (${m.location().url})`));
      context.on(
        "request",
        (r) => !r.url().startsWith(site.origin) && !r.url().startsWith("data:") && outsideRequests.push(r.url()),
      );
    });
    after(async () => {
      await browser?.close();
      await site?.close();
      await rm(dir, { recursive: true, force: true });
    });

    async function search(term: string): Promise<Page> {
      const page = await context.newPage();
      await page.goto(site.url(`/search/?q=${encodeURIComponent(term)}`));
      await page.waitForSelector(RESULT);
      return page;
    }

    test("typing “Rubio” lists his actor page and the briefs quoting him, and the links work", async () => {
      const page = await context.newPage();
      await page.goto(site.url("/search/"));
      await page.fill(".pagefind-ui__search-input", "Rubio");
      await page.waitForSelector(RESULT);
      assert.equal(new URL(page.url()).searchParams.get("q"), "Rubio", "the query is kept in the URL");
      const links = await resultLinks(page);
      for (const p of [
        "actors/marco-rubio/",
        "briefs/rubio-dismisses-intelligence-rift-reports/",
        "briefs/us-uk-intelligence-rift-what-the-sources-say/",
      ]) {
        assert.ok(links.includes(prefix + p), `results should include ${prefix + p}: ${links.join(", ")}`);
      }
      await Promise.all([
        page.waitForURL(`**${prefix}actors/marco-rubio/`),
        page.click(`${RESULT}[href="${prefix}actors/marco-rubio/"]`),
      ]);
      assert.equal(await page.textContent("h1"), "Marco Rubio");
      await page.goBack();
      await page.waitForSelector(RESULT);
      assert.equal(await page.inputValue(".pagefind-ui__search-input"), "Rubio", "back returns to the same search");
      await page.close();
    });

    test("the actor filter “United Kingdom” narrows results to documents naming the UK", async () => {
      // A word some pages use without naming the UK (Venezuela's and Maduro's pages, the Duma's).
      const page = await search("Venezuela");
      const all = await announcedCount(page);
      await page.click(".pagefind-ui__filter-block:has(summary:text-is('Actor')) summary");
      await page.check(
        ".pagefind-ui__filter-block:has(summary:text-is('Actor')) input[type=checkbox][id$='United Kingdom']",
      );
      const count = await announcedCount(page, all);
      assert.ok(count > 0 && count < all, `${all} → ${count}`);
      const narrowed = await allResultLinks(page, count);
      // Every remaining result names the UK: its page carries the actor filter value.
      for (const href of narrowed) {
        const doc = await context.newPage();
        await doc.goto(new URL(href, site.origin).href);
        assert.ok(
          (await doc.$$eval("[data-pagefind-filter=actor]", (s) => s.map((e) => e.textContent))).includes(
            "United Kingdom",
          ),
          `${href} does not name the UK`,
        );
        await doc.close();
      }
      await page.close();
    });

    test("an alias finds the actor: “Britain” → United Kingdom, “OHCHR” → the UN High Commissioner", async () => {
      for (const [term, actor] of [
        ["Britain", "actors/united-kingdom/"],
        ["OHCHR", "actors/un-high-commissioner-for-human-rights/"],
      ] as const) {
        const page = await search(term);
        assert.ok((await resultLinks(page)).includes(prefix + actor), `“${term}” should find ${actor}`);
        await page.close();
      }
    });

    test("the header search box on a brief page leads to results for its query", async () => {
      const page = await context.newPage();
      await page.goto(site.url("/briefs/uk-pauses-caribbean-intelligence-sharing/"));
      assert.equal(
        await page.$('script:not([type="application/ld+json"])'),
        null,
        "brief pages carry no script (JSON-LD is data, not a script)",
      );
      await page.fill("#site-search", "Maduro");
      await Promise.all([page.waitForURL(/\/search\/\?q=Maduro$/), page.press("#site-search", "Enter")]);
      await page.waitForSelector(RESULT);
      assert.ok((await resultLinks(page)).includes(`${prefix}actors/nicolas-maduro/`));
      await page.close();
    });

    test("results are sorted newest first on request, and every result link starts with the prefix", async () => {
      const page = await context.newPage();
      await page.goto(site.url("/search/?q=intelligence&sort=date"));
      await page.waitForSelector(RESULT);
      assert.equal(await page.inputValue("#search-sort"), "date");
      for (const href of await resultLinks(page)) assert.ok(href.startsWith(prefix), href);
      await page.close();
    });

    test("opening the search page downloads no index until a term is typed", async () => {
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on("request", (r) => fetched.push(r.url()));
      await page.goto(site.url("/search/"));
      await page.waitForSelector(".pagefind-ui__search-input");
      await page.waitForTimeout(300);
      assert.deepEqual(
        fetched.filter((u) => /\.pf_(index|fragment)$/.test(u)),
        [],
      );
      await page.close();
    });

    test("no console errors and no request outside the site", () => {
      assert.deepEqual(consoleErrors, []);
      assert.deepEqual(outsideRequests, []);
    });
  });
}

for (const bundlePages of [undefined, 3]) {
  describe(`sorting by date on a fixture whose documents span several days${bundling(bundlePages)}`, () => {
    let dir: string;
    let site: StaticSite;
    let browser: Browser;

    before(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "briefbook-sort-"));
      await build(CROSS_LINKS, path.join(dir, "_site"), "/", bundlePages);
      site = await serveSite(path.join(dir, "_site"), "/");
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
      await rm(dir, { recursive: true, force: true });
    });

    test("“Newest first” lists dated results, and only those, in descending date order", async () => {
      const page = await browser.newPage();
      await page.goto(site.url("/search/?q=strikes&sort=date"));
      const count = await announcedCount(page);
      const dates = await datesOf(site, await allResultLinks(page, count));
      assert.ok(new Set(dates).size >= 3, `several dates to order: ${dates.join(", ")}`);
      assert.ok(!dates.includes(""), `undated pages (actors) are not date-sorted results: ${dates.join(", ")}`);
      assert.deepEqual(dates, [...dates].sort().reverse(), "newest first");
      await page.close();
    });
  });
}

describe("a site split into bundles answers as the same site in one bundle does, under /some-repo/", () => {
  const prefix = "/some-repo/";
  let dir: string;
  let one: StaticSite;
  let split: StaticSite;
  let browser: Browser;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "briefbook-merge-"));
    await build(CROSS_LINKS, path.join(dir, "one"), prefix);
    await build(CROSS_LINKS, path.join(dir, "split"), prefix, 3);
    one = await serveSite(path.join(dir, "one"), prefix);
    split = await serveSite(path.join(dir, "split"), prefix);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await one?.close();
    await split?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** What a reader gets for a search: the announced count, every result link and excerpt, and the filter counts. */
  async function seen(site: StaticSite, query: string, actor?: string) {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}`));
    let count = await announcedCount(page);
    if (actor) {
      const block = ".pagefind-ui__filter-block:has(summary:text-is('Actor'))";
      await page.click(`${block} summary`);
      await page.check(`${block} input[type=checkbox][id$='${actor}']`);
      count = await announcedCount(page, count);
    }
    const links = await allResultLinks(page, count);
    const excerpts = await page.$$eval(".pagefind-ui__result-excerpt", (ps) => ps.map((p) => p.textContent ?? ""));
    // The filter counts from the page's own Pagefind (the panel itself may still show the counts
    // before the search: a race in Pagefind's UI).
    const filters = await page.evaluate(
      async ([q, a]) => {
        const engine = document.getElementById("search-config")?.dataset.engine ?? "";
        const pf = (await import(`${engine}pagefind.js`)) as {
          search(t: string, o: object): Promise<{ filters: Record<string, Record<string, number>> }>;
        };
        return (await pf.search(q!, a ? { filters: { actor: [a] } } : {})).filters;
      },
      [query, actor],
    );
    await page.close();
    // One index: the page asks for nothing outside `pagefind/` but its own module in `search/`.
    const indexFolders = new Set(
      requested.filter((p) => p.includes("pagefind")).map((p) => p.slice(prefix.length).split("/")[0]),
    );
    return {
      count,
      links: [...links].sort(),
      excerpts: excerpts.sort(),
      filters,
      indexFolders: [...indexFolders].sort(),
    };
  }

  test("the same results, excerpts and filter counts for several searches", async () => {
    // Words every bundle held, and words only some did ("Maduro", and "intellig" as typed so far),
    // which bundles searched apart answered with the longest prefix they held.
    for (const query of ["strikes", "Starmer", "memo", "Venezuela", "Maduro", "intellig"]) {
      const expected = await seen(one, query);
      assert.ok(expected.count > 0, query);
      assert.deepEqual(expected.indexFolders, ["pagefind", "search"], query);
      assert.deepEqual(await seen(split, query), expected, query);
    }
  });

  test("the same results and counts with an actor filter", async () => {
    const expected = await seen(one, "strikes", "United Kingdom");
    assert.ok(expected.count > 0);
    assert.deepEqual(await seen(split, "strikes", "United Kingdom"), expected);
  });

  test("the same dates, newest first, when sorted by date", async () => {
    const order = async (site: StaticSite) => {
      const page = await browser.newPage();
      await page.goto(site.url("/search/?q=strikes&sort=date"));
      const dates = await datesOf(site, await allResultLinks(page, await announcedCount(page)));
      await page.close();
      return dates;
    };
    const expected = await order(one);
    assert.deepEqual(expected, [...expected].sort().reverse());
    assert.deepEqual(await order(split), expected);
  });
});

describe("what a search result shows, on the cross-links fixture: its date, in the site's colours", () => {
  let dir: string;
  let site: StaticSite;
  let browser: Browser;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "briefbook-results-"));
    await build(CROSS_LINKS, path.join(dir, "_site"), "/");
    site = await serveSite(path.join(dir, "_site"), "/");
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Every result's tags (“Type: Brief”, “Date: 13 November 2025”) by its link, for a search. */
  async function tagsOf(page: Page, query: string): Promise<Map<string, string[]>> {
    await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}`));
    const links = await allResultLinks(page, await announcedCount(page));
    await page.waitForFunction(
      (n) => document.querySelectorAll(".pagefind-ui__result-tags").length === n,
      links.length,
    );
    const rows = await page.$$eval(".pagefind-ui__result", (results) =>
      results.map((r) => [
        r.querySelector(".pagefind-ui__result-link")?.getAttribute("href") ?? "",
        Array.from(r.querySelectorAll(".pagefind-ui__result-tag"), (t) => t.textContent?.trim() ?? ""),
      ]),
    );
    return new Map(rows as [string, string[]][]);
  }

  test("a brief shows its date, an article its publication, an actor its latest mention, formatted", async () => {
    const page = await browser.newPage();
    const tags = await tagsOf(page, "Venezuela");
    assert.deepEqual(tags.get("/briefs/strikes-response/"), ["Type: Brief", "Date: 13 November 2025"]);
    assert.deepEqual(tags.get("/articles/navy-strikes/"), [
      "Type: Article",
      "Outlet: Coast Gazette",
      "Published: 12 November 2025",
    ]);
    assert.deepEqual(tags.get("/actors/venezuela/"), ["Type: Actor", "Latest mention: 13 November 2025"]);
    for (const [href, list] of tags) assert.ok(!list.some((t) => /\d{4}-\d{2}/.test(t)), `${href}: ${list.join(", ")}`);
    await page.close();
  });

  test("result titles take the site's link colour and heading face, in light and in dark", async () => {
    const seen: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(site.url("/search/?q=strikes"));
      await page.waitForSelector(RESULT);
      // No helper functions inside: tsx would name them with a helper the page does not have.
      const [title, siteLink, background] = await page.evaluate((selector) => {
        const result = getComputedStyle(document.querySelector(selector)!);
        // A link the site styles itself: the note under the results.
        const link = getComputedStyle(document.querySelector("main .more a")!);
        return [
          { color: result.color, font: result.fontFamily },
          { color: link.color },
          getComputedStyle(document.body).backgroundColor,
        ] as const;
      }, RESULT);
      assert.equal(title.color, siteLink.color, `${colorScheme}: result titles in the site's link colour`);
      assert.match(title.font ?? "", /Georgia/, `${colorScheme}: in the site's heading face`);
      seen.push(`${title.color} on ${background}`);
      await context.close();
    }
    assert.deepEqual(seen, ["rgb(31, 79, 181) on rgb(251, 250, 247)", "rgb(143, 179, 255) on rgb(19, 20, 24)"]);
  });
});

describe("search on a phone (375 × 667), on the bundled site", () => {
  let served: BundledSite;
  before(async () => {
    served = await bundledSite("search-phone", "/");
  });
  after(() => served?.close());

  test("the first result starts on the first screen, and every filter is still reached and used by keys", async () => {
    const page = await served.browser.newPage({ viewport: { width: 375, height: 667 } });
    await page.goto(served.site.url("/search/?q=strikes"));
    await page.waitForSelector(RESULT);
    const top = await page.$eval(".pagefind-ui__result", (r) => r.getBoundingClientRect().top);
    assert.ok(top < 667, `the first result starts ${top} px down a 667 px screen`);
    // From the search box, Tab reaches each filter's toggle in turn; Enter opens it, Space ticks a value.
    await page.focus(".pagefind-ui__search-input");
    const names: string[] = [];
    for (let i = 0; i < 12 && names.length < 5; i++) {
      await page.keyboard.press("Tab");
      const name = await page.evaluate(() =>
        document.activeElement?.matches(".pagefind-ui__filter-name") ? document.activeElement.textContent : null,
      );
      if (name) names.push(name.trim());
    }
    assert.deepEqual(names, ["Actor", "Kind", "Outlet", "Type", "Year"]);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    const box = page.locator(".pagefind-ui__filter-block:has(summary:text-is('Year')) input[type=checkbox]").first();
    assert.ok(await box.evaluate((el) => el === document.activeElement), "Tab goes into the open filter");
    assert.ok(await box.isVisible());
    const count = await announcedCount(page);
    await page.keyboard.press("Space");
    assert.ok(await box.isChecked());
    assert.ok((await announcedCount(page, count)) < count, "the ticked filter narrows the results");
    await page.close();
  });
});
