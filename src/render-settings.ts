/**
 * What the render stage is told besides the model, found in one place for the build and the
 * preview alike: the stylesheet's version (from the repository's public folder) and the search
 * bundles the index stage will write for this many searchable pages (src/search/bundles.ts).
 * It sits beside the stages because it reads from two of them, which neither may do of the other.
 */
import type { SiteModel } from "./model/types.ts";
import { indexedPageCount, type RenderSettings } from "./render/render-input.ts";
import { bundleCount, bundleDirs } from "./search/bundles.ts";
import { stylesheetVersion } from "./repository.ts";

export async function renderSettingsOf(
  model: SiteModel,
  opts: { readonly pathPrefix: string; readonly preview?: boolean },
): Promise<RenderSettings> {
  return {
    pathPrefix: opts.pathPrefix,
    preview: opts.preview ?? false,
    stylesheetVersion: await stylesheetVersion(),
    // The same rule the index stage follows, from the page count it will check.
    searchBundles: bundleDirs(bundleCount(indexedPageCount(model))),
  };
}
