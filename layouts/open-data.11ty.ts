/** Eleventy template: the open-data files under /data/ (docs/data.md). */
import type { RenderContext } from "../src/render/context.ts";
import type { TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { openData } from "./open-data.ts";

type Page = PageOf<"open-data">;
type Data = TemplateData<"openDataPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.open-data", size: 1, alias: "openDataPage" },
  permalink: (data: Data) => data.openDataPage.path,
  eleventyExcludeFromCollections: true,
};

/** The file's text: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string => openData(ctx, page.file);

export const render = (data: Data): string => pageHtml(data.openDataPage, data.briefbook.context);
