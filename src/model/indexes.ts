/**
 * The model's indexes: every back-link a page shows (who mentions an actor, what it said, where it
 * stood), the topics, outlets and timeline, and the lookups the model hands to pages.
 */
import type { ActorId, ArticleId } from "../validate/ids.ts";
import type { BriefEntries, BuildCache } from "./cache.ts";
import { newestFirst, push } from "./lists.ts";
import {
  publicationDate,
  type Actor,
  type ActorQuote,
  type ActorStance,
  type Article,
  type Brief,
  type CoActor,
  type Publication,
  type Outlet,
  type SiteModel,
  type TimelineEntry,
  type TopicEntry,
} from "./types.ts";
import { timelineOf, type ListedEvent } from "./timeline.ts";
import { dossierOf, type ActorDossier } from "./dossier.ts";
import { outletPath, topicPath, UNSTATED_OUTLET } from "./urls.ts";

/** Every document, newest first, so that each per-actor list built from it comes out sorted. */
export function publicationsOf(briefs: readonly Brief[], articles: readonly Article[]): Publication[] {
  return [...briefs, ...articles].sort((a, b) => newestFirst(publicationDate(a), publicationDate(b)));
}

/** Actor → the documents that mention it, in the order of `documents`. */
export function mentionsOf(documents: readonly Publication[]): Map<ActorId, Publication[]> {
  const mentions = new Map<ActorId, Publication[]>();
  for (const doc of documents) for (const id of doc.mentions) push(mentions, id, doc);
  return mentions;
}

/** What a brief adds to its actors' quotes and stances and to the timeline: one entry per quote, actor and event. */
function entriesOf(brief: Brief): BriefEntries {
  return {
    quotes: brief.quotes.map((quote) => Object.freeze({ quote, brief })),
    stances: brief.actors.map((a) =>
      Object.freeze({ brief, role: a.role, cites: a.cites, ...(a.stance ? { stance: a.stance } : {}) }),
    ),
    events: brief.events.map((event) => Object.freeze({ event, brief })),
  };
}

/** The topic pages, by name, each listing its briefs in the order given. */
function topicsOf(briefs: readonly Brief[]): TopicEntry[] {
  const topicIndex = new Map<string, { name: string; briefs: Brief[] }>();
  for (const brief of briefs)
    for (const t of brief.topics) {
      const entry = topicIndex.get(t.slug) ?? { name: t.name, briefs: [] };
      entry.briefs.push(brief);
      topicIndex.set(t.slug, entry);
    }
  return [...topicIndex]
    .map(([slug, t]) =>
      Object.freeze({
        name: t.name,
        slug: slug as TopicEntry["slug"],
        path: topicPath(slug as TopicEntry["slug"]),
        briefs: Object.freeze(t.briefs),
      }),
    )
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}

/** Each actor's quotes and stances and the timeline (each event once), from the briefs (newest first). */
export function briefIndexesOf(
  briefs: readonly Brief[],
  cache: BuildCache,
): {
  quotes: Map<ActorId, ActorQuote[]>;
  stances: Map<ActorId, ActorStance[]>;
  topics: TopicEntry[];
  timeline: TimelineEntry[];
} {
  const quotes = new Map<ActorId, ActorQuote[]>();
  const stances = new Map<ActorId, ActorStance[]>();
  const listed: ListedEvent[] = [];
  for (const brief of briefs) {
    const own = cache.briefEntries(brief, () => entriesOf(brief));
    brief.quotes.forEach((quote, i) => push(quotes, quote.actor, own.quotes[i]!));
    brief.actors.forEach((a, i) => push(stances, a.id, own.stances[i]!));
    for (const entry of own.events) listed.push(entry);
  }
  return { quotes, stances, topics: topicsOf(briefs), timeline: timelineOf(listed, cache.timeline) };
}

/** The outlet pages: each outlet's articles, outlets by name, articles with no outlet stated last. */
export function outletsOf(
  articles: readonly Article[],
  actorById: ReadonlyMap<ActorId, Actor>,
  unstated: string,
): Outlet[] {
  const byOutlet = new Map<ActorId | undefined, Article[]>();
  for (const a of articles) push(byOutlet, a.outlet, a);
  return [...byOutlet]
    .map(([id, list]): Outlet => {
      const actor = id && actorById.get(id);
      return Object.freeze(
        actor
          ? { actor, name: actor.name, path: outletPath(actor.id), articles: Object.freeze(list) }
          : { name: unstated, path: outletPath(UNSTATED_OUTLET), articles: Object.freeze(list) },
      );
    })
    .sort((a, b) => (!a.actor ? 1 : !b.actor ? -1 : a.name < b.name ? -1 : 1));
}

/** The actors mentioned anywhere, most mentioned first. */
export function mostMentionedOf(
  actors: readonly Actor[],
  mentions: ReadonlyMap<ActorId, readonly Publication[]>,
): Actor[] {
  return actors
    .filter((a) => mentions.has(a.id))
    .sort((a, b) => mentions.get(b.id)!.length - mentions.get(a.id)!.length || (a.name < b.name ? -1 : 1));
}

interface Indexes {
  actorById: ReadonlyMap<ActorId, Actor>;
  articleById: ReadonlyMap<ArticleId, Article>;
  mentions: ReadonlyMap<ActorId, readonly Publication[]>;
  quotes: ReadonlyMap<ActorId, readonly ActorQuote[]>;
  stances: ReadonlyMap<ActorId, readonly ActorStance[]>;
  coActors: ReadonlyMap<ActorId, readonly CoActor[]>;
  citingBriefs: ReadonlyMap<ArticleId, readonly Brief[]>;
  timeline: readonly TimelineEntry[];
}

/** Actor → the timeline entries naming it, in the timeline's order. */
function eventsByActor(timeline: readonly TimelineEntry[]): Map<ActorId, TimelineEntry[]> {
  const events = new Map<ActorId, TimelineEntry[]>();
  for (const entry of timeline) for (const id of entry.actors) push(events, id, entry);
  return events;
}

/**
 * The model's lookups, made outside buildModel on purpose: closures created there would share its
 * scope and keep the validated content (every source file's text, ~100 MB at 20,000 documents)
 * alive for as long as the model. The lists they hand out are shared by every page: frozen here
 * like the rest of the model.
 */
export function lookups(
  index: Indexes,
): Pick<
  SiteModel,
  "actor" | "article" | "mentionsOf" | "quotesOf" | "stancesOf" | "coActorsOf" | "citationsOf" | "dossierOf"
> {
  for (const lists of [index.mentions, index.quotes, index.stances, index.citingBriefs])
    for (const list of lists.values()) Object.freeze(list);
  const none = Object.freeze([]) as readonly never[];
  const events = eventsByActor(index.timeline);
  // Each dossier once, when first asked for: every page of a much-named actor's list (one per
  // `per_page` mentions) reads its counts, and making it again for each took 9.7 s of CPU at
  // 10,000 briefs.
  const dossiers = new Map<ActorId, ActorDossier>();
  return {
    actor: (id) => index.actorById.get(id),
    article: (id) => index.articleById.get(id),
    mentionsOf: (id) => index.mentions.get(id) ?? none,
    quotesOf: (id) => index.quotes.get(id) ?? none,
    stancesOf: (id) => index.stances.get(id) ?? none,
    coActorsOf: (id) => index.coActors.get(id) ?? none,
    citationsOf: (id) => index.citingBriefs.get(id) ?? none,
    dossierOf: (id) => {
      const known = dossiers.get(id);
      if (known) return known;
      const dossier = dossierOf(
        index.quotes.get(id) ?? none,
        index.stances.get(id) ?? none,
        events.get(id) ?? none,
        index.mentions.get(id) ?? none,
      );
      dossiers.set(id, dossier);
      return dossier;
    },
  };
}
