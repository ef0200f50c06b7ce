/**
 * Briefbook's whole Eleventy configuration, as a plugin. Eleventy never reads `content/`: its input
 * folder is `layouts/`, where each page type has one JavaScript template (`brief.11ty.ts`, …) that
 * paginates over its own list of the model's pages (global data `briefbook.pages.<layout>`) and
 * names its permalink. That keeps a 20,000-document build fast and small. Used by the build
 * (src/render/eleventy-run.ts) and by Eleventy's own command line (.eleventy.js).
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { RenderContext } from "./context.ts";
import { minifyingCopy } from "./minify-css.ts";
import { pagesByLayout, type Page, type PagesByLayout } from "./pages.ts";

/** Everything a build renders: the pages, and the context every layout reads. */
export interface RenderInput {
  readonly pages: readonly Page[];
  readonly context: RenderContext;
}

/** The global data `briefbook` every template reads: its pages by type, and the context. */
interface BriefbookData {
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

/** A page template module (`layouts/<layout>.11ty.ts`): what Eleventy reads of it. */
interface TemplateModule {
  readonly data: object;
  render(data: unknown): string;
}

/**
 * The page templates, each imported once however many Eleventy builds render with it. Eleventy's
 * own loader imports a JavaScript template afresh in every build (so that `--serve` sees edits):
 * through tsx's loader that cost ~0.1 s of CPU per 2,500-page build for 14 templates, more than
 * the single template it replaced. The build shares one across its Eleventy builds.
 */
export class TemplateModules {
  readonly #byPath = new Map<string, Promise<TemplateModule>>();

  get(inputPath: string): Promise<TemplateModule> {
    let loaded = this.#byPath.get(inputPath);
    if (!loaded) {
      loaded = import(pathToFileURL(resolve(inputPath)).href) as Promise<TemplateModule>;
      this.#byPath.set(inputPath, loaded);
    }
    return loaded;
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
  /** Shared by the Eleventy builds of one render stage; each plugin use has its own otherwise. */
  readonly templates?: TemplateModules;
}

/** Minimal structural type of the Eleventy config methods used here (Eleventy ships no TS types). */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addExtension(extensions: string[], options: object): void;
  setTemplateFormats(formats: string[]): void;
  setDataFileSuffixes(suffixes: string[]): void;
  addPassthroughCopy(map: Record<string, string>, copyOptions?: { transform?: (source: string) => unknown }): void;
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
  const templates = options.templates ?? new TemplateModules();
  eleventyConfig.addExtension(["11ty.ts"], {
    key: "11ty.js",
    // Eleventy's JavaScript template contract (export data, render), from modules imported once.
    getData: true,
    getInstanceFromInputPath: (inputPath: string) => templates.get(inputPath),
    compile: async (_content: unknown, inputPath: string) => {
      const template = await templates.get(inputPath);
      return (data: unknown) => template.render(data);
    },
    // The compile cache's default key adds the module to its path as a string, which a module is not.
    compileOptions: { getCacheKey: (_content: unknown, inputPath: string) => inputPath },
  });
  eleventyConfig.setTemplateFormats(TEMPLATE_FORMATS);
  // Nor are data files: a layouts.json or brief.11tydata.json there would change every page it reaches.
  eleventyConfig.setDataFileSuffixes([]);

  eleventyConfig.addPassthroughCopy({ [options.publicDir]: "/" }, { transform: minifyingCopy });

  // Preview: content edits rebuild the site; the layouts' modules are not reloaded by Eleventy.
  for (const dir of options.watch ?? []) eleventyConfig.addWatchTarget(dir);
  eleventyConfig.setWatchJavaScriptDependencies(false);
}
