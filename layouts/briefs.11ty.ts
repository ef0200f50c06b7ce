/**
 * Eleventy template: every brief, newest first, in slices.
 * One output file per entry of `briefbook.pages.briefs`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { briefsMain } from "./lists.ts";

type Page = PageOf<"briefs">;
type Data = TemplateData<"briefsPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.briefs", size: 1, alias: "briefsPage" },
  permalink: (data: Data) => data.briefsPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: briefsMain(ctx, page.slice), slice: page.slice });

export const render = ({ briefsPage, briefbook }: Data): string =>
  namingThePage(briefsPage, () => pageHtml(briefsPage, briefbook.context));
