/**
 * What the render stage is told besides the model, found in one place for the build and the
 * preview alike: the stylesheet's version, read from the repository's public folder. The search
 * page needs nothing from the index stage: whatever the site's size, it is one index in `pagefind/`.
 */
import type { SiteModel } from "./model/types.ts";
import type { RenderSettings } from "./render/render-input.ts";
import { stylesheetVersion } from "./repository.ts";

export async function renderSettingsOf(
  _model: SiteModel,
  opts: { readonly pathPrefix: string; readonly preview?: boolean },
): Promise<RenderSettings> {
  return {
    pathPrefix: opts.pathPrefix,
    preview: opts.preview ?? false,
    stylesheetVersion: await stylesheetVersion(),
  };
}
