/**
 * Eleventy's input folder holds the page templates (`layouts/*.11ty.ts`) and files that are not
 * pages: helpers, and perhaps a README or a sketch in HTML. Only the templates are the site; a
 * stray Markdown, HTML or Nunjucks file beside them must not be published as a page of its own,
 * nor a stray data file change the pages.
 * The preview renders a requested page through the same templates, so it shows what a build writes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { prepareSite } from "../../src/pipeline.ts";
import { hrefOf } from "../../src/model/build-model.ts";
import briefbookPlugin, { type EleventyConfig, type RenderInput } from "../../src/render/eleventy-plugin.ts";
import { renderWithEleventy } from "../../src/render/eleventy-run.ts";
import { outputPathOf, pagesOf } from "../../src/render/pages.ts";
import { renderInputOf } from "../../src/render/render-input.ts";
import { renderSettingsOf } from "../../src/render-settings.ts";
import { renderPage } from "../../layouts/index.ts";
import { fixture } from "../helpers/content.ts";
import { tempDir } from "../publish/build-cli.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LAYOUTS = path.join(ROOT, "layouts");
const PUBLIC = path.join(ROOT, "public");

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

test("only the page templates in the layouts folder make the site, not a README, a stray page or data file beside them", async () => {
  const opts = { contentDir: fixture("valid-minimal"), pathPrefix: "/", includeDrafts: false };
  const { model } = await prepareSite(opts);
  assert.ok(model);
  const input: RenderInput = {
    pages: pagesOf(model),
    context: {
      model,
      href: hrefOf("/"),
      pathPrefix: "/",
      stylesheet: "/css/site.css",
      preview: false,
    },
  };

  // The real layouts folder, seen through a copy that also holds what an editor might leave there:
  // each template is re-exported from its real file, so the site is rendered by the real templates.
  const dir = await tempDir("stray-layouts");
  const layouts = path.join(dir, "layouts");
  await mkdir(layouts);
  for (const name of await readdir(LAYOUTS))
    if (name.endsWith(".11ty.ts"))
      await writeFile(path.join(layouts, name), `export * from ${JSON.stringify(path.join(LAYOUTS, name))};\n`);
  await writeFile(path.join(layouts, "README.md"), "# Layouts\n\nOne template per page type.\n");
  await writeFile(path.join(layouts, "sketch.html"), "<p>A new header, not finished.</p>\n");
  await writeFile(path.join(layouts, "card.njk"), "<div>{{ title }}</div>\n");
  // Eleventy would read this as data for every template in the folder, and wrap each page in a layout.
  await writeFile(path.join(layouts, "layouts.json"), '{ "layout": "card.njk" }\n');
  try {
    const out = path.join(dir, "site");
    const elev = new Eleventy(layouts, out, {
      quietMode: true,
      configPath: "",
      config(eleventyConfig: never) {
        const cfg: EleventyConfig = eleventyConfig;
        briefbookPlugin(cfg, { source: async () => input, publicDir: PUBLIC });
      },
    });
    elev.logger.overrideLogger({ log() {}, info() {}, warn() {}, error() {} });
    await elev.write();

    const expected = [...input.pages.map((p) => outputPathOf(p.path).slice(1)), ...(await filesUnder(PUBLIC))].sort();
    assert.deepEqual((await filesUnder(out)).sort(), expected, "every page of the page list and public/, nothing else");
    for (const page of input.pages) {
      const written = await readFile(path.join(out, outputPathOf(page.path)), "utf8");
      assert.equal(written, renderPage(page, input.context), `${page.path} is its template's HTML alone`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the preview answers each page with the HTML the build's Eleventy run writes for it", async () => {
  const opts = { contentDir: fixture("cross-links"), pathPrefix: "/some-repo/", includeDrafts: false };
  const { model } = await prepareSite(opts);
  assert.ok(model);
  const input = renderInputOf(model, await renderSettingsOf(model, opts));
  const dir = await tempDir("templates-preview");
  try {
    const { failure } = await renderWithEleventy(input, dir, opts.pathPrefix);
    assert.equal(failure, undefined);
    for (const page of input.pages) {
      const written = await readFile(path.join(dir, outputPathOf(page.path)), "utf8");
      assert.equal(renderPage(page, input.context), written, page.path);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
