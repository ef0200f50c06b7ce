/**
 * What a page tells machines about itself, in its `<head>`: the canonical address, the feeds that
 * follow it, Open Graph and Twitter card tags for link previews, and JSON-LD (schema.org) for
 * search engines. Types come from schema-dts (generated from schema.org), so a misspelt property
 * or a value of the wrong type fails `tsc`; test/render/metadata.test.ts checks what is written.
 */
import type {
  Article as ArticleLd,
  Country,
  GovernmentOrganization,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  WithContext,
} from "schema-dts";
import type { RenderContext } from "../src/render/context.ts";
import type { Page } from "../src/render/pages.ts";
import type { Actor, Article, Brief } from "../src/model/types.ts";
import { actorFeedPath, feedPath, homePath, jsonFeedPath, notFoundPath } from "../src/model/urls.ts";
import { html, jsonLdScript, type SafeHtml } from "../src/render/html.ts";
import type { ActorKind } from "../src/validate/schema.ts";
import { absoluteUrl, briefModified } from "./site-address.ts";

type ActorLd = Person | Organization | GovernmentOrganization | NewsMediaOrganization | Country;

/** Each kind of actor as the schema.org type that says what it is; a country is a Place. */
const ACTOR_TYPES = {
  country: "Country",
  person: "Person",
  organisation: "Organization",
  "government-body": "GovernmentOrganization",
  legislature: "GovernmentOrganization",
  military: "GovernmentOrganization",
  "international-body": "Organization",
  "media-outlet": "NewsMediaOrganization",
} as const satisfies Record<ActorKind, string>;

/** The site as the briefs' author and publisher: briefs name no person. */
const siteOrganization = (ctx: RenderContext): Organization => ({
  "@type": "Organization",
  name: ctx.model.site.title,
  url: absoluteUrl(ctx, homePath),
});

/** An actor named from another document: its type, name and page. */
const actorRef = (ctx: RenderContext, a: Actor): ActorLd =>
  ({ "@type": ACTOR_TYPES[a.kind], name: a.name, url: absoluteUrl(ctx, a.path) }) as ActorLd;

/** A source article: a NewsArticle when an outlet published it, else an Article. */
function sourceLd(ctx: RenderContext, a: Article): NewsArticle | ArticleLd {
  const fields = {
    headline: a.title,
    url: absoluteUrl(ctx, a.path),
    ...(a.url ? { sameAs: a.url } : {}),
    ...(a.published ? { datePublished: a.published } : {}),
    ...(a.byline ? { author: { "@type": "Person", name: a.byline } satisfies Person } : {}),
    ...(a.section ? { articleSection: a.section } : {}),
  };
  return a.outletName
    ? {
        "@type": "NewsArticle",
        ...fields,
        publisher: { "@type": "NewsMediaOrganization", name: a.outletName },
      }
    : { "@type": "Article", ...fields };
}

function briefLd(ctx: RenderContext, b: Brief): WithContext<NewsArticle> {
  const { model } = ctx;
  const actors = b.actors.map((r) => model.actor(r.id)).filter((a): a is Actor => a !== undefined);
  const sources = b.sources.map((id) => model.article(id)).filter((a): a is Article => a !== undefined);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: b.title,
    description: b.dek,
    url: absoluteUrl(ctx, b.path),
    mainEntityOfPage: absoluteUrl(ctx, b.path),
    datePublished: b.date,
    dateModified: briefModified(b),
    inLanguage: model.site.language,
    author: siteOrganization(ctx),
    publisher: siteOrganization(ctx),
    keywords: b.topics.map((t) => t.name),
    about: actors.map((a) => actorRef(ctx, a)),
    citation: sources.map((a) => sourceLd(ctx, a)),
  };
}

const articleLd = (ctx: RenderContext, a: Article): WithContext<NewsArticle | ArticleLd> =>
  ({
    "@context": "https://schema.org",
    ...sourceLd(ctx, a),
    mainEntityOfPage: absoluteUrl(ctx, a.path),
    inLanguage: ctx.model.site.language,
  }) as WithContext<NewsArticle | ArticleLd>;

function actorLd(ctx: RenderContext, a: Actor): WithContext<ActorLd> {
  const affiliation = a.affiliation ? ctx.model.actor(a.affiliation) : undefined;
  // A person works for an organisation; an organisation belongs to a larger one. A country is neither.
  const affiliated =
    affiliation && affiliation.kind !== "country" && affiliation.kind !== "person"
      ? a.kind === "person"
        ? { affiliation: actorRef(ctx, affiliation) }
        : a.kind !== "country"
          ? { parentOrganization: actorRef(ctx, affiliation) }
          : {}
      : {};
  return {
    "@context": "https://schema.org",
    ...(actorRef(ctx, a) as object),
    ...(a.aliases.length > 0 ? { alternateName: a.aliases } : {}),
    ...(a.description ? { description: a.description } : {}),
    ...(a.role && a.kind === "person" ? { jobTitle: a.role } : {}),
    ...affiliated,
  } as WithContext<ActorLd>;
}

/** The JSON-LD of the page's subject, if it has one (an actor's on its first page only). */
function subjectLd(ctx: RenderContext, page: Page): object | undefined {
  if (page.layout === "brief") return briefLd(ctx, page.brief);
  if (page.layout === "article") return articleLd(ctx, page.article);
  if (page.layout === "actor" && page.slice.number === 1) return actorLd(ctx, page.actor);
  return undefined;
}

/** Open Graph's article times: a brief's date and latest update, a source's publication date. */
function articleTimes(page: Page): SafeHtml {
  if (page.layout === "brief")
    return html`<meta property="article:published_time" content="${page.brief.date}">
<meta property="article:modified_time" content="${briefModified(page.brief)}">
${page.brief.topics.map((t) => html`<meta property="article:tag" content="${t.name}">\n`)}`;
  if (page.layout === "article" && page.article.published)
    return html`<meta property="article:published_time" content="${page.article.published}">`;
  return html``;
}

/** The `<head>` lines every page gets besides its title, description and stylesheet. */
export function pageHead(ctx: RenderContext, page: Page, description: string | undefined): SafeHtml {
  const { site } = ctx.model;
  const isArticle = page.layout === "brief" || page.layout === "article";
  const title = page.path === homePath ? site.title : page.title;
  const ld = subjectLd(ctx, page);
  return html`${page.path === notFoundPath ? "" : html`<link rel="canonical" href="${absoluteUrl(ctx, page.path)}">`}
<link rel="alternate" type="application/atom+xml" title="${site.title}" href="${ctx.href(feedPath)}">
<link rel="alternate" type="application/feed+json" title="${site.title}" href="${ctx.href(jsonFeedPath)}">
${page.layout === "actor" ? html`<link rel="alternate" type="application/atom+xml" title="${page.actor.name} · ${site.title}" href="${ctx.href(actorFeedPath(page.actor.id))}">` : ""}
<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${title}">
${description ? html`<meta property="og:description" content="${description}">` : ""}
<meta property="og:type" content="${isArticle ? "article" : "website"}">
<meta property="og:url" content="${absoluteUrl(ctx, page.path)}">
${articleTimes(page)}
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${title}">
${description ? html`<meta name="twitter:description" content="${description}">` : ""}
${ld ? jsonLdScript(ld) : ""}`;
}
