/** Briefs: each valid brief with its body rendered, its citations resolved and the actors it mentions. */
import type { ActorId, ArticleId, BriefId } from "../validate/ids.ts";
import { topicSlug } from "../validate/ids.ts";
import { sourceWording } from "../validate/quote-wording.ts";
import type { ValidBrief } from "../validate/validate.ts";
import type { BuildCache } from "./cache.ts";
import type { Linking } from "./links.ts";
import { newestFirst, push } from "./lists.ts";
import type { Brief, Citation } from "./types.ts";
import { compareSources, type ComparedSource } from "./source-comparison.ts";
import { frozenWith } from "./frozen.ts";
import { articlePath, briefPath, outletPath, topicPath } from "./urls.ts";

/** The topics a brief names, each once (by slug), in the order written. */
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

/** Every actor the brief names in its front matter: its actors, who it quotes, who takes part in its events. */
function frontMatterMentions(b: ValidBrief): Set<ActorId> {
  const mentions = new Set<ActorId>(b.actors.map((a) => a.id));
  for (const q of b.quotes) mentions.add(q.actor);
  for (const e of b.events) for (const a of e.actors) mentions.add(a);
  return mentions;
}

/** A source for "what each source says": the article's outlet, or the article itself when the outlet is not stated. */
function sourceOf(linking: Linking, id: ArticleId): ComparedSource {
  const article = linking.validArticles.get(id);
  const outlet = article?.outlet && linking.actorById.get(article.outlet);
  if (outlet) return { key: `outlet:${outlet.id}`, name: outlet.name, path: outletPath(outlet.id) };
  return { key: `article:${id}`, name: article ? linking.labelOf(article) : id, path: articlePath(id) };
}

/** One brief, and the citations in its body: the cache's if its file is unchanged, built otherwise. */
function briefOf(b: ValidBrief, linking: Linking, cache: BuildCache): { brief: Brief; cited: readonly Citation[] } {
  const unchanged = cache.unchangedBrief(b);
  if (unchanged) return unchanged;
  const { actorById, validArticles, citation, cites } = linking;
  const mentions = frontMatterMentions(b);
  const groups: (readonly Citation[])[] = [];
  const body = cache.briefBody(b, () => linking.markdown.brief(b.body, linking.links));
  for (const ref of body.refs) {
    if (ref.kind === "actor" && actorById.has(ref.id as ActorId)) mentions.add(ref.id as ActorId);
    if (ref.kind === "citation") {
      const group = ref.refs.flatMap((r) => (r && validArticles.has(r.article) ? [citation(r)] : []));
      if (group.length > 0) groups.push(Object.freeze(group));
    }
  }
  const cited = groups.flat();
  const { body: _body, ...rest } = b;
  const keyPoints = Object.freeze(b.key_points.map((k) => frozenWith(k, { cites: cites(k.cites) })));
  const comparison = compareSources(keyPoints, b.sources, (id) => sourceOf(linking, id));
  const brief: Brief = Object.freeze({
    ...rest,
    type: "brief" as const,
    path: briefPath(b.id),
    bodyHtml: body.html,
    bodyCitations: Object.freeze(groups),
    actors: Object.freeze(b.actors.map((a) => frozenWith(a, { cites: cites(a.cites) }))),
    key_points: keyPoints,
    // A quote typed with other quotation marks or dashes shows the source's own (fact-check warns of it).
    quotes: Object.freeze(
      b.quotes.map((q) => {
        const paragraph = validArticles.get(q.cite.article)?.paragraphs[q.cite.paragraph - 1];
        const text = (paragraph && sourceWording(q.text, paragraph.text)) ?? q.text;
        return frozenWith(q, { text, cite: citation(q.cite) });
      }),
    ),
    events: Object.freeze(b.events.map((e) => frozenWith(e, { cites: cites(e.cites) }))),
    updates: Object.freeze(b.updates.map((u) => frozenWith(u, { cites: cites(u.cites) }))),
    topics: uniqueTopics(b.topics),
    mentions: Object.freeze([...mentions]),
    ...(comparison ? { comparison } : {}),
  });
  cache.keepBrief(b, brief, cited);
  return { brief, cited };
}

/**
 * The briefs to publish (drafts too when `includeDrafts`), newest first, and the citations in
 * each one's body, which the front matter's do not include.
 */
export function briefsOf(
  valid: readonly ValidBrief[],
  includeDrafts: boolean,
  linking: Linking,
  cache: BuildCache,
): { briefs: Brief[]; bodyCites: Map<BriefId, readonly Citation[]> } {
  const bodyCites = new Map<BriefId, readonly Citation[]>();
  const briefs = valid
    .filter((b) => includeDrafts || b.status === "published")
    .map((b) => {
      const { brief, cited } = briefOf(b, linking, cache);
      bodyCites.set(b.id, cited);
      return brief;
    })
    .sort((a, b) => newestFirst(a.date, b.date) || (a.title < b.title ? -1 : 1));
  return { briefs, bodyCites };
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

/** Which briefs cite each article (as a source) and each paragraph (`article#n`, anywhere in the brief). */
export function citingBriefsOf(
  briefs: readonly Brief[],
  bodyCites: ReadonlyMap<BriefId, readonly Citation[]>,
  cache: BuildCache,
): { citingBriefs: Map<ArticleId, Brief[]>; citingParagraph: Map<string, Brief[]> } {
  const citingBriefs = new Map<ArticleId, Brief[]>();
  const citingParagraph = new Map<string, Brief[]>();
  for (const brief of briefs) {
    for (const source of brief.sources) push(citingBriefs, source, brief);
    const keys = cache.citedParagraphs(brief, () => citedParagraphs(brief, bodyCites.get(brief.id) ?? []));
    for (const key of keys) push(citingParagraph, key, brief);
  }
  return { citingBriefs, citingParagraph };
}
