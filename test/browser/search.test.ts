/**
 * Search in a real browser: Debian's Chromium against the bundled site built with the real
 * Eleventy and Pagefind, served on 127.0.0.1, at `/` and under a GitHub Pages path prefix.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildSite } from "../../src/pipeline.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveSite, type StaticSite } from "../helpers/static-server.ts";

const CONTENT = path.resolve(import.meta.dirname, "../../content");
const RESULT = ".pagefind-ui__result-link";

for (const prefix of ["/some-repo/", "/"]) {
  describe(`search on the bundled site under ${prefix}`, () => {
    let dir: string;
    let site: StaticSite;
    let browser: Browser;
    let context: BrowserContext;
    const consoleErrors: string[] = [];
    const outsideRequests: string[] = [];

    before(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "briefbook-browser-"));
      const built = await buildSite({
        contentDir: CONTENT,
        outDir: path.join(dir, "_site"),
        pathPrefix: prefix,
        includeDrafts: false,
      });
      assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
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
    const resultLinks = (page: Page) => page.$$eval(RESULT, (as) => as.map((a) => a.getAttribute("href") ?? ""));

    /** The count Pagefind announces (“7 results for strikes”) once a search has settled. */
    async function announcedCount(page: Page, unlike?: number): Promise<number> {
      const handle = await page.waitForFunction((old) => {
        const m = /^(\d+) results? for/.exec(document.querySelector(".pagefind-ui__message")?.textContent ?? "");
        return m && Number(m[1]) !== old ? m[1] : null;
      }, unlike ?? -1);
      return Number(await handle.jsonValue());
    }

    /** Every result link, pressing “Load more results” until the whole announced count is shown. */
    async function allResultLinks(page: Page, count: number): Promise<string[]> {
      while (await page.$(".pagefind-ui__button")) await page.click(".pagefind-ui__button");
      await page.waitForFunction((n) => document.querySelectorAll(".pagefind-ui__result-link").length === n, count);
      return resultLinks(page);
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
      const page = await search("strikes");
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
      assert.equal(await page.$("script"), null, "brief pages carry no script");
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

describe("sorting by date on a fixture whose documents span several days", () => {
  let dir: string;
  let site: StaticSite;
  let browser: Browser;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "briefbook-sort-"));
    const built = await buildSite({
      contentDir: path.resolve(import.meta.dirname, "../fixtures/cross-links"),
      outDir: path.join(dir, "_site"),
      pathPrefix: "/",
      includeDrafts: false,
    });
    assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
    site = await serveSite(path.join(dir, "_site"), "/");
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test("“Newest first” lists dated results in descending date order", async () => {
    const page = await browser.newPage();
    await page.goto(site.url("/search/?q=strikes&sort=date"));
    await page.waitForSelector(RESULT);
    while (await page.$(".pagefind-ui__button")) await page.click(".pagefind-ui__button");
    const links = await page.$$eval(RESULT, (as) => as.map((a) => a.getAttribute("href") ?? ""));
    const dates: string[] = [];
    for (const href of links) {
      await page.goto(new URL(href, site.origin).href);
      const date = await page.$eval("[data-pagefind-sort=date]", (e) => e.textContent ?? "").catch(() => "");
      if (date) dates.push(date);
    }
    assert.ok(new Set(dates).size >= 3, `several dates to order: ${dates.join(", ")}`);
    assert.deepEqual(dates, [...dates].sort().reverse(), "newest first");
    await page.close();
  });
});
