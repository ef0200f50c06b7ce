/**
 * A reader with a keyboard only, in Debian's Chromium on the site built from content/: Tab reaches
 * every visible link and button of the home and brief pages in document order, each with a focus
 * ring on screen; Enter on a citation opens its preview, Tab goes into it, and its Close button or
 * Escape shuts it with focus back on the citation; the search is reached and used by keys alone.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { bundledSite, type BundledSite } from "../helpers/bundled-site.ts";
import type { StaticSite } from "../helpers/static-server.ts";

const PREFIX = "/briefbook/";
/** The brief citing two sources, with the most citations of the bundled briefs. */
const BRIEF = "/briefs/us-uk-intelligence-rift-what-the-sources-say/";

let served: BundledSite;
let site: StaticSite;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  served = await bundledSite("keyboard", PREFIX);
  ({ site, browser } = served);
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

after(() => served?.close());

/**
 * Numbers every visible link, button and form field outside the citation previews, in document
 * order (`data-kb`), and returns how many there are: the stops Tab must reach, in this order.
 */
const numberTabStops = (page: Page) =>
  page.evaluate(() => {
    const all = document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]");
    const stops = [...all].filter(
      (el) => el.tabIndex >= 0 && !el.closest("[popover]") && el.checkVisibility({ visibilityProperty: true }),
    );
    stops.forEach((el, i) => (el.dataset.kb = String(i)));
    return stops.length;
  });

interface Focused {
  /** The element's `data-kb` number, or null when it is not one of the page's numbered stops. */
  readonly stop: number | null;
  readonly label: string;
  readonly isCitation: boolean;
  /** The id of the preview it is inside, if any. */
  readonly inPreview: string | null;
  readonly ringShown: boolean;
  readonly onScreen: boolean;
}

/** What has focus now, or null when nothing on the page has (Tab went past the last stop). */
const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      stop: el.dataset.kb === undefined ? null : Number(el.dataset.kb),
      label: `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`,
      isCitation: el.matches("button.cite"),
      inPreview: el.closest("[popover]")?.id ?? null,
      ringShown: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      onScreen: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    };
  });

const openPreview = (page: Page) => page.evaluate(() => document.querySelector(":popover-open")?.id ?? null);

/**
 * Opens the citation that has focus with Enter, tabs into its preview, and shuts it again, with
 * its Close button (`close`) or Escape; returns what went wrong, if anything.
 */
async function useCitation(page: Page, at: Focused, close: "close" | "escape"): Promise<string[]> {
  await page.keyboard.press("Enter");
  const preview = await openPreview(page);
  if (!preview) return [`Enter on ${at.label} opened no preview`];
  await page.keyboard.press("Tab");
  const inside = await focused(page);
  const problems = inside?.inPreview === preview ? [] : [`Tab from ${at.label} did not go into its preview`];
  if (close === "close") {
    // The Close button is the preview's first stop; Shift+Tab back to it if Tab went further.
    if (!inside?.label.startsWith('button "Close')) await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
  } else await page.keyboard.press("Escape");
  if (await openPreview(page)) problems.push(`${close} left the preview of ${at.label} open`);
  const back = await focused(page);
  if (back?.stop !== at.stop) problems.push(`${close} on ${at.label}'s preview sent focus to ${back?.label}`);
  return problems;
}

/**
 * Tabs from the top of `sitePath` to past its last stop, using each citation met on the way;
 * returns the stops reached in order, the page's stop count and what went wrong.
 */
async function tabThrough(sitePath: string) {
  const page = await context.newPage();
  await page.goto(site.url(sitePath));
  const count = await numberTabStops(page);
  const reached: number[] = [];
  const problems: string[] = [];
  let citations = 0;
  for (let presses = 0; presses < count + 20; presses++) {
    await page.keyboard.press("Tab");
    const at = await focused(page);
    if (!at) break;
    if (at.stop === null) problems.push(`Tab stopped on ${at.label}, which is neither visible nor a link or control`);
    else reached.push(at.stop);
    if (!at.ringShown) problems.push(`${at.label} shows no focus ring`);
    if (!at.onScreen) problems.push(`${at.label} has focus off screen`);
    if (at.isCitation) problems.push(...(await useCitation(page, at, citations++ % 2 ? "escape" : "close")));
  }
  await page.close();
  return { reached, count, problems, citations };
}

const inOrder = (count: number) => Array.from({ length: count }, (_, i) => i);

test("Tab reaches every link and button of the home page once, in order, each with a focus ring", async () => {
  const { reached, count, problems } = await tabThrough("/");
  assert.ok(count > 15, `stops on the home page: ${count}`);
  assert.deepEqual(problems, []);
  assert.deepEqual(reached, inOrder(count));
});

test("Tab reaches every link and citation of a brief; each citation opens with Enter and closes back to itself", async () => {
  const { reached, count, problems, citations } = await tabThrough(BRIEF);
  assert.deepEqual(problems, []);
  assert.ok(citations >= 10, `citations used: ${citations}`);
  assert.deepEqual(reached, inOrder(count));
});

test("the search is reached by Tab from the top of a page, and typing a query shows results", async () => {
  const page = await context.newPage();
  await page.goto(site.url(BRIEF));
  for (let i = 0; i < 10 && (await focused(page))?.label !== 'input ""'; i++) await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "site-search", "the header's search box");
  await page.keyboard.type("Rubio");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".pagefind-ui__result-link");
  // On the search page itself, the search box is a Tab stop from the top and a new query brings new results.
  const onSearchBox = () => page.evaluate(() => document.activeElement?.matches(".pagefind-ui__search-input"));
  for (let i = 0; i < 30 && !(await onSearchBox()); i++) await page.keyboard.press("Tab");
  assert.equal(await onSearchBox(), true, "Tab reaches the search page's search box");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Starmer");
  await page.waitForFunction(() => /Starmer/.test(document.querySelector(".pagefind-ui__results")?.textContent ?? ""));
  // The results are links Tab reaches too, past the clear button and the filters.
  const onResult = () => page.evaluate(() => document.activeElement?.matches(".pagefind-ui__result-link"));
  for (let i = 0; i < 40 && !(await onResult()); i++) await page.keyboard.press("Tab");
  assert.equal(await onResult(), true, "Tab reaches the first result");
  await page.close();
});
