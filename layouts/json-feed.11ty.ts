/** Eleventy template: the JSON Feed 1.1 of the latest briefs (/feed.json). */
import type { RenderContext } from "../src/render/context.ts";
import type { TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { jsonFeed } from "./feed.ts";

type Page = PageOf<"json-feed">;
type Data = TemplateData<"jsonFeedPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.json-feed", size: 1, alias: "jsonFeedPage" },
  permalink: (data: Data) => data.jsonFeedPage.path,
  eleventyExcludeFromCollections: true,
};

/** The file's text: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (_page: Page, ctx: RenderContext): string => jsonFeed(ctx);

export const render = (data: Data): string => pageHtml(data.jsonFeedPage, data.briefbook.context);
