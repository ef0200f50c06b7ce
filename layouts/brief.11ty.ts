/**
 * Eleventy template: one page per published brief.
 * One output file per entry of `briefbook.pages.brief`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { briefMain } from "./brief.ts";

type Page = PageOf<"brief">;
type Data = TemplateData<"briefPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.brief", size: 1, alias: "briefPage" },
  permalink: (data: Data) => data.briefPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: briefMain(ctx, page.brief), description: page.brief.dek });

export const render = ({ briefPage, briefbook }: Data): string =>
  namingThePage(briefPage, () => pageHtml(briefPage, briefbook.context));
