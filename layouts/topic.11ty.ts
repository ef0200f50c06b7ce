/**
 * Eleventy template: each topic's briefs, in slices.
 * One output file per entry of `briefbook.pages.topic`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { topicMain } from "./lists.ts";

type Page = PageOf<"topic">;
type Data = TemplateData<"topicPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.topic", size: 1, alias: "topicPage" },
  permalink: (data: Data) => data.topicPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: topicMain(ctx, page.topic, page.slice), slice: page.slice });

export const render = ({ topicPage, briefbook }: Data): string =>
  namingThePage(topicPage, () => pageHtml(topicPage, briefbook.context));
