/** Eleventy template: /robots.txt, naming the sitemap. */
import type { RenderContext } from "../src/render/context.ts";
import type { TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { robots } from "./sitemap.ts";

type Page = PageOf<"robots">;
type Data = TemplateData<"robotsPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.robots", size: 1, alias: "robotsPage" },
  permalink: (data: Data) => data.robotsPage.path,
  eleventyExcludeFromCollections: true,
};

/** The file's text: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (_page: Page, ctx: RenderContext): string => robots(ctx);

export const render = (data: Data): string => pageHtml(data.robotsPage, data.briefbook.context);
