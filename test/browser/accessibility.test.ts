/**
 * axe-core (WCAG 2.2 A and AA rules) in Debian's Chromium on the brief, actor and timeline pages
 * of the site built from content/, light and dark, at 320 and 1280 px, with a citation open too.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildSite } from "../../src/pipeline.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveSite, type StaticSite } from "../helpers/static-server.ts";

const CONTENT = path.resolve(import.meta.dirname, "../../content");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const PAGES = ["/briefs/us-uk-intelligence-rift-what-the-sources-say/", "/actors/united-kingdom/", "/timeline/"];

let dir: string;
let site: StaticSite;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "briefbook-axe-"));
  const outDir = path.join(dir, "_site");
  const built = await buildSite({ contentDir: CONTENT, outDir, pathPrefix: "/", includeDrafts: false });
  assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
  site = await serveSite(outDir, "/");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** axe's violations on the page as it stands: `rule: target` for each node. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    type AxeViolation = { id: string; nodes: { target: string[] }[] };
    const result = await axe.run({ runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
  });
}

for (const scheme of ["light", "dark"] as const) {
  for (const width of [320, 1280]) {
    test(`no WCAG 2.2 AA violations, ${scheme}, ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const p of PAGES) {
        await page.goto(site.url(p));
        found.push(...(await violations(page)).map((v) => `${p} ${v}`));
      }
      await page.goto(site.url(PAGES[0]!));
      await page.locator(".body button.cite").first().click();
      found.push(...(await violations(page)).map((v) => `citation open: ${v}`));
      await context.close();
      assert.deepEqual(found, []);
    });
  }
}
