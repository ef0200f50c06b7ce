/**
 * The bundled content (`content/`) built for real into a temporary folder, served over HTTP under
 * `prefix`, with Debian's Chromium ready: what the browser tests of the readers' pages start from.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { buildSite } from "../../src/pipeline.ts";
import { launchBrowser } from "./browser.ts";
import { serveSite, type StaticSite } from "./static-server.ts";

export const BUNDLED_CONTENT = path.resolve(import.meta.dirname, "../../content");

export interface BundledSite {
  readonly site: StaticSite;
  readonly browser: Browser;
  /** The built site's folder, for tests that read its files. */
  readonly outDir: string;
  /** Closes the browser and the server and removes the build. */
  close(): Promise<void>;
}

/** Builds `content/` (no drafts) under `prefix`, serves it and starts Chromium; `name` labels the temp folder. */
export async function bundledSite(name: string, prefix: string): Promise<BundledSite> {
  const dir = await mkdtemp(path.join(tmpdir(), `briefbook-${name}-`));
  const outDir = path.join(dir, "_site");
  const built = await buildSite({ contentDir: BUNDLED_CONTENT, outDir, pathPrefix: prefix, includeDrafts: false });
  assert.equal(built.ok, true, JSON.stringify(built.diagnostics));
  const site = await serveSite(outDir, prefix);
  const browser = await launchBrowser();
  return {
    site,
    browser,
    outDir,
    async close() {
      await browser.close();
      await site.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
