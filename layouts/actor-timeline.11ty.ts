/**
 * Eleventy template: each actor's own timeline, the events naming it by month, in slices.
 * One output file per entry of `briefbook.pages["actor-timeline"]`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { actorTimelineMain } from "./actor.ts";

type Page = PageOf<"actor-timeline">;
type Data = TemplateData<"actorTimelinePage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.actor-timeline", size: 1, alias: "actorTimelinePage" },
  permalink: (data: Data) => data.actorTimelinePage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: actorTimelineMain(ctx, page.actor, page.slice), slice: page.slice });

export const render = ({ actorTimelinePage, briefbook }: Data): string =>
  namingThePage(actorTimelinePage, () => pageHtml(actorTimelinePage, briefbook.context));
