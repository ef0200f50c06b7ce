/** Eleventy template: each actor's Atom feed (/actors/<id>/feed.xml), to follow one actor. */
import type { RenderContext } from "../src/render/context.ts";
import type { TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { actorFeed } from "./feed.ts";

type Page = PageOf<"actor-feed">;
type Data = TemplateData<"actorFeedPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.actor-feed", size: 1, alias: "actorFeedPage" },
  permalink: (data: Data) => data.actorFeedPage.path,
  eleventyExcludeFromCollections: true,
};

/** The file's text: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string => actorFeed(ctx, page.actor);

export const render = (data: Data): string => pageHtml(data.actorFeedPage, data.briefbook.context);
