/**
 * Briefbook's whole Eleventy configuration, as a plugin. Eleventy never reads `content/`: it
 * paginates over the page list the model produced (one virtual template, one output file per
 * page), which keeps a 20,000-document build fast and small. Used by the build (src/pipeline.ts)
 * and by the preview (.eleventy.js).
 */
import { renderPage } from "../../layouts/index.ts";
import type { RenderContext } from "./context.ts";
import type { Page } from "./pages.ts";

/** Everything a build renders: the pages, and the context every layout reads. */
export interface RenderInput {
  readonly pages: readonly Page[];
  readonly context: RenderContext;
}

export interface BriefbookPluginOptions {
  /** Called at the start of every Eleventy build (and rebuild in preview). */
  readonly source: () => Promise<RenderInput>;
  /** Copied verbatim to the site root: stylesheets, icons. */
  readonly publicDir: string;
  /** Folders whose changes trigger a rebuild in preview. */
  readonly watch?: readonly string[];
}

interface PageData {
  readonly briefbook: RenderInput;
  readonly briefbookPage: Page;
}

/** Minimal structural type of the Eleventy config methods used here (Eleventy ships no TS types). */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addTemplate(path: string, content: unknown, data?: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(path: string): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
}

export default function briefbookPlugin(eleventyConfig: EleventyConfig, options: BriefbookPluginOptions): void {
  // The model, rebuilt from content at the start of every build. Frozen, so Eleventy's data merge
  // passes it by reference instead of deep-copying 20,000 pages' worth of data.
  eleventyConfig.addGlobalData("briefbook", async () => Object.freeze(await options.source()));

  // One virtual template renders every page: permalink and layout come from the page list.
  eleventyConfig.addTemplate(
    "briefbook-pages.11ty.js",
    { render: (data: PageData) => renderPage(data.briefbookPage, data.briefbook.context) },
    {
      pagination: { data: "briefbook.pages", size: 1, alias: "briefbookPage" },
      permalink: (data: PageData) => data.briefbookPage.path,
      eleventyExcludeFromCollections: true,
    },
  );

  eleventyConfig.addPassthroughCopy({ [options.publicDir]: "/" });

  // Preview: content edits rebuild the site; our TypeScript modules are not Eleventy templates.
  for (const dir of options.watch ?? []) eleventyConfig.addWatchTarget(dir);
  eleventyConfig.setWatchJavaScriptDependencies(false);
}
