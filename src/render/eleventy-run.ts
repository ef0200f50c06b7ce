/**
 * The render stage's Eleventy run: the page list written into a folder by Eleventy, in slices,
 * and Eleventy's failure turned into one diagnostic for the editor.
 */
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { LAYOUTS_DIR, PUBLIC_DIR } from "../repository.ts";
import briefbookPlugin, {
  PageRenderError,
  TemplateModules,
  type EleventyConfig,
  type RenderInput,
} from "./eleventy-plugin.ts";
import { sourceFileOf } from "./page-sources.ts";
import type { Page } from "./pages.ts";

/**
 * Eleventy keeps every page it renders in memory until its build ends (~1.1 GB at 23,000 pages),
 * so large sites are rendered as a series of Eleventy builds over slices of the page list: memory
 * stays bounded by one slice and each slice costs a few hundred milliseconds of start-up.
 */
const PAGES_PER_ELEVENTY_RUN = 2_500;

/**
 * Renders `input` into `outDir`. Eleventy's own failure report (a stack trace per error) is kept
 * from the editor: it becomes one diagnostic naming the page that failed, with the trace printed
 * only under BRIEFBOOK_DEBUG=1.
 */
export async function renderWithEleventy(
  input: RenderInput,
  outDir: string,
  pathPrefix: string,
): Promise<{ readonly pages: number; readonly failure?: Diagnostic }> {
  // Imported here: the build's parent process never renders, and Eleventy costs ~40 MB to load.
  const { default: Eleventy } = await import("@11ty/eleventy");
  const templates = new TemplateModules();
  for (let from = 0; from < input.pages.length || from === 0; from += PAGES_PER_ELEVENTY_RUN) {
    const slice: RenderInput = { ...input, pages: input.pages.slice(from, from + PAGES_PER_ELEVENTY_RUN) };
    const elev = new Eleventy(LAYOUTS_DIR, outDir, {
      quietMode: true,
      configPath: "", // no config file: the plugin below is the whole configuration
      pathPrefix,
      config(eleventyConfig: never) {
        const cfg: EleventyConfig = eleventyConfig;
        briefbookPlugin(cfg, { source: async () => slice, publicDir: PUBLIC_DIR, templates });
      },
    });
    // Our stages report progress; Eleventy's own summary line would repeat the render stage's,
    // and its error report is for Briefbook's developers (BRIEFBOOK_DEBUG=1), not editors.
    const report = (...parts: unknown[]) => (process.env.BRIEFBOOK_DEBUG ? console.error(...parts) : undefined);
    elev.logger.overrideLogger({ log() {}, info() {}, warn: report, error: report });
    try {
      await elev.write();
    } catch (e) {
      if (process.env.BRIEFBOOK_DEBUG) console.error(e);
      return { pages: from, failure: renderFailure(e, slice.pages, outDir) };
    }
  }
  return { pages: input.pages.length };
}

/**
 * The page Eleventy failed on: the page whose template threw (PageRenderError), or else the page
 * whose output path the innermost error names (a file that could not be written).
 */
function renderFailure(e: unknown, pages: readonly Page[], outDir: string): Diagnostic {
  const chain = errorChain(e);
  const inner = chain.at(-1);
  const text = inner instanceof Error ? inner.message : String(inner);
  const threw = chain.find((x): x is PageRenderError => x instanceof PageRenderError)?.page;
  const page = threw ?? pageNamedIn(text, pages, outDir);
  const reason = text.replaceAll(outDir, "").split("\n")[0]!;
  const shortReason = reason.length > 160 ? `${reason.slice(0, 160)}…` : reason;
  const hint =
    "this is a bug in Briefbook, not a mistake of yours; please report it with the output of BRIEFBOOK_DEBUG=1 npm run build";
  if (!page) return error({ file: "build", message: `rendering the site failed: ${shortReason}`, hint });
  const source = sourceFileOf(page);
  const path = page.path.length > 60 ? `${page.path.slice(0, 60)}…` : page.path;
  return error({
    file: source ?? "build",
    message: `could not ${threw ? "render" : "write"} the page ${path}: ${shortReason}`,
    hint: source ? `the page is made from this file; ${hint}` : hint,
  });
}

/** The page whose output file, or folder as a whole path (quoted in Node's messages), `text` names. */
function pageNamedIn(text: string, pages: readonly Page[], outDir: string): Page | undefined {
  const names = (p: Page) => {
    const folder = join(outDir, p.path).replace(/\/$/, "");
    return p.path.endsWith("/")
      ? [`${folder}/index.html`, `${folder}'`, `${folder}"`].some((n) => text.includes(n))
      : text.includes(folder);
  };
  // Not a prefix of another page's path: the longest path named wins.
  return pages.filter((p) => p.path !== "/" && names(p)).sort((x, y) => y.path.length - x.path.length)[0];
}

/** The error and each it wraps: Eleventy's `originalError`, or the standard `cause`, innermost last. */
function errorChain(e: unknown): unknown[] {
  const chain = [e];
  for (;;) {
    const last = chain.at(-1) as { originalError?: unknown; cause?: unknown } | undefined;
    const next = last?.originalError ?? last?.cause;
    if (!(next instanceof Error)) return chain;
    chain.push(next);
  }
}
