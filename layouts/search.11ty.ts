/**
 * Eleventy template: the search page.
 * One output file per entry of `briefbook.pages.search`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { searchHead, searchMain } from "./search.ts";

type Page = PageOf<"search">;
type Data = TemplateData<"searchPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.search", size: 1, alias: "searchPage" },
  permalink: (data: Data) => data.searchPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: searchMain(ctx), head: searchHead(ctx), headerSearch: false });

export const render = ({ searchPage, briefbook }: Data): string =>
  namingThePage(searchPage, () => pageHtml(searchPage, briefbook.context));
