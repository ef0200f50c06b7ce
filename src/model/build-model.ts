import type { ActorId, ArticleId, BriefId, ParagraphRef } from "../validate/ids.ts";
import type { BodyReference } from "../validate/briefing-syntax.ts";
import { topicSlug } from "../validate/ids.ts";
import type { ValidContent, ValidArticle, ValidBrief } from "../validate/validate.ts";
import { markdownRenderer, type LinkResolver, type RenderedBody } from "./markdown.ts";
import { mentionMatcher } from "./mention-matcher.ts";
import {
  documentDate,
  type Actor,
  type ActorQuote,
  type ActorStance,
  type Article,
  type Brief,
  type Citation,
  type CoActor,
  type Document,
  type Html,
  type Outlet,
  type SiteModel,
  type TimelineEntry,
  type TopicEntry,
} from "./types.ts";
import {
  actorPath,
  articlePath,
  briefPath,
  outletPath,
  paragraphPath,
  topicPath,
  UNSTATED_OUTLET,
  type SitePath,
} from "./urls.ts";

export interface ModelOptions {
  /** Where the site is served from: `/` or `/some-repo/`. Links inside rendered Markdown carry it. */
  readonly pathPrefix: string;
  /** Drafts appear in preview, never in a production build. */
  readonly includeDrafts: boolean;
  /** Work to reuse from the previous build of the same site (the preview's rebuilds); see `modelCache`. */
  readonly cache?: ModelCache;
}

/**
 * Per-document work kept from one build to the next, so that a rebuild after a one-file edit
 * renders only that file's Markdown: each brief body's references and HTML, each article's
 * paragraph HTML and the actors it mentions. An entry is reused only when its text is unchanged
 * and so is everything else its HTML depends on (`actorKey`: the path prefix and every actor's id,
 * name and aliases; `citeKey`, for brief bodies: also every article's id, title and outlet).
 * With `sourceOf`, a brief whose file is unchanged is reused whole, citations and all.
 * Each build keeps only the entries it used, so the cache never holds more than one site.
 */
export interface ModelCache {
  /**
   * What a content file (`briefs/x.md`) held when it was read: any value that changes whenever the
   * file does, such as the loaded file object of a loader that keeps unchanged files.
   */
  readonly sourceOf?: (file: string) => unknown;
  actorKey: string;
  citeKey: string;
  briefs: Map<BriefId, BriefWork>;
  articles: Map<ArticleId, ArticleWork>;
  /** How often actors are named together, what each document added to that, and the co-actor lists ranked from it. */
  pairs?: PairsWork;
}
type Pairs = Map<ActorId, Map<ActorId, number>>;
interface PairsWork {
  readonly counts: Pairs;
  /** `type/id` of each document → the actors it names. */
  readonly docs: ReadonlyMap<string, readonly ActorId[]>;
  ranked?: ReadonlyMap<ActorId, readonly CoActor[]>;
}
interface BriefWork {
  readonly body: string;
  readonly refs: readonly BodyReference[];
  readonly html: Html;
  /** The whole brief and the citations in its body, with the file version they were made from. */
  readonly made?: {
    readonly source: unknown;
    readonly brief: Brief;
    readonly cited: readonly Citation[];
    /** `citedParagraphs` of the brief, once computed. */
    keys?: readonly string[];
    /** `entriesOf` the brief, once computed. */
    entries?: BriefEntries;
  };
}
interface BriefEntries {
  readonly quotes: readonly ActorQuote[];
  readonly stances: readonly ActorStance[];
  readonly events: readonly TimelineEntry[];
}
interface ArticleWork {
  readonly texts: readonly string[];
  readonly html: readonly Html[];
  readonly mentioned: readonly ActorId[];
  /** Each paragraph's `article#n`, the key of the briefs citing it. */
  readonly keys: readonly string[];
  /** The whole article, with the file version it was made from (its paragraphs name the briefs citing them). */
  readonly made?: { readonly source: unknown; readonly article: Article };
}

/** An empty cache for `ModelOptions.cache`: hand the same one to every build of a site. */
export const modelCache = (sourceOf?: (file: string) => unknown): ModelCache => ({
  ...(sourceOf ? { sourceOf } : {}),
  actorKey: "",
  citeKey: "",
  briefs: new Map(),
  articles: new Map(),
});

/** How many co-appearing actors an actor page shows. */
const CO_ACTORS = 10;

const newestFirst = (a: string | undefined, b: string | undefined) =>
  a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? 1 : -1;

/** `/` + `/actors/x/` → `/actors/x/`; `/repo/` + `/actors/x/` → `/repo/actors/x/`. */
export const hrefOf = (pathPrefix: string) => (path: SitePath) => pathPrefix + path.slice(1);

/**
 * Builds the site model: one pass over validated content, rendering every Markdown body once and
 * indexing every link between actors, briefs and articles, so that no page computes anything.
 * Linear in the size of the content.
 */
export function buildModel(content: ValidContent, options: ModelOptions): SiteModel {
  const href = hrefOf(options.pathPrefix);

  const actors = content.actors
    .map((a): Actor => Object.freeze({ ...a, path: actorPath(a.id) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const actorById = new Map(actors.map((a) => [a.id, a]));

  const names = new Map<string, ActorId>();
  for (const a of actors) for (const n of [a.name, ...a.aliases]) if (!names.has(n)) names.set(n, a.id);
  const markdown = markdownRenderer(mentionMatcher(names));
  const work = reuse(options, actors, content.articles);

  const validArticles = new Map(content.articles.map((a) => [a.id, a]));
  const labelOf = (a: ValidArticle) => {
    const outlet = a.outlet && actorById.get(a.outlet)?.name;
    return outlet ?? shortTitle(a.title);
  };
  const citation = (ref: ParagraphRef): Citation & { href: string } => {
    const article = validArticles.get(ref.article);
    const path = paragraphPath(ref);
    return Object.freeze({
      ref,
      path,
      href: href(path),
      label: `${article ? labelOf(article) : ref.article} ¶${ref.paragraph}`,
      title: `${article?.title ?? ref.article}, paragraph ${ref.paragraph}`,
    });
  };
  const links: LinkResolver = {
    actor(id) {
      const a = actorById.get(id);
      return a && { name: a.name, href: href(a.path) };
    },
    citation: (ref) => (validArticles.has(ref.article) ? citation(ref) : undefined),
  };
  const cites = (refs: readonly ParagraphRef[]) => Object.freeze(refs.map(citation));

  const bodyCites = new Map<BriefId, readonly Citation[]>();
  // Briefs first: articles need to know which briefs cite them.
  const briefs = content.briefs
    .filter((b) => options.includeDrafts || b.status === "published")
    .map((b) => briefOf(b))
    .sort((a, b) => newestFirst(a.date, b.date) || (a.title < b.title ? -1 : 1));

  function briefOf(b: ValidBrief): Brief {
    const reused = work.unchangedBrief(b);
    if (reused) {
      bodyCites.set(b.id, reused.cited);
      return reused.brief;
    }
    const mentions = new Set<ActorId>(b.actors.map((a) => a.id));
    for (const q of b.quotes) mentions.add(q.actor);
    for (const e of b.events) for (const a of e.actors) mentions.add(a);
    const cited: Citation[] = [];
    const body = work.brief(b, () => markdown.brief(b.body, links));
    for (const ref of body.refs) {
      if (ref.kind === "actor" && actorById.has(ref.id as ActorId)) mentions.add(ref.id as ActorId);
      if (ref.kind === "citation")
        for (const r of ref.refs) if (r && validArticles.has(r.article)) cited.push(citation(r));
    }
    bodyCites.set(b.id, cited);
    const { body: _body, ...rest } = b;
    const brief: Brief = Object.freeze({
      ...rest,
      type: "brief" as const,
      path: briefPath(b.id),
      bodyHtml: body.html,
      actors: Object.freeze(b.actors.map((a) => Object.freeze({ ...a, cites: cites(a.cites) }))),
      key_points: Object.freeze(b.key_points.map((k) => Object.freeze({ ...k, cites: cites(k.cites) }))),
      quotes: Object.freeze(b.quotes.map((q) => Object.freeze({ ...q, cite: citation(q.cite) }))),
      events: Object.freeze(b.events.map((e) => Object.freeze({ ...e, cites: cites(e.cites) }))),
      updates: Object.freeze(b.updates.map((u) => Object.freeze({ ...u, cites: cites(u.cites) }))),
      topics: uniqueTopics(b.topics),
      mentions: Object.freeze([...mentions]),
    });
    work.made(b, brief, cited);
    return brief;
  }

  const citingBriefs = new Map<ArticleId, Brief[]>();
  const citingParagraph = new Map<string, Brief[]>();
  for (const brief of briefs) {
    for (const source of brief.sources) push(citingBriefs, source, brief);
    const keys = work.citedParagraphs(brief, () => citedParagraphs(brief, bodyCites.get(brief.id) ?? []));
    for (const key of keys) push(citingParagraph, key, brief);
  }

  const articles = content.articles
    .map((a): Article => {
      const rendered = work.article(a, () => {
        const linked = new Set<ActorId>();
        const mentioned = new Set<ActorId>();
        const html = a.paragraphs.map((p) => markdown.articleParagraph(p.text, links, linked, mentioned));
        return { html, mentioned: [...mentioned] };
      });
      const citedBy = rendered.keys.map((key) => citingParagraph.get(key) ?? []);
      const unchanged = work.unchangedArticle(a, citedBy);
      if (unchanged) return unchanged;
      const mentioned = new Set(rendered.mentioned);
      const paragraphs = Object.freeze(
        a.paragraphs.map((_p, i) =>
          Object.freeze({
            n: i + 1,
            html: rendered.html[i]!,
            citedBy: Object.freeze(citedBy[i]!),
          }),
        ),
      );
      if (a.outlet) mentioned.add(a.outlet);
      const outletName = a.outlet && actorById.get(a.outlet)?.name;
      const article: Article = Object.freeze({
        ...a,
        type: "article" as const,
        path: articlePath(a.id),
        paragraphs,
        ...(outletName ? { outletName } : {}),
        label: labelOf(a),
        mentions: Object.freeze([...mentioned]),
      });
      work.madeArticle(a, article);
      return article;
    })
    .sort((a, b) => newestFirst(a.published, b.published) || (a.title < b.title ? -1 : 1));
  const articleById = new Map(articles.map((a) => [a.id, a]));

  // Every document, newest first, so that each per-actor list built below comes out sorted.
  const documents: Document[] = [...briefs, ...articles].sort((a, b) => newestFirst(documentDate(a), documentDate(b)));
  const mentions = new Map<ActorId, Document[]>();
  for (const doc of documents) for (const id of doc.mentions) push(mentions, id, doc);
  // How often each two actors are named in the same document.
  const { pairs, unchanged } = work.pairs(documents);
  const coActors = new Map<ActorId, readonly CoActor[]>();
  for (const [id, row] of pairs) {
    const kept = unchanged(id);
    if (kept) {
      coActors.set(id, kept);
      continue;
    }
    const ranked = [...row]
      .flatMap(([other, count]) => {
        const actor = actorById.get(other);
        return actor ? [{ actor, count }] : [];
      })
      .sort((a, b) => b.count - a.count || (a.actor.name < b.actor.name ? -1 : 1))
      .slice(0, CO_ACTORS);
    coActors.set(id, Object.freeze(ranked));
  }
  work.rankedCoActors(coActors);

  const quotes = new Map<ActorId, ActorQuote[]>();
  const stances = new Map<ActorId, ActorStance[]>();
  const topicIndex = new Map<string, { name: string; briefs: Brief[] }>();
  const timeline: TimelineEntry[] = [];
  for (const brief of briefs) {
    const own = work.briefEntries(brief, () => entriesOf(brief));
    brief.quotes.forEach((quote, i) => push(quotes, quote.actor, own.quotes[i]!));
    brief.actors.forEach((a, i) => push(stances, a.id, own.stances[i]!));
    for (const t of brief.topics) {
      const entry = topicIndex.get(t.slug) ?? { name: t.name, briefs: [] };
      entry.briefs.push(brief);
      topicIndex.set(t.slug, entry);
    }
    for (const entry of own.events) timeline.push(entry);
  }
  timeline.sort((a, b) => newestFirst(a.sortDate, b.sortDate));

  const topics: TopicEntry[] = [...topicIndex]
    .map(([slug, t]) =>
      Object.freeze({
        name: t.name,
        slug: slug as TopicEntry["slug"],
        path: topicPath(slug as TopicEntry["slug"]),
        briefs: Object.freeze(t.briefs),
      }),
    )
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));

  const byOutlet = new Map<ActorId | undefined, Article[]>();
  for (const a of articles) push(byOutlet, a.outlet, a);
  const outlets: Outlet[] = [...byOutlet]
    .map(([id, list]): Outlet => {
      const actor = id && actorById.get(id);
      return Object.freeze(
        actor
          ? { actor, name: actor.name, path: outletPath(actor.id), articles: Object.freeze(list) }
          : { name: "Outlet not stated", path: outletPath(UNSTATED_OUTLET), articles: Object.freeze(list) },
      );
    })
    .sort((a, b) => (!a.actor ? 1 : !b.actor ? -1 : a.name < b.name ? -1 : 1));

  const mostMentioned = actors
    .filter((a) => mentions.has(a.id))
    .sort((a, b) => mentions.get(b.id)!.length - mentions.get(a.id)!.length || (a.name < b.name ? -1 : 1));

  // Lists handed out by the lookups below are shared by every page: frozen like the rest.
  for (const index of [mentions, quotes, stances, citingBriefs] as Map<unknown, unknown[]>[])
    for (const list of index.values()) Object.freeze(list);
  work.done();
  return Object.freeze({
    site: content.site,
    actors: Object.freeze(actors),
    articles: Object.freeze(articles),
    briefs: Object.freeze(briefs),
    topics: Object.freeze(topics),
    outlets: Object.freeze(outlets),
    timeline: Object.freeze(timeline),
    mostMentioned: Object.freeze(mostMentioned),
    ...lookups({ actorById, articleById, mentions, quotes, stances, coActors, citingBriefs }),
  });

  function uniqueTopics(names: readonly string[]) {
    const seen = new Set<string>();
    return Object.freeze(
      names.flatMap((name) => {
        const slug = topicSlug(name);
        if (seen.has(slug)) return [];
        seen.add(slug);
        return [Object.freeze({ name, slug, path: topicPath(slug) })];
      }),
    );
  }
}

/**
 * Each brief body's and article's Markdown work: taken from `options.cache` when the text and
 * everything its HTML depends on are unchanged, computed otherwise. Without a cache, always computed.
 */
function reuse(options: ModelOptions, actors: readonly Actor[], articles: readonly ValidArticle[]) {
  const cache = options.cache;
  const actorKey = cache ? JSON.stringify([options.pathPrefix, actors.map((a) => [a.id, a.name, a.aliases])]) : "";
  const citeKey = cache ? JSON.stringify(articles.map((a) => [a.id, a.title, a.outlet])) : "";
  const sameActors = cache?.actorKey === actorKey;
  const sameCites = sameActors && cache?.citeKey === citeKey;
  const briefs = new Map<BriefId, BriefWork>();
  const used = new Map<ArticleId, ArticleWork>();
  let pairs: PairsWork | undefined;
  return {
    /**
     * The co-appearance counts: the previous build's, corrected by the documents whose actors
     * changed (or that came or went), and which actors' co-actor lists can stay as they were.
     */
    pairs(documents: readonly Document[]) {
      const previous = cache?.pairs;
      // Counts are corrected in place: a build that fails halfway must leave none behind.
      if (cache) cache.pairs = undefined;
      const counts: Pairs = previous?.counts ?? new Map();
      const docs = new Map<string, readonly ActorId[]>();
      const touched = new Set<ActorId>();
      for (const d of documents) {
        const key = `${d.type}/${d.id}`;
        docs.set(key, d.mentions);
        const old = previous?.docs.get(key);
        if (old && sameItems(old, d.mentions)) continue;
        if (old) count(counts, old, -1, touched);
        count(counts, d.mentions, 1, touched);
      }
      for (const [key, old] of previous?.docs ?? []) if (!docs.has(key)) count(counts, old, -1, touched);
      pairs = { counts, docs };
      const ranked = sameActors ? previous?.ranked : undefined;
      return { pairs: counts, unchanged: (id: ActorId) => (touched.has(id) ? undefined : ranked?.get(id)) };
    },
    rankedCoActors(ranked: ReadonlyMap<ActorId, readonly CoActor[]>): void {
      if (pairs) pairs.ranked = ranked;
    },
    /** The brief built from the same file version by the previous build, if nothing it depends on changed. */
    unchangedBrief(b: ValidBrief): BriefWork["made"] {
      const old = cache?.briefs.get(b.id);
      if (!old?.made || !sameCites || !cache?.sourceOf || old.made.source !== cache.sourceOf(b.file)) return undefined;
      briefs.set(b.id, old);
      return old.made;
    },
    made(b: ValidBrief, brief: Brief, cited: readonly Citation[]): void {
      const entry = briefs.get(b.id);
      if (entry && cache?.sourceOf)
        briefs.set(b.id, { ...entry, made: { source: cache.sourceOf(b.file), brief, cited } });
    },
    citedParagraphs(brief: Brief, compute: () => readonly string[]): readonly string[] {
      const made = briefs.get(brief.id)?.made;
      if (made?.brief !== brief) return compute();
      return (made.keys ??= compute());
    },
    briefEntries(brief: Brief, compute: () => BriefEntries): BriefEntries {
      const made = briefs.get(brief.id)?.made;
      if (made?.brief !== brief) return compute();
      return (made.entries ??= compute());
    },
    brief(b: ValidBrief, render: () => RenderedBody): BriefWork {
      const old = cache?.briefs.get(b.id);
      const entry =
        old?.body === b.body && sameCites
          ? { body: old.body, refs: old.refs, html: old.html }
          : { body: b.body, ...render() };
      if (cache) briefs.set(b.id, entry);
      return entry;
    },
    article(a: ValidArticle, render: () => Pick<ArticleWork, "html" | "mentioned">): ArticleWork {
      const old = cache?.articles.get(a.id);
      if (
        old &&
        sameActors &&
        old.texts.length === a.paragraphs.length &&
        a.paragraphs.every((p, i) => p.text === old.texts[i])
      ) {
        used.set(a.id, old);
        return old;
      }
      const keys = a.paragraphs.map((_p, i) => `${a.id}#${i + 1}`);
      const entry = { texts: a.paragraphs.map((p) => p.text), keys, ...render() };
      if (cache) used.set(a.id, entry);
      return entry;
    },
    /** The article built from the same file by the previous build, if the same briefs cite the same paragraphs. */
    unchangedArticle(a: ValidArticle, citedBy: readonly (readonly Brief[])[]): Article | undefined {
      const made = used.get(a.id)?.made;
      if (!made || made.source !== cache?.sourceOf?.(a.file)) return undefined;
      const same = made.article.paragraphs.every((p, i) => sameItems(p.citedBy, citedBy[i]!));
      return same ? made.article : undefined;
    },
    madeArticle(a: ValidArticle, article: Article): void {
      const entry = used.get(a.id);
      if (entry && cache?.sourceOf) used.set(a.id, { ...entry, made: { source: cache.sourceOf(a.file), article } });
    },
    done() {
      if (!cache) return;
      Object.assign(cache, { actorKey, citeKey, briefs, articles: used, pairs });
    },
  };
}

/** What a brief adds to its actors' quotes and stances and to the timeline: one entry per quote, actor and event. */
function entriesOf(brief: Brief): BriefEntries {
  return {
    quotes: brief.quotes.map((quote) => Object.freeze({ quote, brief })),
    stances: brief.actors.map((a) =>
      Object.freeze({ brief, role: a.role, cites: a.cites, ...(a.stance ? { stance: a.stance } : {}) }),
    ),
    events: brief.events.map((event) =>
      Object.freeze({ event, brief, sortDate: event.date ?? brief.date, dated: event.date !== undefined }),
    ),
  };
}

/** Every article paragraph a brief cites anywhere, once each, as `article#n`. */
function citedParagraphs(brief: Brief, bodyCites: readonly Citation[]): string[] {
  const refs = [
    ...brief.key_points.flatMap((k) => k.cites),
    ...brief.quotes.map((q) => q.cite),
    ...brief.events.flatMap((e) => e.cites),
    ...brief.actors.flatMap((a) => a.cites),
    ...brief.updates.flatMap((u) => u.cites),
    ...bodyCites,
  ];
  return [...new Set(refs.map((c) => `${c.ref.article}#${c.ref.paragraph}`))];
}

/**
 * The model's lookups, made outside buildModel on purpose: closures created there would share its
 * scope and keep the validated content (every source file's text, ~100 MB at 20,000 documents)
 * alive for as long as the model.
 */
function lookups(index: {
  actorById: ReadonlyMap<ActorId, Actor>;
  articleById: ReadonlyMap<ArticleId, Article>;
  mentions: ReadonlyMap<ActorId, readonly Document[]>;
  quotes: ReadonlyMap<ActorId, readonly ActorQuote[]>;
  stances: ReadonlyMap<ActorId, readonly ActorStance[]>;
  coActors: ReadonlyMap<ActorId, readonly CoActor[]>;
  citingBriefs: ReadonlyMap<ArticleId, readonly Brief[]>;
}): Pick<SiteModel, "actor" | "article" | "mentionsOf" | "quotesOf" | "stancesOf" | "coActorsOf" | "citationsOf"> {
  const none = Object.freeze([]) as readonly never[];
  return {
    actor: (id) => index.actorById.get(id),
    article: (id) => index.articleById.get(id),
    mentionsOf: (id) => index.mentions.get(id) ?? none,
    quotesOf: (id) => index.quotes.get(id) ?? none,
    stancesOf: (id) => index.stances.get(id) ?? none,
    coActorsOf: (id) => index.coActors.get(id) ?? none,
    citationsOf: (id) => index.citingBriefs.get(id) ?? none,
  };
}

/**
 * Adds (or, with -1, takes back) one document's co-appearances: each actor it names counts once
 * with every other. An actor named anywhere has a row, if an empty one.
 */
function count(counts: Pairs, named: readonly ActorId[], delta: 1 | -1, touched: Set<ActorId>): void {
  for (const id of named) {
    let row = counts.get(id);
    if (!row) counts.set(id, (row = new Map()));
    touched.add(id);
    for (const other of named) {
      if (other === id) continue;
      const n = (row.get(other) ?? 0) + delta;
      if (n === 0) row.delete(other);
      else row.set(other, n);
    }
  }
}

/** Same length, same items in the same order (by identity). */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A title cut at a word boundary, for citation chips of articles whose outlet is not stated. */
function shortTitle(title: string, max = 26): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 8 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,;:–—-]+$/, "")}…`;
}
