/**
 * Eleventy template: the actor index, grouped by kind, in slices.
 * One output file per entry of `briefbook.pages.actors`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { actorsMain } from "./lists.ts";

type Page = PageOf<"actors">;
type Data = TemplateData<"actorsPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.actors", size: 1, alias: "actorsPage" },
  permalink: (data: Data) => data.actorsPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, { main: actorsMain(ctx, page.slice, page.kinds) });

export const render = ({ actorsPage, briefbook }: Data): string =>
  namingThePage(actorsPage, () => pageHtml(actorsPage, briefbook.context));
