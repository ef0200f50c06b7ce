/** Eleventy template: /sitemap.xml, every page a reader can land on with its last content change (and its files, past 50,000). */
import type { RenderContext } from "../src/render/context.ts";
import type { TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { sitemap } from "./sitemap.ts";

type Page = PageOf<"sitemap">;
type Data = TemplateData<"sitemapPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.sitemap", size: 1, alias: "sitemapPage" },
  permalink: (data: Data) => data.sitemapPage.path,
  eleventyExcludeFromCollections: true,
};

/** The file's text: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string => sitemap(ctx, page.part);

export const render = (data: Data): string => pageHtml(data.sitemapPage, data.briefbook.context);
