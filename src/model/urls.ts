import { PAGE_SEGMENT, UNSTATED_OUTLET } from "../validate/addresses.ts";
import type { ActorId, ArticleId, BriefId, ParagraphRef, TopicSlug } from "../validate/ids.ts";
import type { Brief } from "./types.ts";

/**
 * A page's address relative to the site root, always starting with "/": `/actors/united-kingdom/`.
 * The model speaks only in site paths; the render stage adds the deployment's path prefix, so the
 * same model serves `/` and `/some-repo/`.
 */
export type SitePath = string & { readonly __brand: "SitePath" };

const path = (p: string) => p as SitePath;

export const homePath = path("/");
export const briefsPath = path("/briefs/");
export const actorsPath = path("/actors/");
export const timelinePath = path("/timeline/");
export const outletsPath = path("/outlets/");
export const topicsPath = path("/topics/");
export const searchPath = path("/search/");
export const feedPath = path("/feed.xml");
export const notFoundPath = path("/404.html");
/** Publishing outputs (docs/data.md, docs/deploying.md): the JSON Feed, search engines' files, open data. */
export const jsonFeedPath = path("/feed.json");
export const sitemapPath = path("/sitemap.xml");
/** One file of a sitemap too large for one: `/sitemap.xml` is then an index of these. */
export const sitemapPartPath = (n: number) => path(`/sitemap-${n}.xml`);
export const robotsPath = path("/robots.txt");
export const cnamePath = path("/CNAME");
export const dataPath = (file: string) => path(`/data/${file}`);

export const briefPath = (id: BriefId) => path(`/briefs/${id}/`);
export const articlePath = (id: ArticleId) => path(`/articles/${id}/`);
export const actorPath = (id: ActorId) => path(`/actors/${id}/`);
export const actorFeedPath = (id: ActorId) => path(`/actors/${id}/feed.xml`);
/** Every event naming the actor, by month; `page` (its pages' segment) never clashes with `timeline`. */
export const actorTimelinePath = (id: ActorId) => path(`/actors/${id}/timeline/`);
export const topicPath = (slug: TopicSlug) => path(`/topics/${slug}/`);
/**
 * Articles whose outlet the source does not name are listed under this outlet path. Validation
 * keeps the id from actors, as it keeps `page` (src/validate/addresses.ts): the two cannot clash.
 */
export { UNSTATED_OUTLET };
export const outletPath = (id: ActorId | typeof UNSTATED_OUTLET) => path(`/outlets/${id}/`);
export const paragraphAnchor = (n: number) => `p${n}`;
export const paragraphPath = (ref: ParagraphRef) =>
  path(`${articlePath(ref.article)}#${paragraphAnchor(ref.paragraph)}`);

/** The id of a brief's key point n (from 1), on its row in the key points or in "what each source says". */
export const keyPointAnchor = (n: number) => `key-point-${n}`;
/** The id of the n-th citation group (from 1) in a brief's text: the sentence citing a paragraph. */
export const bodyCitationAnchor = (n: number) => `cited-${n}`;

type Cites = (c: { readonly ref: ParagraphRef }) => boolean;

/** The brief page's sections holding citations, in page order after the key points (their `<h2>` ids). */
const CITING_SECTIONS: readonly (readonly [string, (b: Brief, cites: Cites) => boolean])[] = [
  ["who", (b, cites) => b.actors.some((a) => a.cites.some(cites))],
  ["quotes", (b, cites) => b.quotes.some((q) => cites(q.cite))],
  ["events", (b, cites) => b.events.some((e) => e.cites.some(cites))],
  ["updates", (b, cites) => b.updates.some((u) => u.cites.some(cites))],
];

/**
 * Where on a brief's page it cites a paragraph, for the article's "Cited in": the first key point
 * citing it, else the first sentence of the brief's text that does, else the first section that
 * does, else the brief itself.
 */
export function citingPlacePath(brief: Brief, ref: ParagraphRef): SitePath {
  const cites: Cites = (c) => c.ref.paragraph === ref.paragraph && c.ref.article === ref.article;
  const point = brief.key_points.findIndex((k) => k.cites.some(cites));
  if (point !== -1) return path(`${brief.path}#${keyPointAnchor(point + 1)}`);
  const sentence = brief.bodyCitations.findIndex((group) => group.some(cites));
  if (sentence !== -1) return path(`${brief.path}#${bodyCitationAnchor(sentence + 1)}`);
  const section = CITING_SECTIONS.find(([, citesIn]) => citesIn(brief, cites));
  return section ? path(`${brief.path}#${section[0]}`) : brief.path;
}

/** Page n (from 1) of a paginated list at `base`: page 1 is the base itself, so its address never changes. */
export const pageOf = (base: SitePath, n: number) => (n <= 1 ? base : path(`${base}${PAGE_SEGMENT}/${n}/`));
