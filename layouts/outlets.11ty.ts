/**
 * Eleventy template: the index of outlets, in slices.
 * One output file per entry of `briefbook.pages.outlets`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { outletsMain } from "./lists.ts";

type Page = PageOf<"outlets">;
type Data = TemplateData<"outletsPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.outlets", size: 1, alias: "outletsPage" },
  permalink: (data: Data) => data.outletsPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: outletsMain(ctx, page.slice) });

export const render = ({ outletsPage, briefbook }: Data): string =>
  namingThePage(outletsPage, () => pageHtml(outletsPage, briefbook.context));
