/**
 * One build, stage by stage, as a table of contents; each stage's work is in its folder.
 *
 *   content/ ─load─▶ SourceFile[] ─validate─▶ ValidContent ─model─▶ SiteModel
 *            ─render─▶ staging folder (Eleventy) ─index─▶ staging/pagefind ─check─▶ publish into _site/
 *
 * Problems are collected as diagnostics and returned together; a stage that finds errors stops
 * the build before anything is written to the output folder, which is replaced only at the end.
 */
import { hasErrors } from "./diagnostics/diagnostic.ts";
import { loadContent } from "./load/load-content.ts";
import { validateContent } from "./validate/validate.ts";
import { siteAddressProblems, withSiteUrl } from "./validate/site-url.ts";
import { buildModel } from "./model/build-model.ts";
import { indexedPageCount, renderInputOf } from "./render/render-input.ts";
import { renderWithEleventy } from "./render/eleventy-run.ts";
import { aboutSource, pageSourcesOf } from "./render/page-sources.ts";
import { searchSortsOf } from "./render/search-sorts.ts";
import { renderSettingsOf } from "./render-settings.ts";
import { buildSearchIndex } from "./search/pagefind.ts";
import { checkLinks } from "./check/links.ts";
import { publishWhenBuilt } from "./publish/publish.ts";
import { renderInChildProcess } from "./build/render-in-child.ts";
import { timed } from "./build/timed.ts";
import { unexpectedFailure } from "./build/unexpected.ts";
import { summaries } from "./build/summaries.ts";
import type { BuildOptions, BuildResult, PreparedSite, RenderedSite, SiteOptions, Timings } from "./build/stages.ts";

export { STAGES } from "./build/stages.ts";

/**
 * load → validate: what `npm run check` reports (scripts/check.ts calls the two stages itself, so as
 * to load no later stage; keep the two in step).
 * @public
 */
export async function checkSite(opts: SiteOptions) {
  const clock = { timings: {} as Timings, onStage: opts.onStage };
  const loaded = await timed({ ...clock, stage: "load", summary: summaries.load }, () => loadContent(opts.contentDir));
  const validated = await timed({ ...clock, stage: "validate", summary: summaries.validate }, () => {
    const checked = validateContent(loaded.files);
    const addressed = withSiteUrl(checked.content, opts.siteUrl);
    return { content: addressed.content, diagnostics: [...checked.diagnostics, ...addressed.diagnostics] };
  });
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics];
  return { content: validated.content, diagnostics, timings: clock.timings };
}

/** load → validate → model: everything up to rendering, for the build and Eleventy's own preview. */
export async function prepareSite(opts: SiteOptions): Promise<PreparedSite> {
  const { content, diagnostics, timings } = await checkSite(opts);
  if (hasErrors(diagnostics)) return { diagnostics, timings };
  const model = await timed({ timings, onStage: opts.onStage, stage: "model", summary: summaries.model }, () =>
    buildModel(content, { pathPrefix: opts.pathPrefix, includeDrafts: opts.includeDrafts }),
  );
  return { model, diagnostics, timings };
}

/** load → validate → model → render into `staging`, in this process (the build's render process). */
export async function renderSite(opts: SiteOptions, staging: string): Promise<RenderedSite> {
  const prepared = await prepareSite(opts);
  const { model, timings } = prepared;
  // Where the site is published: a custom domain at /, and (production only) an address at all.
  const diagnostics = [...prepared.diagnostics, ...siteAddressProblems(model?.site, opts)];
  const failed = {
    ok: false,
    diagnostics,
    timings,
    pages: 0,
    indexedPages: 0,
    language: "",
    pageSources: {},
    searchSorts: {},
  };
  if (!model) return failed;
  const input = renderInputOf(model, await renderSettingsOf(model, opts));
  const rendered = await timed({ timings, onStage: opts.onStage, stage: "render", summary: summaries.render }, () =>
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
    searchSorts: searchSortsOf(input.pages),
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
  const clock = { timings, onStage: opts.onStage };
  // Pagefind works in its own process: the link check runs meanwhile on the other core. It
  // skips the index's folder, which is still being written (the index stage checks it).
  const [indexed, checked] = await Promise.all([
    opts.index === false
      ? undefined
      : timed({ ...clock, stage: "index", summary: summaries.index }, () =>
          buildSearchIndex({
            siteDir: staging,
            expectedPages: rendered.indexedPages,
            language: rendered.language,
            sortValues: rendered.searchSorts,
          }),
        ),
    timed({ ...clock, stage: "check", summary: summaries.check }, () =>
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
