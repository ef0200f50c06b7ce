/**
 * What Eleventy's own dev server (`npx @11ty/eleventy --serve`, .eleventy.js) renders and indexes:
 * the site re-read on every rebuild, and its search index re-written after it. `npm start` uses
 * its own cached model instead (site.ts); both share the index stage's rules.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SiteModel } from "../model/types.ts";
import type { RenderInput } from "../render/eleventy-plugin.ts";
import { renderInputOf } from "../render/render-input.ts";
import { renderSettingsOf } from "../render-settings.ts";
import { buildSearchIndex } from "../search/pagefind.ts";
import { searchSortsOf, type SearchSorts } from "../render/search-sorts.ts";
import { forTerminal } from "../text/escape.ts";

interface PreviewSourceOptions {
  readonly pathPrefix: string;
  readonly includeDrafts: boolean;
  /** load → validate → model, as the build does it (the orchestrator's prepareSite, passed in). */
  readonly prepare: () => Promise<{ readonly model?: SiteModel; readonly diagnostics: readonly Diagnostic[] }>;
  readonly report: (ds: readonly Diagnostic[]) => void;
}

/**
 * The preview's source of pages: re-reads content on every Eleventy rebuild. When an edit breaks
 * validation it reports the problems and keeps showing the last good site.
 */
export function previewSource(
  opts: PreviewSourceOptions,
): (() => Promise<RenderInput>) & { readonly searchSorts: () => SearchSorts } {
  let lastGood: RenderInput | undefined;
  const source = async () => {
    const prepared = await opts.prepare();
    opts.report(prepared.diagnostics);
    if (prepared.model) {
      const settings = await renderSettingsOf(prepared.model, { ...opts, preview: opts.includeDrafts });
      lastGood = renderInputOf(prepared.model, settings);
    }
    if (!lastGood) throw new Error("the content has errors (listed above); fix them and save again");
    return lastGood;
  };
  // The index stage's merge needs the shown pages' sort values (indexPreview).
  return Object.assign(source, { searchSorts: () => searchSortsOf(lastGood?.pages ?? []) });
}

/**
 * Re-indexes the preview after each rebuild, so search follows content edits. With no page count
 * given, the index stage splits the bundles by the searchable pages it finds: the model's briefs,
 * articles and actors, the same count renderSettingsOf gave the search page, so both agree.
 */
export async function indexPreview(siteDir: string, sortValues: SearchSorts): Promise<void> {
  const { diagnostics } = await buildSearchIndex({ siteDir, sortValues });
  for (const d of diagnostics) console.error(`search index: ${forTerminal(d.message)}`);
}
