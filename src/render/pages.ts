/**
 * Every page of the site, as a flat list Eleventy paginates over (one output file per entry).
 * This is where the URL contract lives: which page exists at which address, and how long lists
 * are split so that no page grows with the archive.
 */
import { phraseText, wordsFor, type Words } from "../words/words.ts";
import type {
  Actor,
  Article,
  Brief,
  Publication,
  Outlet,
  SiteModel,
  TimelineEntry,
  TopicEntry,
} from "../model/types.ts";
import {
  actorFeedPath,
  actorTimelinePath,
  actorsPath,
  briefsPath,
  cnamePath,
  dataPath,
  feedPath,
  jsonFeedPath,
  robotsPath,
  sitemapPartPath,
  sitemapPath,
  homePath,
  notFoundPath,
  pageOf,
  searchPath,
  outletsPath,
  timelinePath,
  topicsPath,
  type SitePath,
} from "../model/urls.ts";
import { ACTOR_KINDS } from "../validate/schema.ts";
import { OPEN_DATA, type OpenDataFile } from "../../layouts/open-data.ts";

/** A kind of actor in the actor index, in index order: where its list starts and how many it holds. */
export interface ActorKindEntry {
  readonly kind: string;
  readonly start: SitePath;
  readonly count: number;
}

/** One page of a paginated list. */
export interface Slice<T> {
  readonly items: readonly T[];
  /** From 1. */
  readonly number: number;
  readonly count: number;
  readonly total: number;
  readonly first: SitePath;
  readonly prev?: SitePath;
  readonly next?: SitePath;
}

interface PageBase {
  readonly path: SitePath;
  readonly title: string;
}
export type Page = PageBase &
  (
    | { readonly layout: "home" }
    | { readonly layout: "brief"; readonly brief: Brief }
    | { readonly layout: "article"; readonly article: Article }
    | { readonly layout: "actor"; readonly actor: Actor; readonly slice: Slice<Publication> }
    | { readonly layout: "actor-timeline"; readonly actor: Actor; readonly slice: Slice<TimelineEntry> }
    | { readonly layout: "actors"; readonly slice: Slice<Actor>; readonly kinds: readonly ActorKindEntry[] }
    | { readonly layout: "briefs"; readonly slice: Slice<Brief> }
    | { readonly layout: "timeline"; readonly slice: Slice<TimelineEntry> }
    | { readonly layout: "outlets"; readonly slice: Slice<Outlet> }
    | { readonly layout: "outlet"; readonly outlet: Outlet; readonly slice: Slice<Article> }
    | { readonly layout: "topics" }
    | { readonly layout: "topic"; readonly topic: TopicEntry; readonly slice: Slice<Brief> }
    | { readonly layout: "search" }
    | { readonly layout: "not-found" }
    | { readonly layout: "feed" }
    // Publishing (docs/data.md, docs/deploying.md): files, not HTML pages.
    | { readonly layout: "json-feed" }
    | { readonly layout: "actor-feed"; readonly actor: Actor }
    // /sitemap.xml, or one of its files (`part`) on a site of more than SITEMAP_URLS listed pages.
    | { readonly layout: "sitemap"; readonly part?: number }
    | { readonly layout: "robots" }
    | { readonly layout: "open-data"; readonly file: OpenDataFile }
    | { readonly layout: "cname"; readonly domain: string }
  );

/** Whether a page is an HTML page (a folder's index or a `.html` file), not a feed or data file. */
export const isHtmlPage = (page: Page): boolean => page.path.endsWith("/") || page.path.endsWith(".html");

/** Pages a search engine should list: the HTML pages, less the search form and the not-found page. */
export const isListedInSitemap = (page: Page): boolean =>
  isHtmlPage(page) && page.path !== searchPath && page.path !== notFoundPath;

/** The sitemap protocol's limit of addresses per file; past it /sitemap.xml is an index of files of this many. */
export const SITEMAP_URLS = 50_000;

/** The files a sitemap index points to: none while one file holds every listed page. */
function sitemapPartsOf(pages: readonly Page[], perFile: number): Page[] {
  const listed = pages.filter(isListedInSitemap).length;
  if (listed <= perFile) return [];
  return Array.from({ length: Math.ceil(listed / perFile) }, (_, i) => ({
    layout: "sitemap",
    path: sitemapPartPath(i + 1),
    title: `Sitemap ${i + 1}`,
    part: i + 1,
  }));
}

/** The page types, one Eleventy template each (`layouts/<layout>.11ty.ts`). */
export type Layout = Page["layout"];
/** The pages of one type. */
export type PageOf<L extends Layout> = Extract<Page, { readonly layout: L }>;
/** The page list by type: what each template paginates over (`briefbook.pages.brief`, …). */
export type PagesByLayout = { readonly [L in Layout]: readonly PageOf<L>[] };

/** Every layout, so each template finds its list even when a slice of the site has none of its pages. */
const LAYOUTS: Record<Layout, true> = {
  home: true,
  brief: true,
  article: true,
  actor: true,
  "actor-timeline": true,
  actors: true,
  briefs: true,
  timeline: true,
  outlets: true,
  outlet: true,
  topics: true,
  topic: true,
  search: true,
  "not-found": true,
  feed: true,
  "json-feed": true,
  "actor-feed": true,
  sitemap: true,
  robots: true,
  "open-data": true,
  cname: true,
};

/** Groups pages by type, keeping their order; every type is present, empty or not. */
export function pagesByLayout(pages: readonly Page[]): PagesByLayout {
  const groups = new Map<Layout, Page[]>(Object.keys(LAYOUTS).map((l) => [l as Layout, []]));
  for (const page of pages) groups.get(page.layout)!.push(page);
  return Object.freeze(Object.fromEntries(groups)) as unknown as PagesByLayout;
}

/** Splits a list into pages at `base`, `base/page/2/`, …; an empty list still gets its first page. */
export function paginate<T>(items: readonly T[], perPage: number, base: SitePath): Slice<T>[] {
  const count = Math.max(1, Math.ceil(items.length / perPage));
  const out: Slice<T>[] = [];
  for (let n = 1; n <= count; n++) {
    out.push({
      items: items.slice((n - 1) * perPage, n * perPage),
      number: n,
      count,
      total: items.length,
      first: base,
      ...(n > 1 ? { prev: pageOf(base, n - 1) } : {}),
      ...(n < count ? { next: pageOf(base, n + 1) } : {}),
    });
  }
  return out;
}

/** Actors per page of the actor index (a row is ~150 bytes) and outlets per page of the sources index (each with a few articles). */
const INDEX_PER_PAGE = 300;
const OUTLETS_PER_PAGE = 20;
/** The index lists actors grouped by kind, in the schema's order of kinds. */
const kindOrder = (kind: string) => {
  const i = (ACTOR_KINDS as readonly string[]).indexOf(kind);
  return i === -1 ? ACTOR_KINDS.length : i;
};

const titled = (words: Words, title: string, slice: Slice<unknown>) =>
  slice.number > 1 ? phraseText(words.titlePageOf(title, String(slice.number), String(slice.count))) : title;

// eslint-disable-next-line max-lines-per-function -- the URL contract: one entry per page type, in site order, read as a list
export function pagesOf(model: SiteModel, { sitemapUrls = SITEMAP_URLS } = {}): Page[] {
  const per = model.site.per_page;
  // Titles of the site's own pages are interface words, in the site's language.
  const words = wordsFor(model.site.language);
  const pages: Page[] = [
    { layout: "home", path: homePath, title: model.site.title },
    { layout: "topics", path: topicsPath, title: words.topics },
    { layout: "search", path: searchPath, title: words.search },
    { layout: "not-found", path: notFoundPath, title: words.notFound },
    { layout: "feed", path: feedPath, title: model.site.title },
    { layout: "json-feed", path: jsonFeedPath, title: model.site.title },
    { layout: "sitemap", path: sitemapPath, title: "Sitemap" },
    { layout: "robots", path: robotsPath, title: "robots.txt" },
    ...Object.keys(OPEN_DATA).map((file): Page => ({
      layout: "open-data",
      path: dataPath(file),
      title: file,
      file: file as OpenDataFile,
    })),
  ];
  // GitHub Pages and other hosts read the custom domain from a CNAME file at the root.
  if (model.site.domain) pages.push({ layout: "cname", path: cnamePath, title: "CNAME", domain: model.site.domain });
  // Path and title are filled in by listPages; the placeholder keeps each page's type exact.
  const at = { path: homePath, title: "" };
  /** Every page of a list at `base`: the same title and layout data, one slice per page. */
  const listPages = <T>(
    items: readonly T[],
    base: SitePath,
    title: string,
    page: (slice: Slice<T>) => Page,
    perPage = per,
  ) =>
    paginate(items, perPage, base).map((slice) => ({
      ...page(slice),
      path: pageOf(base, slice.number),
      title: titled(words, title, slice),
    }));

  // The indexes of actors and outlets grow with the archive too: a thousand actors made a 160 KB page.
  const actorsByKind = [...model.actors].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
  const kinds: Array<{ kind: string; start: SitePath; count: number }> = [];
  actorsByKind.forEach((a, i) => {
    const last = kinds.at(-1);
    if (last?.kind === a.kind) last.count++;
    else kinds.push({ kind: a.kind, start: pageOf(actorsPath, Math.floor(i / INDEX_PER_PAGE) + 1), count: 1 });
  });
  pages.push(
    ...listPages(
      actorsByKind,
      actorsPath,
      words.actorsHeading,
      (slice) => ({ layout: "actors", ...at, slice, kinds }),
      INDEX_PER_PAGE,
    ),
  );
  pages.push(
    ...listPages(
      model.outlets,
      outletsPath,
      words.outletsHeading,
      (slice) => ({ layout: "outlets", ...at, slice }),
      OUTLETS_PER_PAGE,
    ),
  );
  pages.push(...listPages(model.briefs, briefsPath, words.allBriefs, (slice) => ({ layout: "briefs", ...at, slice })));
  pages.push(
    ...listPages(model.timeline, timelinePath, words.timeline, (slice) => ({ layout: "timeline", ...at, slice })),
  );
  for (const brief of model.briefs) pages.push({ layout: "brief", path: brief.path, title: brief.title, brief });
  for (const article of model.articles)
    pages.push({ layout: "article", path: article.path, title: article.title, article });
  for (const actor of model.actors) {
    pages.push(
      ...listPages(model.mentionsOf(actor.id), actor.path, actor.name, (slice) => ({
        layout: "actor",
        ...at,
        actor,
        slice,
      })),
      { layout: "actor-feed", path: actorFeedPath(actor.id), title: actor.name, actor },
    );
    // Its own timeline, for an actor that takes part in any event (its dossier links to it).
    const { events } = model.dossierOf(actor.id);
    if (events.length > 0)
      pages.push(
        ...listPages(events, actorTimelinePath(actor.id), phraseText(words.timelineTitle(actor.name)), (slice) => ({
          layout: "actor-timeline",
          ...at,
          actor,
          slice,
        })),
      );
  }
  for (const outlet of model.outlets)
    pages.push(
      ...listPages(outlet.articles, outlet.path, outlet.name, (slice) => ({ layout: "outlet", ...at, outlet, slice })),
    );
  for (const topic of model.topics)
    pages.push(
      ...listPages(topic.briefs, topic.path, topic.name, (slice) => ({ layout: "topic", ...at, topic, slice })),
    );
  pages.push(...sitemapPartsOf(pages, sitemapUrls));
  return pages;
}

/** The output file Eleventy writes a page to, relative to the site folder. */
export const outputPathOf = (path: SitePath): string => (path.endsWith("/") ? `${path}index.html` : path);
