/**
 * The model stage: validated content in, the frozen `SiteModel` out. Each step is in its own
 * module: links.ts (what rendering needs to link), briefs.ts, articles.ts, co-actors.ts,
 * indexes.ts, and cache.ts (the preview's reuse of unchanged documents' work).
 */
import { wordsFor } from "../words/words.ts";
import type { ValidContent } from "../validate/validate.ts";
import { articlesOf } from "./articles.ts";
import { briefsOf, citingBriefsOf } from "./briefs.ts";
import { BuildCache, type ModelCache } from "./cache.ts";
import { coActorsOf } from "./co-actors.ts";
import { briefIndexesOf, publicationsOf, lookups, mentionsOf, mostMentionedOf, outletsOf } from "./indexes.ts";
import { linkingOf } from "./links.ts";
import { relatedLookup } from "./related.ts";
import type { Actor, SiteModel } from "./types.ts";
import { actorPath } from "./urls.ts";

export { hrefOf } from "./links.ts";
export { modelCache } from "./cache.ts";

export interface ModelOptions {
  /** Where the site is served from: `/` or `/some-repo/`. Links inside rendered Markdown carry it. */
  readonly pathPrefix: string;
  /** Drafts appear in preview, never in a production build. */
  readonly includeDrafts: boolean;
  /** Work to reuse from the previous build of the same site (the preview's rebuilds); see `modelCache`. */
  readonly cache?: ModelCache;
}

/** Every actor with its page's path, by name. */
function actorsOf(content: ValidContent): Actor[] {
  return content.actors
    .map((a): Actor => Object.freeze({ ...a, path: actorPath(a.id) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Builds the site model: one pass over validated content, rendering every Markdown body once and
 * indexing every link between actors, briefs and articles, so that no page computes anything.
 * Linear in the size of the content.
 */
export function buildModel(content: ValidContent, options: ModelOptions): SiteModel {
  const actors = actorsOf(content);
  const words = wordsFor(content.site.language);
  const linking = linkingOf(actors, content.articles, options.pathPrefix, words);
  const cache = new BuildCache(options.cache, options.pathPrefix, actors, content.articles, content.site.language);
  // Briefs first: articles need to know which briefs cite them.
  const { briefs, bodyCites } = briefsOf(content.briefs, options.includeDrafts, linking, cache);
  const { citingBriefs, citingParagraph } = citingBriefsOf(briefs, bodyCites, cache);
  const articles = articlesOf(content.articles, citingParagraph, linking, cache);
  const documents = publicationsOf(briefs, articles);
  const mentions = mentionsOf(documents);
  const coActors = coActorsOf(documents, linking.actorById, cache);
  const { quotes, stances, topics, timeline } = briefIndexesOf(briefs, cache);
  cache.keepForNextBuild();
  return Object.freeze({
    site: content.site,
    actors: Object.freeze(actors),
    articles: Object.freeze(articles),
    briefs: Object.freeze(briefs),
    topics: Object.freeze(topics),
    // The group of articles naming no outlet is titled in the site's language: it is a page of its own.
    outlets: Object.freeze(outletsOf(articles, linking.actorById, words.outletNotStated)),
    timeline: Object.freeze(timeline),
    mostMentioned: Object.freeze(mostMentionedOf(actors, mentions)),
    ...lookups({
      actorById: linking.actorById,
      articleById: new Map(articles.map((a) => [a.id, a])),
      mentions,
      quotes,
      stances,
      coActors,
      citingBriefs,
      timeline,
    }),
    relatedOf: relatedLookup(briefs, linking.actorById),
  });
}
