/**
 * `npm run screenshots [-- --out DIR]`: photographs the built site (`_site/`) in Chromium,
 * desktop and mobile, light and dark, for review and for the README.
 */
import { mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import { serveSite } from "../test/helpers/static-server.ts";
import { launchBrowser } from "../test/helpers/browser.ts";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: ".screenshots" },
    site: { type: "string", default: "_site" },
    readme: { type: "boolean", default: false },
  },
});
const PAGES = [
  "/",
  "/briefs/us-uk-intelligence-rift-what-the-sources-say/",
  "/articles/us-uk-intelligence-rift-caribbean/",
  "/actors/marco-rubio/",
  "/actors/",
  "/timeline/",
  "/outlets/",
  "/outlets/daily-weekly-news/",
  "/topics/",
  "/topics/caribbean/",
  "/search/?q=Rubio",
  "/404.html",
];
const VIEWS = [
  { name: "desktop", viewport: { width: 1280, height: 900 }, isMobile: false },
  { name: "mobile", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

await mkdir(values.out, { recursive: true });
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
      const page = await context.newPage();
      for (const path of PAGES) {
        await page.goto(site.url(path));
        if (path.startsWith("/search/")) await page.waitForSelector(".pagefind-ui__result");
        const name = path.replace(/^\/|\/$/g, "").replace(/[/?=.]/g, "_") || "home";
        await page.screenshot({
          path: `${values.out}/${name}-${view.name}-${scheme}.png`,
          fullPage: view.name === "mobile" ? false : true,
        });
      }
      // A citation opened in place: the brief's first, on the first screen.
      await page.goto(site.url(PAGES[1]!));
      await page.locator(".body button.cite").first().click();
      await page.screenshot({ path: `${values.out}/brief-citation-open-${view.name}-${scheme}.png` });
      await context.close();
    }
  }
  if (values.readme) {
    // The README's picture: the synthesis brief, first screen, desktop, light.
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 }, colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(site.url(PAGES[1]!));
    await page.screenshot({ path: "docs/screenshot.png" });
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
console.log(`Screenshots in ${values.out}/`);
