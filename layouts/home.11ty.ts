/**
 * Eleventy template: the front page.
 * One output file per entry of `briefbook.pages.home`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { homeMain } from "./lists.ts";

type Page = PageOf<"home">;
type Data = TemplateData<"homePage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.home", size: 1, alias: "homePage" },
  permalink: (data: Data) => data.homePage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. Its own search box replaces the header's. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: homeMain(ctx), description: ctx.model.site.tagline, headerSearch: false });

export const render = ({ homePage, briefbook }: Data): string =>
  namingThePage(homePage, () => pageHtml(homePage, briefbook.context));
