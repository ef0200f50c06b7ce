/** Eleventy template: /CNAME, the custom domain from site.yaml's `domain`, for the host. */
import type { RenderContext } from "../src/render/context.ts";
import type { TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";

type Page = PageOf<"cname">;
type Data = TemplateData<"cnamePage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.cname", size: 1, alias: "cnamePage" },
  permalink: (data: Data) => data.cnamePage.path,
  eleventyExcludeFromCollections: true,
  // CNAME has no extension by name; Eleventy 3 refuses such a permalink unless told it is meant.
  eleventyAllowMissingExtension: true,
};

/** The file's text: the domain alone on one line, as hosts read it. */
export const pageHtml = (page: Page, _ctx: RenderContext): string => `${page.domain}\n`;

export const render = (data: Data): string => pageHtml(data.cnamePage, data.briefbook.context);
