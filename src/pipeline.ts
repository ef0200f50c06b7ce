/**
 * One build, stage by stage, as a table of contents; each stage's work is in its folder.
 *
 *   content/ ─load─▶ SourceFile[] ─validate─▶ ValidContent ─model─▶ SiteModel
 *            ─render─▶ staging folder (Eleventy) ─index─▶ staging/pagefind ─check─▶ publish into _site/
 *
 * Problems are collected as diagnostics and returned together; a stage that finds errors stops
 * the build before anything is written to the output folder, which is replaced only at the end.
 */
import { hasErrors, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { loadContent } from "./load/load-content.ts";
import { validateContent } from "./validate/validate.ts";
import { productionAddressWarning, withSiteUrl } from "./validate/site-url.ts";
import { buildModel } from "./model/build-model.ts";
import type { SiteModel } from "./model/types.ts";
import { indexedPageCount, renderInputOf } from "./render/render-input.ts";
import { renderWithEleventy } from "./render/eleventy-run.ts";
import { aboutSource, pageSourcesOf } from "./render/page-sources.ts";
import { renderSettingsOf } from "./render-settings.ts";
import { buildSearchIndex } from "./search/pagefind.ts";
import { checkLinks } from "./check/links.ts";
import { publishWhenBuilt } from "./publish/publish.ts";
import { renderInChildProcess } from "./build/render-in-child.ts";
import { timed } from "./build/timed.ts";
import { unexpectedFailure } from "./build/unexpected.ts";

export const STAGES = ["load", "validate", "model", "render", "index", "check"] as const;
export type Stage = (typeof STAGES)[number];
export type Timings = Partial<Record<Stage, number>>;

export interface StageReport {
  readonly stage: Stage;
  readonly seconds: number;
  /** What the stage did, for a person watching the build: "120 files". */
  readonly summary: string;
}

export interface SiteOptions {
  readonly contentDir: string;
  /** `/` or `/some-repo/` (normalised by `normalizePathPrefix`, scripts/cli-args.ts). */
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
  readonly timings: Timings;
  readonly pages: number;
  /** Set when the build did no work: `--out` names a folder it may not replace, or another build holds it. */
  readonly refused?: "place" | "busy";
}

/** load → validate: what `npm run check` reports. */
export async function checkSite(opts: SiteOptions) {
  const timings: Timings = {};
  const { onStage } = opts;
  const loaded = await timed({ stage: "load", timings, onStage, summary: (r) => `${r.files.length} files` }, () =>
    loadContent(opts.contentDir),
  );
  const validated = await timed({ stage: "validate", timings, onStage, summary: validatedSummary }, () => {
    const checked = validateContent(loaded.files);
    const addressed = withSiteUrl(checked.content, opts.siteUrl);
    return { content: addressed.content, diagnostics: [...checked.diagnostics, ...addressed.diagnostics] };
  });
  return { content: validated.content, diagnostics: [...loaded.diagnostics, ...validated.diagnostics], timings };
}

const validatedSummary = ({ content: c }: Awaited<ReturnType<typeof validateContent>>) =>
  `${c.briefs.length} briefs, ${c.articles.length} articles, ${c.actors.length} actors`;

export interface PreparedSite {
  readonly model?: SiteModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Timings;
}

/** load → validate → model: everything up to rendering, for the build and Eleventy's own preview. */
export async function prepareSite(opts: SiteOptions): Promise<PreparedSite> {
  const { content, diagnostics, timings } = await checkSite(opts);
  if (hasErrors(diagnostics)) return { diagnostics, timings };
  const summary = (m: SiteModel) =>
    `${m.briefs.length} briefs published, ${m.topics.length} topics, ${m.timeline.length} events`;
  const model = await timed({ stage: "model", timings, onStage: opts.onStage, summary }, () =>
    buildModel(content, { pathPrefix: opts.pathPrefix, includeDrafts: opts.includeDrafts }),
  );
  return { model, diagnostics, timings };
}

/** What the render process reports back: the model stays there, only facts the later stages need cross over. */
export interface RenderedSite {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Timings;
  readonly pages: number;
  /** Briefs, articles and actors: the pages Pagefind must index. */
  readonly indexedPages: number;
  readonly language: string;
  /** Output file (`briefs/x/index.html`) → the content file it is made from, to name in later problems. */
  readonly pageSources: Readonly<Record<string, string>>;
}

/** load → validate → model → render into `staging`, in this process (the build's render process). */
export async function renderSite(opts: SiteOptions, staging: string): Promise<RenderedSite> {
  const prepared = await prepareSite(opts);
  const { model, timings } = prepared;
  // Production only: a build with drafts is looked at, not published.
  const diagnostics = [...prepared.diagnostics, ...productionAddressWarning(model?.site, opts)];
  const failed = { ok: false, diagnostics, timings, pages: 0, indexedPages: 0, language: "", pageSources: {} };
  if (!model) return failed;
  const input = renderInputOf(model, await renderSettingsOf(model, opts));
  const summary = (r: { pages: number; failure?: Diagnostic }) => (r.failure ? "failed" : `${r.pages} pages`);
  const rendered = await timed({ stage: "render", timings, onStage: opts.onStage, summary }, () =>
    renderWithEleventy(input, staging, opts.pathPrefix),
  );
  if (rendered.failure) return { ...failed, diagnostics: [...diagnostics, rendered.failure] };
  return {
    ok: true,
    diagnostics,
    timings,
    pages: input.pages.length,
    indexedPages: indexedPageCount(model),
    language: model.site.language,
    pageSources: pageSourcesOf(input.pages),
  };
}

/** The whole build. `outDir` changes only when every stage succeeded, and then in one step. */
export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const timings: Timings = {};
  const done = await publishWhenBuilt(opts, (staging) => renderIndexAndCheck(opts, staging, timings)).catch(
    (e: unknown) => ({ ok: false, diagnostics: [unexpectedFailure(e)], timings, pages: 0 }),
  );
  if (!("refusal" in done)) return done;
  return { ok: false, diagnostics: [done.refusal], timings: {}, pages: 0, refused: done.reason };
}

/** Every stage into `staging`: the render process, then the index and the link check side by side. */
async function renderIndexAndCheck(opts: BuildOptions, staging: string, timings: Timings): Promise<BuildResult> {
  const rendered = await renderInChildProcess(opts, staging);
  Object.assign(timings, rendered.timings);
  if (!rendered.ok) return { ok: false, diagnostics: rendered.diagnostics, timings, pages: 0 };
  const { onStage } = opts;
  // Pagefind works in its own process: the link check runs meanwhile on the other core. It
  // skips the index's folders, which are still being written (the index stage checks those).
  const [indexed, checked] = await Promise.all([
    opts.index === false
      ? undefined
      : timed({ stage: "index", timings, onStage, summary: (r) => `${r.pages} pages indexed` }, () =>
          buildSearchIndex({ siteDir: staging, expectedPages: rendered.indexedPages, language: rendered.language }),
        ),
    timed({ stage: "check", timings, onStage, summary: (r) => `${r.links} links in ${r.pages} pages` }, () =>
      checkLinks(staging, opts.pathPrefix, ["pagefind"]),
    ),
  ]);
  const diagnostics = [
    ...rendered.diagnostics,
    ...(indexed?.diagnostics ?? []),
    ...checked.diagnostics.map((d) => aboutSource(d, rendered.pageSources)),
  ];
  return { ok: !hasErrors(diagnostics), diagnostics, timings, pages: rendered.pages };
}
