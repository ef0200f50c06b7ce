/**
 * One page of each HTML page type a built site has, found from the URL contract (`pagesOf`) rather
 * than a list kept by hand, so the accessibility test and the screenshots see a new page type as
 * soon as the bundled content has one.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { prepareSite } from "../../src/pipeline.ts";
import { isHtmlPage, outputPathOf, pagesByLayout, pagesOf, type Layout } from "../../src/render/pages.ts";

/** Page types that are files for machines (feeds, sitemap, data), not pages a reader looks at. */
export const NON_HTML_LAYOUTS: readonly Layout[] = [
  "feed",
  "json-feed",
  "actor-feed",
  "sitemap",
  "robots",
  "open-data",
  "cname",
];

export interface PageTypeSample {
  readonly layout: Layout;
  /** Site path, without the path prefix: `/actors/united-states/`. */
  readonly path: string;
}

export interface PageTypes {
  /** Every page type the build knows, with pages in this content or not. */
  readonly layouts: readonly Layout[];
  /** Per HTML page type, its largest page in `siteDir` (the one with the most on it to check). */
  readonly samples: readonly PageTypeSample[];
}

/** The page types of `contentDir`, sampled from the site already built from it into `siteDir`. */
export async function pageTypesOf(contentDir: string, siteDir: string): Promise<PageTypes> {
  const { model, diagnostics } = await prepareSite({ contentDir, pathPrefix: "/", includeDrafts: false });
  if (!model) throw new Error(`no model of ${contentDir}: ${JSON.stringify(diagnostics)}`);
  const byLayout = pagesByLayout(pagesOf(model));
  const samples: PageTypeSample[] = [];
  for (const [layout, pages] of Object.entries(byLayout) as [Layout, typeof byLayout.home][]) {
    let best: PageTypeSample | undefined;
    let bestSize = -1;
    for (const page of pages.filter(isHtmlPage)) {
      const size = (await stat(path.join(siteDir, outputPathOf(page.path)))).size;
      if (size > bestSize) [best, bestSize] = [{ layout, path: page.path }, size];
    }
    if (best) samples.push(best);
  }
  return { layouts: Object.keys(byLayout) as Layout[], samples };
}
