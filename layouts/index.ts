/**
 * The page templates, by page type: Eleventy finds each `<layout>.11ty.ts` in this folder for the
 * build, and the preview renders a requested page through the same template's `pageHtml`.
 */
import type { RenderContext } from "../src/render/context.ts";
import type { Layout, Page, PageOf } from "../src/render/pages.ts";
import * as actor from "./actor.11ty.ts";
import * as actorFeed from "./actor-feed.11ty.ts";
import * as actorTimeline from "./actor-timeline.11ty.ts";
import * as actors from "./actors.11ty.ts";
import * as article from "./article.11ty.ts";
import * as brief from "./brief.11ty.ts";
import * as briefs from "./briefs.11ty.ts";
import * as cname from "./cname.11ty.ts";
import * as feed from "./feed.11ty.ts";
import * as home from "./home.11ty.ts";
import * as jsonFeed from "./json-feed.11ty.ts";
import * as notFound from "./not-found.11ty.ts";
import * as openData from "./open-data.11ty.ts";
import * as outlet from "./outlet.11ty.ts";
import * as outlets from "./outlets.11ty.ts";
import * as robots from "./robots.11ty.ts";
import * as search from "./search.11ty.ts";
import * as sitemap from "./sitemap.11ty.ts";
import * as timeline from "./timeline.11ty.ts";
import * as topic from "./topic.11ty.ts";
import * as topics from "./topics.11ty.ts";

/** Every page type's template; TypeScript fails here until a new page type has one. */
const TEMPLATES: { readonly [L in Layout]: { readonly pageHtml: (page: PageOf<L>, ctx: RenderContext) => string } } = {
  home,
  brief,
  article,
  actor,
  "actor-timeline": actorTimeline,
  actors,
  briefs,
  timeline,
  outlets,
  outlet,
  topics,
  topic,
  search,
  "not-found": notFound,
  feed,
  "json-feed": jsonFeed,
  "actor-feed": actorFeed,
  sitemap,
  robots,
  "open-data": openData,
  cname,
};

/** A page's HTML, exactly as the build writes it. */
export function renderPage(page: Page, ctx: RenderContext): string {
  // The table pairs each type with its own template; TypeScript cannot follow the pairing through `page.layout`.
  const template = TEMPLATES[page.layout] as { readonly pageHtml: (page: Page, ctx: RenderContext) => string };
  return template.pageHtml(page, ctx);
}
