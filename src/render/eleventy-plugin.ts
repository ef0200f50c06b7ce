/**
 * Briefbook's whole Eleventy configuration, as a plugin. Eleventy never reads `content/`: its input
 * folder is `layouts/`, where each page type has one JavaScript template (`brief.11ty.ts`, …) that
 * paginates over its own list of the model's pages (global data `briefbook.pages.<layout>`) and
 * names its permalink. That keeps a 20,000-document build fast and small. Used by the build
 * (src/render/eleventy-run.ts) and by Eleventy's own command line (.eleventy.js).
 */
import type { RenderContext } from "./context.ts";
import { pagesByLayout, type Page, type PagesByLayout } from "./pages.ts";

/** Everything a build renders: the pages, and the context every layout reads. */
export interface RenderInput {
  readonly pages: readonly Page[];
  readonly context: RenderContext;
}

/** The global data `briefbook` every template reads: its pages by type, and the context. */
export interface BriefbookData {
  readonly pages: PagesByLayout;
  readonly context: RenderContext;
}

/** What Eleventy hands a template's `permalink` and `render`: the global data and the page under `alias`. */
export type TemplateData<Alias extends string, P extends Page> = { readonly briefbook: BriefbookData } & {
  readonly [K in Alias]: P;
};

/** A page's template failed: carries the page, so the build can name the content file it is made from. */
export class PageRenderError extends Error {
  constructor(
    readonly page: Page,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "PageRenderError";
  }
}

/** A template's `render` body: the page's HTML, or a failure that says which page it was. */
export function namingThePage(page: Page, render: () => string): string {
  try {
    return render();
  } catch (e) {
    throw new PageRenderError(page, e);
  }
}

/** The only files in `layouts/` Eleventy treats as templates; anything else there is never published. */
export const TEMPLATE_FORMATS = ["11ty.ts"];

export interface BriefbookPluginOptions {
  /** Called at the start of every Eleventy build (and rebuild in preview). */
  readonly source: () => Promise<RenderInput>;
  /** Copied verbatim to the site root: stylesheets, icons. */
  readonly publicDir: string;
  /** Folders whose changes trigger a rebuild in preview. */
  readonly watch?: readonly string[];
}

/** Minimal structural type of the Eleventy config methods used here (Eleventy ships no TS types). */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addExtension(extensions: string[], options: { key: string }): void;
  setTemplateFormats(formats: string[]): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(path: string): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
}

export default function briefbookPlugin(eleventyConfig: EleventyConfig, options: BriefbookPluginOptions): void {
  // The model's pages by type, rebuilt from content at the start of every build. Frozen, so
  // Eleventy's data merge passes it by reference instead of deep-copying 20,000 pages' worth of data.
  eleventyConfig.addGlobalData("briefbook", async (): Promise<BriefbookData> => {
    const { pages, context } = await options.source();
    return Object.freeze({ pages: pagesByLayout(pages), context });
  });

  // Templates are TypeScript, run as Eleventy JavaScript templates (the process has tsx's loader),
  // and nothing else: a README or a stray .md or .html in layouts/ is not a page.
  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.setTemplateFormats(TEMPLATE_FORMATS);

  eleventyConfig.addPassthroughCopy({ [options.publicDir]: "/" });

  // Preview: content edits rebuild the site; the layouts' modules are not reloaded by Eleventy.
  for (const dir of options.watch ?? []) eleventyConfig.addWatchTarget(dir);
  eleventyConfig.setWatchJavaScriptDependencies(false);
}
