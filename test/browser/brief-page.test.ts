/**
 * What a reader notices on a brief page (issue #13), in Debian's Chromium against the site built
 * from content/ with the real Eleventy, under a GitHub Pages path prefix: on a wide screen "On this
 * page" sits beside the brief and stays in view to the end, its links reach every section; related
 * briefs say what they share; a correction is announced right under the header; on a phone the
 * page does not scroll sideways; no brief is as long as the ones issue #13 complained of.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { bundledSite, type BundledSite } from "../helpers/bundled-site.ts";
import type { StaticSite } from "../helpers/static-server.ts";
import { readdir } from "node:fs/promises";
import path from "node:path";

const PREFIX = "/briefbook/";
/** The longest bundled brief: two sources, every section, a correction. */
const BRIEF = "/briefs/us-uk-intelligence-rift-what-the-sources-say/";

let served: BundledSite;
let site: StaticSite;
let browser: Browser;

before(async () => {
  served = await bundledSite("brief-page", PREFIX);
  ({ site, browser } = served);
});

after(() => served?.close());

async function open(sitePath: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(site.url(sitePath));
  return page;
}

/** Whether the whole of the element is inside the window. */
const inView = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= -1 && r.bottom <= window.innerHeight + 1;
  });

describe("a brief on a wide screen", () => {
  test('"On this page" is beside the brief, and still in view at the end of the page', async () => {
    const page = await open(BRIEF, 1280);
    const nav = page.getByRole("navigation", { name: "On this page" });
    assert.ok(await nav.isVisible());
    const [navBox, briefBox] = [await nav.boundingBox(), await page.locator("article.brief").boundingBox()];
    assert.ok(navBox!.x >= briefBox!.x + briefBox!.width, "the nav is in a column right of the brief");
    assert.ok(await inView(page, ".on-this-page"));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    assert.ok(await page.evaluate(() => window.scrollY > 2000), "the page scrolled");
    assert.ok(await inView(page, ".on-this-page"), "the nav is in view at the bottom of the page");
    await page.close();
  });

  test("its links reach each section, in page order", async () => {
    const page = await open(BRIEF, 1280);
    const links = page.locator(".on-this-page a");
    const targets = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    assert.deepEqual(targets, [
      "#updates",
      "#key-points",
      "#summary",
      "#who",
      "#quotes",
      "#events",
      "#related",
      "#sources",
    ]);
    for (let i = 0; i < targets.length; i++) {
      await links.nth(i).click();
      const top = await page.$eval(targets[i]!, (el) => el.getBoundingClientRect().top);
      assert.ok(top >= -1 && top < 700, `${targets[i]} starts on screen after its link (${top} px)`);
      assert.equal(await page.evaluate(() => location.hash), targets[i]);
    }
    await page.close();
  });

  test("the main column keeps a readable measure", async () => {
    const page = await open(BRIEF, 1280);
    const chars = await page.$eval("#summary p", (p) => {
      const ch = document.createElement("span");
      ch.style.width = "1ch";
      ch.style.display = "inline-block";
      p.append(ch);
      const measure = p.getBoundingClientRect().width / ch.getBoundingClientRect().width;
      ch.remove();
      return measure;
    });
    assert.ok(chars >= 60 && chars <= 76, `${chars.toFixed(1)} characters a line`);
    await page.close();
  });
});

describe("related briefs", () => {
  test("each names another brief and what the two share", async () => {
    const page = await open(BRIEF, 1280);
    const items = await page.$$eval("#related ~ .related li", (lis) =>
      lis.map((li) => ({
        href: li.querySelector("a")!.getAttribute("href")!,
        shared: (li.textContent ?? "").split("Shared: ")[1] ?? "",
      })),
    );
    assert.ok(items.length >= 2, `related briefs: ${items.length}`);
    const here = await page.$$eval("#who ~ dl dt a, .topics a", (as) => as.map((a) => a.textContent!.trim()));
    for (const item of items) {
      assert.match(item.href, /^\/briefbook\/briefs\/[^/]+\/$/);
      assert.notEqual(item.href, `/briefbook${BRIEF}`);
      const first = item.shared.split(/,| and \d+ more/)[0]!.trim();
      assert.ok(here.includes(first), `"${first}" is an actor or topic of this brief too`);
      const other = await browser.newPage();
      await other.goto(site.url(item.href.slice("/briefbook".length)));
      const there = await other.$$eval("#who ~ dl dt a, .topics a", (as) => as.map((a) => a.textContent!.trim()));
      assert.ok(there.includes(first), `"${first}" is an actor or topic of ${item.href}`);
      await other.close();
    }
    await page.close();
  });
});

describe("a corrected brief", () => {
  test("its updates log comes right after the header, before the key points", async () => {
    const page = await open(BRIEF, 375);
    const after = await page.$eval("section:has(> #updates)", (s) => s.previousElementSibling?.className);
    assert.equal(after, "doc-header");
    assert.match((await page.locator("#updates ~ .updates").textContent())!, /^Correction, /);
    const [updates, keyPoints] = await Promise.all(
      ["#updates", "#key-points"].map((s) => page.$eval(s, (el) => el.getBoundingClientRect().top)),
    );
    assert.ok(updates! < keyPoints! && updates! < 1200, `updates at ${updates} px, key points at ${keyPoints} px`);
    await page.close();
  });
});

describe("a brief on a phone", () => {
  test("no horizontal scroll at 375 px; the sources follow the brief, without the wide screen's nav", async () => {
    for (const brief of [BRIEF, "/briefs/rubio-dismisses-intelligence-rift-reports/"]) {
      const page = await open(brief, 375);
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll! <= width!, `${brief}: ${scroll} px wide in a ${width} px window`);
      assert.equal(await page.getByRole("navigation", { name: "On this page" }).isVisible(), false);
      const [sources, brief_] = [
        await page.locator("#sources").boundingBox(),
        await page.locator("article").boundingBox(),
      ];
      assert.ok(sources!.y > brief_!.y + brief_!.height - 1, "the sources come after the brief");
      await page.close();
    }
  });
});

describe("the length of a brief", () => {
  /** Issue #13: "the page is 4,600 px tall (7,600 on mobile)"; every brief must now be shorter. */
  const LONGEST = { 1280: 4600, 375: 7600 } as const;

  test("no bundled brief is as tall as issue #13's 4,600 px at 1280 px or 7,600 px at 375 px", async () => {
    const briefs = (await readdir(path.join(served.outDir, "briefs"), { withFileTypes: true }))
      .filter((d) => d.isDirectory() && d.name !== "page")
      .map((d) => `/briefs/${d.name}/`);
    assert.ok(briefs.length >= 3, `brief pages: ${briefs.length}`);
    const tooTall: string[] = [];
    for (const [width, limit] of Object.entries(LONGEST).map(([w, l]) => [Number(w), l] as const)) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      for (const brief of briefs) {
        await page.goto(site.url(brief));
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        if (height >= limit) tooTall.push(`${brief} at ${width} px: ${height} px tall (issue: ${limit})`);
      }
      await page.close();
    }
    assert.deepEqual(tooTall, []);
  });
});
