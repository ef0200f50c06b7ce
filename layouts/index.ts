/**
 * Layouts: one function per page type, pure presentation over the model. The render stage calls
 * `renderPage` for every entry of the page list; nothing here computes data or reads files.
 */
import type { RenderContext } from "../src/render/context.ts";
import type { Page } from "../src/render/pages.ts";
import { actorMain } from "./actor.ts";
import { articleMain } from "./article.ts";
import { shell } from "./base.ts";
import { briefMain } from "./brief.ts";
import { feed } from "./feed.ts";
import {
  actorsMain,
  briefsMain,
  homeMain,
  notFoundMain,
  outletMain,
  outletsMain,
  timelineMain,
  topicMain,
  topicsMain,
} from "./lists.ts";
import { searchHead, searchMain } from "./search.ts";

export function renderPage(page: Page, ctx: RenderContext): string {
  switch (page.layout) {
    case "home":
      return shell(ctx, page, { main: homeMain(ctx), description: ctx.model.site.tagline });
    case "brief":
      return shell(ctx, page, { main: briefMain(ctx, page.brief), description: page.brief.dek });
    case "article":
      return shell(ctx, page, { main: articleMain(ctx, page.article) });
    case "actor":
      return shell(ctx, page, {
        main: actorMain(ctx, page.actor, page.slice),
        description: page.actor.description,
        slice: page.slice,
      });
    case "actors":
      return shell(ctx, page, { main: actorsMain(ctx, page.slice, page.kinds) });
    case "briefs":
      return shell(ctx, page, { main: briefsMain(ctx, page.slice), slice: page.slice });
    case "timeline":
      return shell(ctx, page, { main: timelineMain(ctx, page.slice), slice: page.slice });
    case "outlets":
      return shell(ctx, page, { main: outletsMain(ctx, page.slice) });
    case "outlet":
      return shell(ctx, page, { main: outletMain(ctx, page.outlet, page.slice), slice: page.slice });
    case "topics":
      return shell(ctx, page, { main: topicsMain(ctx) });
    case "topic":
      return shell(ctx, page, { main: topicMain(ctx, page.topic, page.slice), slice: page.slice });
    case "search":
      return shell(ctx, page, { main: searchMain(ctx), head: searchHead(ctx), headerSearch: false });
    case "not-found":
      return shell(ctx, page, { main: notFoundMain(ctx) });
    case "feed":
      return feed(ctx);
  }
}
