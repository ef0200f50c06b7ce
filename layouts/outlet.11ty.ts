/**
 * Eleventy template: each outlet's articles, in slices.
 * One output file per entry of `briefbook.pages.outlet`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { outletMain } from "./lists.ts";

type Page = PageOf<"outlet">;
type Data = TemplateData<"outletPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.outlet", size: 1, alias: "outletPage" },
  permalink: (data: Data) => data.outletPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: outletMain(ctx, page.outlet, page.slice), slice: page.slice });

export const render = ({ outletPage, briefbook }: Data): string =>
  namingThePage(outletPage, () => pageHtml(outletPage, briefbook.context));
