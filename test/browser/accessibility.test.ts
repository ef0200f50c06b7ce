/**
 * axe-core (WCAG 2.2 A and AA rules) in Debian's Chromium on one page of every page type the site
 * built from content/ has (found from `pagesOf`, so a new type is not skipped), light and dark, at
 * 320 and 1280 px, plus a brief with a citation open; no page may scroll sideways either.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { NON_HTML_LAYOUTS, pageTypesOf, type PageTypes, type PageTypeSample } from "../helpers/page-types.ts";
import { BUNDLED_CONTENT, bundledSite, type BundledSite } from "../helpers/bundled-site.ts";
import type { StaticSite } from "../helpers/static-server.ts";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** A word the bundled content's search finds, so the search page is checked with results on it. */
const QUERY = "Rubio";

let served: BundledSite;
let site: StaticSite;
let browser: Browser;
let types: PageTypes;

before(async () => {
  served = await bundledSite("axe", "/");
  ({ site, browser } = served);
  types = await pageTypesOf(BUNDLED_CONTENT, served.outDir);
});

after(() => served?.close());

test("every HTML page type has a page in the bundled content, so none goes unchecked", () => {
  const sampled = new Set(types.samples.map((s) => s.layout));
  const missing = types.layouts.filter((l) => !sampled.has(l) && !NON_HTML_LAYOUTS.includes(l));
  assert.deepEqual(missing, [], "page types with no page to check: add one to content/, or to NON_HTML_LAYOUTS");
  assert.ok(sampled.size >= 13, `page types sampled: ${[...sampled].join(", ")}`);
});

/** axe's violations on the page as it stands: `rule: target` for each node. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    type AxeViolation = { id: string; nodes: { target: string[] }[] };
    // Violations only: axe then skips listing what passed, which is most of its time on a long page.
    const result = await axe.run({
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
      resultTypes: ["violations"],
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
  });
}

/** How far the page scrolls sideways, in px (0 when it fits the window). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Opens a sample as a reader would: the search page with a query and its results shown. */
async function visit(page: Page, sample: PageTypeSample): Promise<void> {
  if (sample.layout !== "search") {
    await page.goto(site.url(sample.path));
    return;
  }
  await page.goto(site.url(`${sample.path}?q=${QUERY}`));
  await page.waitForSelector(".pagefind-ui__result");
}

/** Every problem on every sample page, in one browser context: `path (layout) rule: target`. */
async function problemsOf(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const sample of types.samples) {
    await visit(page, sample);
    const where = `${sample.path} (${sample.layout})`;
    found.push(...(await violations(page)).map((v) => `${where} ${v}`));
    const scroll = await sidewaysScroll(page);
    if (scroll > 0) found.push(`${where} scrolls sideways by ${scroll} px`);
  }
  const brief = types.samples.find((s) => s.layout === "brief")!;
  await visit(page, brief);
  await page.locator(".body button.cite").first().click();
  found.push(...(await violations(page)).map((v) => `${brief.path} with a citation open: ${v}`));
  return found;
}

for (const scheme of ["light", "dark"] as const) {
  for (const width of [320, 1280]) {
    test(`no WCAG 2.2 AA violation and no sideways scroll on any page type, ${scheme}, ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
      try {
        assert.deepEqual(await problemsOf(await context.newPage()), []);
      } finally {
        await context.close();
      }
    });
  }
}
