/**
 * One build, stage by stage:
 *
 *   content/ ─load─▶ SourceFile[] ─validate─▶ ValidContent ─model─▶ SiteModel
 *            ─render─▶ staging folder (Eleventy) ─index─▶ staging/pagefind ─check─▶ swap into _site/
 *
 * Problems are collected as diagnostics and returned together; a stage that finds errors stops
 * the build before anything is written to the output folder, which is replaced only at the end.
 */
import { fork } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { error, hasErrors, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { loadContent } from "./load/load-content.ts";
import { validateContent } from "./validate/validate.ts";
import { withSiteUrl } from "./validate/site-url.ts";
import { buildModel } from "./model/build-model.ts";
import type { SiteModel } from "./model/types.ts";
import type { RenderInput } from "./render/eleventy-plugin.ts";
import { indexedPageCount, renderInputOf } from "./render/render-input.ts";
import { renderWithEleventy } from "./render/eleventy-run.ts";
import { pageSourcesOf } from "./render/page-sources.ts";
import { renderSettingsOf } from "./render-settings.ts";
import { buildSearchIndex } from "./search/pagefind.ts";
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

export { PUBLIC_DIR } from "./repository.ts";
import { REPOSITORY_DIR as ROOT } from "./repository.ts";

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
  const input = renderInputOf(model, await renderSettingsOf(model, opts));
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
    if (prepared.model) {
      const settings = await renderSettingsOf(prepared.model, { ...opts, preview: opts.includeDrafts });
      lastGood = renderInputOf(prepared.model, settings);
    }
    if (!lastGood) throw new Error("the content has errors (listed above); fix them and save again");
    return lastGood;
  };
}
