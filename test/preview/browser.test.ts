/**
 * The preview in Chromium: an open page reloads by itself after an edit, shows content errors
 * until they are fixed, and the search page finds what an edit added once the background index
 * has caught up.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { previewOf, type RunningPreview } from "./helpers.ts";

const BRIEF = "/briefs/uk-review/";
const h1 = (page: Page) => page.textContent("h1");

describe("the preview in a browser", () => {
  let p: RunningPreview;
  let browser: Browser;
  let page: Page;
  before(async () => {
    p = await previewOf("cross-links", { search: true, searchDelay: 100 });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await p?.stop();
  });

  test("an open page reloads by itself when its brief is edited", async () => {
    await page.goto(p.url(BRIEF));
    assert.equal(await h1(page), "UK reviews intelligence sharing");
    // Gone after a reload: proves the page was reloaded, not patched.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await p.edit("briefs/uk-review.md", (t) => t.replace(/^title: .*$/m, "title: Quokkaworthy review"));
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Quokkaworthy review");
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), undefined);
  });

  test("a broken edit shows the problem in the page, which goes once it is fixed", async () => {
    await p.edit("briefs/uk-review.md", (t) => t.replace(/^date: .*$/m, "date: someday"));
    const box = await page.waitForSelector("#briefbook-problems");
    assert.match((await box.textContent()) ?? "", /briefs\/uk-review\.md:3 \(date\) error:/);
    assert.equal(await h1(page), "Quokkaworthy review", "the last good page stays");
    await p.edit("briefs/uk-review.md", (t) => t.replace(/^date: .*$/m, "date: 2025-11-11"));
    await page.waitForSelector("#briefbook-problems", { state: "detached" });
  });

  test("search follows the edit once the background index has caught up", async () => {
    await p.server.searchIdle();
    await page.goto(p.url("/search/?q=Quokkaworthy"));
    const link = await page.waitForSelector(".pagefind-ui__result-link");
    assert.equal(await link.textContent(), "Quokkaworthy review");
    assert.equal(new URL((await link.getAttribute("href")) ?? "", p.server.url).pathname, BRIEF);
  });
});
