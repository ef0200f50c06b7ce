/**
 * Eleventy template: the index of topics.
 * One output file per entry of `briefbook.pages.topics`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { topicsMain } from "./lists.ts";

type Page = PageOf<"topics">;
type Data = TemplateData<"topicsPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.topics", size: 1, alias: "topicsPage" },
  permalink: (data: Data) => data.topicsPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string => shell(ctx, page, { main: topicsMain(ctx) });

export const render = ({ topicsPage, briefbook }: Data): string =>
  namingThePage(topicsPage, () => pageHtml(topicsPage, briefbook.context));
