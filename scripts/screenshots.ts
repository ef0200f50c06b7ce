/**
 * `npm run screenshots [-- --site _site --out docs/screenshots]`: photographs one page of every
 * page type of the built site in Chromium, desktop (1280 px) and mobile (375 px), light and dark,
 * as `<page type>-<desktop|mobile>-<light|dark>.png`, plus a brief with a citation open. Pages are
 * found from the URL contract (test/helpers/page-types.ts), so a new page type is photographed too.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { BrowserContext, Page } from "playwright-core";
import { serveSite, type StaticSite } from "../test/helpers/static-server.ts";
import { launchBrowser } from "../test/helpers/browser.ts";
import { pageTypesOf, type PageTypeSample } from "../test/helpers/page-types.ts";

const HELP = `Usage: npm run screenshots [-- options]   (build the site first: npm run build)

  --site DIR      the built site to photograph (default _site)
  --content DIR   the content it was built from, to find its page types (default content)
  --out DIR       where the PNGs go (default docs/screenshots; its old PNGs are replaced)
  --query WORD    what the search page searches for (default Rubio)
  --help          this text`;

const { values } = parseArgs({
  options: {
    site: { type: "string", default: "_site" },
    content: { type: "string", default: "content" },
    out: { type: "string", default: "docs/screenshots" },
    query: { type: "string", default: "Rubio" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

/**
 * Each picture is the page's first 900 px, not the whole page: a long brief photographed whole is
 * a megabyte of PNG, and the first screen is what a reader judges first. 56 PNGs at 900 px weigh
 * about 5 MB in all.
 */
const VIEWS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false, maxHeight: 900 },
  { name: "mobile", viewport: { width: 375, height: 812 }, isMobile: true, maxHeight: 900 },
] as const;
type View = (typeof VIEWS)[number];

/** Opens a sample page as a reader would: the search page with a query and its answer shown. */
async function visit(page: Page, site: StaticSite, sample: PageTypeSample): Promise<void> {
  if (sample.layout !== "search") {
    await page.goto(site.url(sample.path));
    return;
  }
  await page.goto(site.url(`${sample.path}?q=${encodeURIComponent(values.query)}`));
  // Results or "No results": the message is shown once the search has settled, in whatever
  // language the UI speaks (it follows <html lang>); only "Searching for …" ends in "...".
  await page.waitForFunction(() => {
    const message = document.querySelector(".pagefind-ui__message")?.textContent ?? "";
    return message !== "" && !message.endsWith("...");
  });
}

/** The page from its top, down to `maxHeight` px of it. */
async function shoot(page: Page, file: string, maxHeight: number): Promise<void> {
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) },
  });
}

/** Every sample page in one view and colour scheme, then the brief with its first citation open. */
async function shootAll(
  context: BrowserContext,
  site: StaticSite,
  samples: readonly PageTypeSample[],
  tag: string,
  view: View,
) {
  const page = await context.newPage();
  for (const sample of samples) {
    await visit(page, site, sample);
    await shoot(page, path.join(values.out, `${sample.layout}-${tag}.png`), view.maxHeight);
  }
  const brief = samples.find((s) => s.layout === "brief");
  if (brief) {
    await visit(page, site, brief);
    await page.locator(".body button.cite").first().click();
    await page.screenshot({ path: path.join(values.out, `brief-citation-open-${tag}.png`) });
  }
}

if (!existsSync(path.join(values.site, "index.html"))) {
  console.error(`screenshots: no built site in ${values.site}/ (run npm run build first, or pass --site DIR)`);
  process.exit(1);
}
const { samples } = await pageTypesOf(path.resolve(values.content), path.resolve(values.site));
await mkdir(values.out, { recursive: true });
// A page type renamed or removed must not leave its old pictures behind.
for (const old of (await readdir(values.out)).filter((f) => f.endsWith(".png"))) await rm(path.join(values.out, old));
const site = await serveSite(values.site);
const browser = await launchBrowser();
try {
  for (const view of VIEWS) {
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({
        viewport: view.viewport,
        isMobile: view.isMobile,
        colorScheme: scheme,
      });
      await shootAll(context, site, samples, `${view.name}-${scheme}`, view);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
console.log(`${samples.length} page types × 4 views (+ a citation open) in ${values.out}/`);
