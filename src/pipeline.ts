/**
 * One build, stage by stage:
 *
 *   content/ ─load─▶ SourceFile[] ─validate─▶ ValidContent ─model─▶ SiteModel
 *            ─render─▶ staging folder (Eleventy) ─index─▶ staging/pagefind ─check─▶ swap into _site/
 *
 * Problems are collected as diagnostics and returned together; a stage that finds errors stops
 * the build before anything is written to the output folder, which is replaced only at the end.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fork } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { error, hasErrors, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { loadContent } from "./load/load-content.ts";
import { validateContent } from "./validate/validate.ts";
import { withSiteUrl } from "./validate/site-url.ts";
import { buildModel, hrefOf } from "./model/build-model.ts";
import type { SiteModel } from "./model/types.ts";
import { pagesOf, type Page } from "./render/pages.ts";
import briefbookPlugin, { type EleventyConfig, type RenderInput } from "./render/eleventy-plugin.ts";
import { buildSearchIndex } from "./search/pagefind.ts";
import { bundleCount, bundleDirs } from "./search/bundles.ts";
import { checkLinks } from "./check/links.ts";
import { openOutput } from "./publish/output-folder.ts";
import { refusalOf, type OutputPlace } from "./publish/guard.ts";
import { forTerminal } from "./text/escape.ts";

export const STAGES = ["load", "validate", "model", "render", "index", "check"] as const;
export type Stage = (typeof STAGES)[number];

export interface StageReport {
  readonly stage: Stage;
  readonly seconds: number;
  /** What the stage did, for a person watching the build: "120 files". */
  readonly summary: string;
}

export interface SiteOptions {
  readonly contentDir: string;
  /** `/` or `/some-repo/` (normalised by `normalizePathPrefix`). */
  readonly pathPrefix: string;
  readonly includeDrafts: boolean;
  /** The site's public address, over site.yaml's `url` (BRIEFBOOK_URL; src/validate/site-url.ts). */
  readonly siteUrl?: string;
  readonly onStage?: (report: StageReport) => void;
}

export interface BuildOptions extends SiteOptions {
  readonly outDir: string;
  /** Skip Pagefind (tests of rendering alone). */
  readonly index?: boolean;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Partial<Record<Stage, number>>;
  readonly pages: number;
  /** Set when the build did no work: `--out` names a folder it may not replace, or another build holds it. */
  readonly refused?: "place" | "busy";
}

/** The repository's own folders, found from this file so builds work from any working directory. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const LAYOUTS_DIR = join(ROOT, "layouts");
export const PUBLIC_DIR = join(ROOT, "public");

/** `some-repo`, `/some-repo`, `/some-repo/` → `/some-repo/`; empty → `/`. */
export function normalizePathPrefix(prefix: string | undefined): string {
  const parts = (prefix ?? "").split("/").filter(Boolean);
  return parts.length === 0 ? "/" : `/${parts.join("/")}/`;
}

async function timed<T>(
  stage: Stage,
  timings: Partial<Record<Stage, number>>,
  opts: SiteOptions,
  run: () => Promise<T> | T,
  summary: (result: T) => string,
): Promise<T> {
  const start = performance.now();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  timings[stage] = seconds;
  opts.onStage?.({ stage, seconds, summary: summary(result) });
  return result;
}

export interface PreparedSite {
  readonly model?: SiteModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Partial<Record<Stage, number>>;
}

/** load → validate → model: everything up to rendering, for the build, the preview and `npm run check`. */
export async function prepareSite(opts: SiteOptions, stopAfterValidate = false): Promise<PreparedSite> {
  const timings: Partial<Record<Stage, number>> = {};
  const loaded = await timed(
    "load",
    timings,
    opts,
    () => loadContent(opts.contentDir),
    (r) => `${r.files.length} files`,
  );
  const validated = await timed(
    "validate",
    timings,
    opts,
    () => {
      const checked = validateContent(loaded.files);
      const addressed = withSiteUrl(checked.content, opts.siteUrl);
      return { content: addressed.content, diagnostics: [...checked.diagnostics, ...addressed.diagnostics] };
    },
    (r) => {
      const c = r.content;
      return `${c.briefs.length} briefs, ${c.articles.length} articles, ${c.actors.length} actors`;
    },
  );
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics];
  if (hasErrors(diagnostics) || stopAfterValidate) return { diagnostics, timings };
  const model = await timed(
    "model",
    timings,
    opts,
    () => buildModel(validated.content, { pathPrefix: opts.pathPrefix, includeDrafts: opts.includeDrafts }),
    (m) => `${m.briefs.length} briefs published, ${m.topics.length} topics, ${m.timeline.length} events`,
  );
  return { model, diagnostics, timings };
}

/** What layouts need besides the model: links under the prefix and a cache-busting stylesheet URL. */
export async function renderInputOf(model: SiteModel, opts: SiteOptions & { preview?: boolean }): Promise<RenderInput> {
  const href = hrefOf(opts.pathPrefix);
  const css = await readFile(join(PUBLIC_DIR, "css", "site.css"));
  const version = createHash("sha256").update(css).digest("hex").slice(0, 10);
  return {
    pages: pagesOf(model).map((p) => Object.freeze(p)),
    context: Object.freeze({
      model,
      href,
      pathPrefix: opts.pathPrefix,
      stylesheet: `${opts.pathPrefix}css/site.css?v=${version}`,
      preview: opts.preview ?? false,
      // The same rule the index stage follows, from the page count it will check.
      searchBundles: bundleDirs(bundleCount(indexedPageCount(model))),
    }),
  };
}

/** Pages Pagefind should index: those carrying data-pagefind-body. */
const indexedPageCount = (m: SiteModel) => m.briefs.length + m.articles.length + m.actors.length;

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
  for (let from = 0; from < input.pages.length || from === 0; from += PAGES_PER_ELEVENTY_RUN) {
    const slice: RenderInput = { ...input, pages: input.pages.slice(from, from + PAGES_PER_ELEVENTY_RUN) };
    const elev = new Eleventy(LAYOUTS_DIR, outDir, {
      quietMode: true,
      configPath: "", // no config file: the plugin below is the whole configuration
      pathPrefix,
      config(eleventyConfig: never) {
        const cfg: EleventyConfig = eleventyConfig;
        briefbookPlugin(cfg, { source: async () => slice, publicDir: PUBLIC_DIR });
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

/** The page Eleventy failed on, found by its output path in the innermost error's message. */
function renderFailure(e: unknown, pages: readonly Page[], outDir: string): Diagnostic {
  const text = innermostMessage(e);
  // A page's file, or its folder as a whole path (quoted in Node's messages), not a prefix of another's.
  const names = (p: Page) => {
    const folder = join(outDir, p.path).replace(/\/$/, "");
    return p.path.endsWith("/")
      ? [`${folder}/index.html`, `${folder}'`, `${folder}"`].some((n) => text.includes(n))
      : text.includes(folder);
  };
  const named = pages.filter((p) => p.path !== "/" && names(p));
  const page = named.sort((x, y) => y.path.length - x.path.length)[0];
  const reason = text.replaceAll(outDir, "").split("\n")[0]!;
  const shortReason = reason.length > 160 ? `${reason.slice(0, 160)}…` : reason;
  const hint =
    "this is a bug in Briefbook, not a mistake of yours; please report it with the output of BRIEFBOOK_DEBUG=1 npm run build";
  if (!page) return error({ file: "build", message: `rendering the site failed: ${shortReason}`, hint });
  const source = sourceFileOf(page);
  const path = page.path.length > 60 ? `${page.path.slice(0, 60)}…` : page.path;
  return error({
    file: source ?? "build",
    message: `could not write the page ${path}: ${shortReason}`,
    hint: source ? `the page is made from this file; ${hint}` : hint,
  });
}

/** Eleventy wraps the error that stopped it (`originalError`, or the standard `cause`). */
function innermostMessage(e: unknown): string {
  let inner = e;
  for (;;) {
    const next =
      (inner as { originalError?: unknown; cause?: unknown } | undefined)?.originalError ??
      (inner as { cause?: unknown } | undefined)?.cause;
    if (!(next instanceof Error)) break;
    inner = next;
  }
  return inner instanceof Error ? inner.message : String(inner);
}

/** The content file a page is made from, when it is made from one. */
function sourceFileOf(page: Page): string | undefined {
  switch (page.layout) {
    case "brief":
      return page.brief.file;
    case "article":
      return page.article.file;
    case "actor":
      return page.actor.file;
    case "topic":
      return page.topic.briefs[0]?.file;
    default:
      return undefined;
  }
}

/** What the render process reports back: the model stays there, only facts the later stages need cross over. */
export interface RenderedSite {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Partial<Record<Stage, number>>;
  readonly pages: number;
  /** Briefs, articles and actors: the pages Pagefind must index. */
  readonly indexedPages: number;
  readonly language: string;
  /** Output file (`briefs/x/index.html`) → the content file it is made from, to name in later problems. */
  readonly pageSources: Readonly<Record<string, string>>;
}

/** load → validate → model → render into `staging`, in this process. */
export async function renderSite(opts: SiteOptions, staging: string): Promise<RenderedSite> {
  const prepared = await prepareSite(opts);
  const timings = { ...prepared.timings };
  const failed = {
    ok: false,
    diagnostics: prepared.diagnostics,
    timings,
    pages: 0,
    indexedPages: 0,
    language: "",
    pageSources: {},
  };
  if (!prepared.model) return failed;
  const model = prepared.model;
  const input = await renderInputOf(model, opts);
  const rendered = await timed(
    "render",
    timings,
    opts,
    () => renderWithEleventy(input, staging, opts.pathPrefix),
    (r) => (r.failure ? "failed" : `${r.pages} pages`),
  );
  if (rendered.failure) return { ...failed, diagnostics: [...prepared.diagnostics, rendered.failure] };
  return {
    ok: true,
    diagnostics: prepared.diagnostics,
    timings,
    pages: input.pages.length,
    indexedPages: indexedPageCount(model),
    language: model.site.language,
    pageSources: pageSourcesOf(input.pages),
  };
}

/** Each page made from one content file, by its output file as the link check names it. */
export function pageSourcesOf(pages: readonly Page[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const page of pages) {
    const source = sourceFileOf(page);
    if (source) out[`${page.path.slice(1)}${page.path.endsWith("/") ? "index.html" : ""}`] = source;
  }
  return out;
}

/** A problem found in an output page, told against the content file the page is made from. */
export function aboutSource(d: Diagnostic, pageSources: Readonly<Record<string, string>>): Diagnostic {
  const source = pageSources[d.file];
  return source
    ? { ...d, file: source, message: `on its page /${d.file.replace(/index\.html$/, "")}: ${d.message}` }
    : d;
}

/**
 * Runs renderSite in a child process. The model and Eleventy's garbage (~1.8 GB of heap at
 * 20,000 documents if V8 is left alone) live and die there, so Pagefind starts next to a
 * small process. The child's heap is capped in proportion to the content, which makes V8
 * collect garbage instead of growing.
 */
function renderInChildProcess(opts: SiteOptions, staging: string): Promise<RenderedSite> {
  const heapMiB = renderHeapMiB(opts.contentDir);
  return new Promise((resolvePromise, reject) => {
    const child = fork(RENDER_PROCESS, [], {
      execArgv: ["--import", TSX_LOADER, `--max-old-space-size=${heapMiB}`],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: RenderedSite | undefined;
    child.on("message", (m: RenderProcessMessage) => {
      if (m.type === "stage") opts.onStage?.(m.report);
      else result = m.result;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (result) return resolvePromise(result);
      reject(
        new Error(
          `the render process stopped (${signal ?? `exit code ${code}`}) with a ${heapMiB} MiB heap; ` +
            `if it ran out of memory, set BRIEFBOOK_RENDER_HEAP_MB higher`,
        ),
      );
    });
    const { onStage: _onStage, ...plain } = opts;
    child.send({ opts: plain, staging } satisfies RenderProcessRequest);
  });
}

export interface RenderProcessRequest {
  readonly opts: Omit<SiteOptions, "onStage">;
  readonly staging: string;
}
export type RenderProcessMessage =
  { readonly type: "stage"; readonly report: StageReport } | { readonly type: "done"; readonly result: RenderedSite };

const RENDER_PROCESS = join(ROOT, "src", "render-process.ts");
const TSX_LOADER = import.meta.resolve("tsx");

/**
 * The model takes ~2.3x the content's size on the heap (253 MB for 110 MB at 20,000 documents);
 * room for that, one slice of Eleventy's pages and some garbage. Overridable for unusual content.
 */
function renderHeapMiB(contentDir: string): number {
  const fromEnv = Number(process.env.BRIEFBOOK_RENDER_HEAP_MB);
  if (fromEnv > 0) return fromEnv;
  let bytes = 0;
  for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  return Math.round(384 + (3 * bytes) / 2 ** 20);
}

/** Where a build into `outDir` would write, for the guard: `--out` may not be any of the others. */
export function outputPlaceOf(opts: Pick<BuildOptions, "outDir" | "contentDir">): OutputPlace {
  return { outDir: opts.outDir, contentDir: opts.contentDir, repository: ROOT, home: homedir() };
}

/** Refuses an `--out` the build may not replace (the content folder, the repository, `/`, …), before any work. */
export const outputRefusal = (opts: Pick<BuildOptions, "outDir" | "contentDir">) => refusalOf(outputPlaceOf(opts));

/** The whole build. `outDir` changes only when every stage succeeded, and then in one step. */
export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const opened = await openOutput(outputPlaceOf(opts)).catch((e: unknown) => ({
    refused: error({
      file: "--out",
      message: `cannot prepare the output folder: ${e instanceof Error ? e.message : String(e)}`,
      hint: `check that you may write to the folder holding '${opts.outDir}'`,
    }),
    reason: "place" as const,
  }));
  if ("refused" in opened)
    return { ok: false, diagnostics: [opened.refused], timings: {}, pages: 0, refused: opened.reason };
  const { output } = opened;
  const timings: Partial<Record<Stage, number>> = {};
  try {
    const built = await renderIndexAndCheck(opts, output.staging, timings);
    if (built.ok) await output.publish();
    return built;
  } catch (e) {
    if (process.env.BRIEFBOOK_DEBUG) console.error(e);
    return { ok: false, diagnostics: [unexpected(e)], timings, pages: 0 };
  } finally {
    // What close cannot remove (a render process still writing) the next build removes.
    await output.close().catch(() => undefined);
  }
}

/** Every stage into `staging`: the render process, then the index and the link check side by side. */
async function renderIndexAndCheck(
  opts: BuildOptions,
  staging: string,
  timings: Partial<Record<Stage, number>>,
): Promise<BuildResult> {
  const diagnostics: Diagnostic[] = [];
  const rendered = await renderInChildProcess(opts, staging);
  diagnostics.push(...rendered.diagnostics);
  Object.assign(timings, rendered.timings);
  if (!rendered.ok) return { ok: false, diagnostics, timings, pages: 0 };

  // Pagefind works in its own process: the link check runs meanwhile on the other core. It
  // skips the index's folders, which are still being written (the index stage checks those).
  const [indexed, checked] = await Promise.all([
    opts.index === false
      ? undefined
      : timed(
          "index",
          timings,
          opts,
          () =>
            buildSearchIndex({ siteDir: staging, expectedPages: rendered.indexedPages, language: rendered.language }),
          (r) => `${r.pages} pages indexed`,
        ),
    timed(
      "check",
      timings,
      opts,
      () => checkLinks(staging, opts.pathPrefix, ["pagefind"]),
      (r) => `${r.links} links in ${r.pages} pages`,
    ),
  ]);
  diagnostics.push(
    ...(indexed?.diagnostics ?? []),
    ...checked.diagnostics.map((d) => aboutSource(d, rendered.pageSources)),
  );
  return { ok: !hasErrors(diagnostics), diagnostics, timings, pages: rendered.pages };
}

const unexpected = (e: unknown): Diagnostic =>
  error({
    file: "build",
    message: `the build failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
    hint: "this is a bug in Briefbook, not in your content; run with BRIEFBOOK_DEBUG=1 for details and report it",
  });

/**
 * Re-indexes the preview after each rebuild, so search follows content edits. With no page count
 * given, the index stage splits the bundles by the searchable pages it finds: the model's briefs,
 * articles and actors, the same count renderInputOf gave the search page, so both agree.
 */
export async function indexPreview(siteDir: string): Promise<void> {
  const { diagnostics } = await buildSearchIndex({ siteDir });
  for (const d of diagnostics) console.error(`search index: ${forTerminal(d.message)}`);
}

/**
 * The preview's source of pages: re-reads content on every Eleventy rebuild. When an edit breaks
 * validation it reports the problems and keeps showing the last good site.
 */
export function previewSource(
  opts: SiteOptions & { report: (ds: readonly Diagnostic[]) => void },
): () => Promise<RenderInput> {
  let lastGood: RenderInput | undefined;
  return async () => {
    const prepared = await prepareSite(opts);
    opts.report(prepared.diagnostics);
    if (prepared.model) lastGood = await renderInputOf(prepared.model, { ...opts, preview: opts.includeDrafts });
    if (!lastGood) throw new Error("the content has errors (listed above); fix them and save again");
    return lastGood;
  };
}
