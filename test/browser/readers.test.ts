/**
 * What a reader notices on the brief, actor and timeline pages, in Debian's Chromium against the
 * site built from content/ with the real Eleventy and Pagefind, under a GitHub Pages path prefix:
 * citations open their paragraph in place (click and Enter, one tab stop per group, 24 px targets),
 * no page scrolls sideways at 320 px, and no page but search carries a script.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { bundledSite, type BundledSite } from "../helpers/bundled-site.ts";
import type { StaticSite } from "../helpers/static-server.ts";

const PREFIX = "/briefbook/";
/** The brief citing two sources, several paragraphs per group. */
const BRIEF = "/briefs/us-uk-intelligence-rift-what-the-sources-say/";

let served: BundledSite;
let site: StaticSite;
let browser: Browser;

before(async () => {
  served = await bundledSite("readers", PREFIX);
  ({ site, browser } = served);
});

after(() => served?.close());

async function open(sitePath: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(site.url(sitePath));
  return page;
}

/** The text of the popover a citation button opens, once it is open (null while closed). */
const openPopoverText = (page: Page, target: string) =>
  page.evaluate((id) => {
    const pop = document.getElementById(id);
    return pop?.matches(":popover-open") ? (pop.textContent ?? "") : null;
  }, target);

describe("citations on a brief", () => {
  test("a click opens the cited paragraph's text in place, with a link to the paragraph; Escape closes it", async () => {
    const page = await open(BRIEF);
    const button = page.locator(".body button.cite").first();
    const target = (await button.getAttribute("popovertarget"))!;
    assert.equal(await openPopoverText(page, target), null);
    await button.click();
    const text = await openPopoverText(page, target);
    assert.ok(text && text.length > 80, `the paragraph's text is shown: ${text}`);
    const link = page.locator(`#${target} a[href*="/articles/"]`).first();
    assert.match((await link.getAttribute("href"))!, /^\/briefbook\/articles\/[^/]+\/#p\d+$/);
    assert.ok(await link.isVisible());
    await page.keyboard.press("Escape");
    assert.equal(await openPopoverText(page, target), null);
    await page.close();
  });

  test("Enter on a focused citation opens it; each citation group is one tab stop", async () => {
    const page = await open(BRIEF);
    const groups = await page.locator("article .cites").count();
    assert.ok(groups >= 4, `citation groups on the page: ${groups}`);
    const stops: string[] = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const group = el?.closest(".cites");
        return el === document.body || !el
          ? null
          : group
            ? [...document.querySelectorAll(".cites")].indexOf(group)
            : -1;
      });
      if (focused === null) break;
      if (focused >= 0) stops.push(String(focused));
    }
    assert.equal(stops.length, new Set(stops).size, "no group takes two tab stops");
    assert.equal(new Set(stops).size, groups, "every group is reachable by Tab");
    const button = page.locator("article button.cite").first();
    await button.focus();
    await page.keyboard.press("Enter");
    assert.ok(await openPopoverText(page, (await button.getAttribute("popovertarget"))!));
    await page.close();
  });

  test("every citation button is at least 24 × 24 px, and no punctuation is left alone after one", async () => {
    for (const width of [320, 1280]) {
      const page = await open(BRIEF, width);
      const sizes = await page.$$eval("button.cite", (bs) =>
        bs.map((b) => b.getBoundingClientRect()).map((r) => [Math.round(r.width), Math.round(r.height)]),
      );
      assert.ok(sizes.length > 0);
      for (const [w, h] of sizes) assert.ok(w! >= 24 && h! >= 24, `${w} × ${h} at ${width} px`);
      const orphans = await page.$$eval(".body .cites", (groups) =>
        groups.flatMap((g) => {
          const next = g.nextSibling;
          if (!next || next.nodeType !== Node.TEXT_NODE || !/^[.,;:]/.test(next.textContent ?? "")) return [];
          const range = document.createRange();
          range.setStart(next, 0);
          range.setEnd(next, 1);
          const mark = range.getBoundingClientRect();
          const button = g.querySelector("button")!.getBoundingClientRect();
          return mark.top >= button.bottom ? [g.textContent ?? ""] : [];
        }),
      );
      assert.deepEqual(orphans, [], `punctuation wrapped away from its citation at ${width} px`);
      await page.close();
    }
  });
});

describe("the timeline", () => {
  test("lists each event once, those dated only in words under their own heading, citations opening in place", async () => {
    const page = await open("/timeline/", 390);
    const whats = await page.$$eval(".timeline .what", (els) =>
      els.map((e) => (e.firstChild?.textContent ?? "").trim().toLowerCase()),
    );
    assert.ok(whats.length > 0);
    assert.deepEqual(
      whats.filter((w, i) => whats.indexOf(w) !== i),
      [],
      "an event listed twice",
    );
    assert.ok(await page.locator("h2", { hasText: "Dated only in words" }).isVisible());
    const button = page.locator(".timeline button.cite").first();
    await button.click();
    assert.ok(await openPopoverText(page, (await button.getAttribute("popovertarget"))!));
    await page.close();
  });
});

describe("every reader page", () => {
  const PAGES = [BRIEF, "/actors/united-kingdom/", "/timeline/", "/"];

  test("no horizontal scroll at 320 px", async () => {
    for (const p of PAGES) {
      const page = await open(p, 320);
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll <= width, `${p}: ${scroll} px wide in a ${width} px window`);
      await page.close();
    }
  });

  test("no script to run on any built page but the search page", async () => {
    const root = served.outDir;
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith(".html"));
    assert.ok(files.length > 10);
    const withScript: string[] = [];
    for (const f of files) {
      if (f === path.join("search", "index.html")) continue;
      // JSON-LD metadata is data no browser runs; any other script is not allowed.
      if (/<script(?![^>]*type="application\/ld\+json")/i.test(await readFile(path.join(root, f), "utf8")))
        withScript.push(f);
    }
    assert.deepEqual(withScript, []);
  });
});
