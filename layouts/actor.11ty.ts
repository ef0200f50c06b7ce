/**
 * Eleventy template: each actor's pages: its profile, then every brief and article naming it, in slices.
 * One output file per entry of `briefbook.pages.actor`; its address is the page's `path` (src/render/pages.ts).
 */
import type { RenderContext } from "../src/render/context.ts";
import { namingThePage, type TemplateData } from "../src/render/eleventy-plugin.ts";
import type { PageOf } from "../src/render/pages.ts";
import { shell } from "./base.ts";
import { actorMain } from "./actor.ts";

type Page = PageOf<"actor">;
type Data = TemplateData<"actorPage", Page>;

export const data = {
  pagination: { data: "briefbook.pages.actor", size: 1, alias: "actorPage" },
  permalink: (data: Data) => data.actorPage.path,
  eleventyExcludeFromCollections: true,
};

/** The page's HTML: Eleventy writes it, the preview serves it on request. */
export const pageHtml = (page: Page, ctx: RenderContext): string =>
  shell(ctx, page, {
    main: actorMain(ctx, page.actor, page.slice),
    description: page.actor.description,
    slice: page.slice,
  });

export const render = ({ actorPage, briefbook }: Data): string =>
  namingThePage(actorPage, () => pageHtml(actorPage, briefbook.context));
