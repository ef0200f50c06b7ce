/**
 * Eleventy template: one page per source article.
 * One output file per entry of `briefbook.pages.article`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { articleMain } from "./article.ts";

type Page = PageOf<"article">;
type Data = TemplateData<"articlePage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.article", size: 1, alias: "articlePage" },
  permalink: (data: Data) => data.articlePage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: articleMain(ctx, page.article) });

export const render = ({ articlePage, briefbook }: Data): string =>
  namingThePage(articlePage, () => pageHtml(articlePage, briefbook.context));
