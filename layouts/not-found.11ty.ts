/**
 * Eleventy template: the page a host serves for an unknown address (404.html).
 * One output file per entry of `briefbook.pages.not-found`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { notFoundMain } from "./lists.ts";

type Page = PageOf<"not-found">;
type Data = TemplateData<"notFoundPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.not-found", size: 1, alias: "notFoundPage" },
  permalink: (data: Data) => data.notFoundPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string => shell(ctx, page, { main: notFoundMain(ctx) });

export const render = ({ notFoundPage, briefbook }: Data): string =>
  namingThePage(notFoundPage, () => pageHtml(notFoundPage, briefbook.context));
