/**
 * Eleventy template: the Atom feed of the latest briefs.
 * One output file per entry of `briefbook.pages.feed`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { feed } from "./feed.ts";

type Page = PageOf<"feed">;
type Data = TemplateData<"feedPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.feed", size: 1, alias: "feedPage" },
  permalink: (data: Data) => data.feedPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (_page: Page, ctx: RenderContext): string => feed(ctx);

export const render = ({ feedPage, briefbook }: Data): string =>
  namingThePage(feedPage, () => pageHtml(feedPage, briefbook.context));
