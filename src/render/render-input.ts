import type { SiteModel } from "../model/types.ts";
import { hrefOf } from "../model/build-model.ts";
import { pagesOf } from "./pages.ts";
import type { RenderInput } from "./eleventy-plugin.ts";

/** What the render stage is told besides the model; the orchestrator and the preview find them. */
export interface RenderSettings {
  readonly pathPrefix: string;
  /** The preview's pages say they show drafts. */
  readonly preview?: boolean;
  /** The stylesheet's content hash (src/repository.ts), so its address changes with it. */
  readonly stylesheetVersion: string;
}

/** The pages to write and what layouts need besides the model: links under the prefix, the stylesheet's address. */
export function renderInputOf(model: SiteModel, settings: RenderSettings): RenderInput {
  return {
    pages: pagesOf(model).map((p) => Object.freeze(p)),
    context: Object.freeze({
      model,
      href: hrefOf(settings.pathPrefix),
      pathPrefix: settings.pathPrefix,
      stylesheet: `${settings.pathPrefix}css/site.css?v=${settings.stylesheetVersion}`,
      preview: settings.preview ?? false,
    }),
  };
}

/** Pages Pagefind should index: those whose layouts carry data-pagefind-body (briefs, articles, actors). */
export const indexedPageCount = (m: SiteModel) => m.briefs.length + m.articles.length + m.actors.length;
