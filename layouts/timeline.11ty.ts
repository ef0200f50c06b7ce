/**
 * Eleventy template: the timeline of events, in slices.
 * One output file per entry of `briefbook.pages.timeline`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { timelineMain } from "./lists.ts";

type Page = PageOf<"timeline">;
type Data = TemplateData<"timelinePage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.timeline", size: 1, alias: "timelinePage" },
  permalink: (data: Data) => data.timelinePage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: timelineMain(ctx, page.slice), slice: page.slice });

export const render = ({ timelinePage, briefbook }: Data): string =>
  namingThePage(timelinePage, () => pageHtml(timelinePage, briefbook.context));
