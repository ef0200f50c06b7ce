/**
 * The feeds, made by a kept library (feedsmith), never written as XML by hand: an Atom feed and a
 * JSON Feed 1.1 of the latest briefs (/feed.xml, /feed.json), and an Atom feed per actor
 * (/actors/<id>/feed.xml, "follow Venezuela"). Each entry carries the author, the dek as summary,
 * the key points as content, the topics as categories, and `updated` from the brief's latest update.
 * Every date comes from content, so two builds of the same content write the same feeds.
 */
import { generateAtomFeed, generateJsonFeed, type AtomFeed, type JsonFeed } from "feedsmith";
import type { RenderContext } from "../src/render/context.ts";
import { latestUpdateOf, type Actor, type Brief } from "../src/model/types.ts";
import { actorFeedPath, feedPath, homePath, jsonFeedPath, topicsPath, type SitePath } from "../src/model/urls.ts";
import { html } from "../src/render/html.ts";
import { withoutControlCharacters } from "../src/text/escape.ts";
import { absoluteUrl, briefModified, instantOf } from "./site-address.ts";
import { formatDate, wordsOf } from "./format.ts";
import { phraseText } from "../src/words/words.ts";

/** Feed readers need bounded feeds: the latest briefs only. */
const FEED_ENTRIES = 20;
/** A feed with no entries still needs an `updated`; a fixed instant keeps builds identical. */
const NO_DATE = new Date("1970-01-01T00:00:00Z");

/** The briefs' author: briefs name none, so the site (its title) stands for its editors. */
const authorOf = (ctx: RenderContext) => ({ name: ctx.model.site.title, uri: absoluteUrl(ctx, homePath) });

/** The latest update first, so a feed reader sees what changed; then the key points, or the dek. */
function contentOf(ctx: RenderContext, b: Brief): string {
  const update = latestUpdateOf(b);
  const label =
    update && `${wordsOf(ctx).updateKinds[update.kind]}, ${formatDate(update.date, ctx.model.site.language)}`;
  return html`${update ? html`<p><strong>${label}:</strong> ${update.text}</p>` : ""}${
    b.key_points.length > 0
      ? html`<ul>${b.key_points.map((k) => html`<li>${k.text}</li>`)}</ul>`
      : html`<p>${b.dek}</p>`
  }`.value;
}

function atomEntry(ctx: RenderContext, b: Brief): AtomFeed.Entry<Date> {
  const url = absoluteUrl(ctx, b.path);
  return {
    id: url,
    title: { value: b.title },
    links: [{ href: url, rel: "alternate", type: "text/html" }],
    published: instantOf(b.date),
    updated: instantOf(briefModified(b)),
    authors: [authorOf(ctx)],
    summary: { value: b.dek },
    content: { type: "html", value: contentOf(ctx, b) },
    categories: b.topics.map((t) => ({ term: t.slug, label: t.name, scheme: absoluteUrl(ctx, topicsPath) })),
  };
}

interface AtomOf {
  readonly title: string;
  readonly subtitle?: string;
  /** The page the feed follows (the home page, an actor's page) and the feed's own address. */
  readonly page: SitePath;
  readonly self: SitePath;
  readonly briefs: readonly Brief[];
}

function atom(ctx: RenderContext, of: AtomOf): string {
  const briefs = of.briefs.slice(0, FEED_ENTRIES);
  const latest = briefs.map(briefModified).sort().at(-1);
  const xml = generateAtomFeed({
    id: absoluteUrl(ctx, of.page),
    title: { value: of.title },
    ...(of.subtitle ? { subtitle: { value: of.subtitle } } : {}),
    updated: latest ? instantOf(latest) : NO_DATE,
    authors: [authorOf(ctx)],
    links: [
      { href: absoluteUrl(ctx, of.page), rel: "alternate", type: "text/html" },
      { href: absoluteUrl(ctx, of.self), rel: "self", type: "application/atom+xml" },
    ],
    xml: { lang: ctx.model.site.language },
    entries: briefs.map((b) => atomEntry(ctx, b)),
  });
  // XML 1.0 cannot carry control characters: one in a title would make readers refuse the feed.
  return withoutControlCharacters(xml);
}

/** /feed.xml: the site's latest briefs. */
export function feed(ctx: RenderContext): string {
  const { site, briefs } = ctx.model;
  return atom(ctx, {
    title: site.title,
    ...(site.tagline ? { subtitle: site.tagline } : {}),
    page: homePath,
    self: feedPath,
    briefs,
  });
}

/** /actors/<id>/feed.xml: the latest briefs naming the actor. */
export function actorFeed(ctx: RenderContext, actor: Actor): string {
  const briefs = ctx.model.mentionsOf(actor.id).filter((d): d is Brief => d.type === "brief");
  return atom(ctx, {
    title: `${actor.name} · ${ctx.model.site.title}`,
    subtitle: phraseText(wordsOf(ctx).latestBriefsNaming(actor.name)),
    page: actor.path,
    self: actorFeedPath(actor.id),
    briefs,
  });
}

/** /feed.json: the same briefs as /feed.xml, as JSON Feed 1.1. */
export function jsonFeed(ctx: RenderContext): string {
  const { site, briefs } = ctx.model;
  const author = { name: site.title, url: absoluteUrl(ctx, homePath) };
  const items = briefs.slice(0, FEED_ENTRIES).map((b): JsonFeed.Item<Date> => {
    const modified = briefModified(b);
    return {
      id: absoluteUrl(ctx, b.path),
      url: absoluteUrl(ctx, b.path),
      title: b.title,
      summary: b.dek,
      content_html: contentOf(ctx, b),
      date_published: instantOf(b.date),
      ...(modified !== b.date ? { date_modified: instantOf(modified) } : {}),
      tags: b.topics.map((t) => t.name),
      authors: [author],
    };
  });
  const feed = generateJsonFeed({
    title: site.title,
    home_page_url: absoluteUrl(ctx, homePath),
    feed_url: absoluteUrl(ctx, jsonFeedPath),
    ...(site.tagline ? { description: site.tagline } : {}),
    language: site.language,
    authors: [author],
    items,
  });
  return `${JSON.stringify(feed, null, 2)}\n`;
}
