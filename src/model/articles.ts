/** Articles: each valid article with its paragraphs rendered and the briefs citing each one. */
import type { ActorId } from "../validate/ids.ts";
import type { ValidArticle } from "../validate/validate.ts";
import type { BuildCache } from "./cache.ts";
import type { Linking } from "./links.ts";
import { newestFirst } from "./lists.ts";
import type { Article, Brief } from "./types.ts";
import { articlePath } from "./urls.ts";

/** One article: the cache's if its file and the briefs citing it are unchanged, built otherwise. */
function articleOf(
  a: ValidArticle,
  citingParagraph: ReadonlyMap<string, readonly Brief[]>,
  linking: Linking,
  cache: BuildCache,
): Article {
  const rendered = cache.articleParagraphs(a, () => {
    const linked = new Set<ActorId>();
    const mentioned = new Set<ActorId>();
    const html = a.paragraphs.map((p) => linking.markdown.articleParagraph(p.text, linking.links, linked, mentioned));
    return { html, mentioned: [...mentioned] };
  });
  const citedBy = rendered.keys.map((key) => citingParagraph.get(key) ?? []);
  const unchanged = cache.unchangedArticle(a, citedBy);
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
  const outletName = a.outlet && linking.actorById.get(a.outlet)?.name;
  const article: Article = Object.freeze({
    ...a,
    type: "article" as const,
    path: articlePath(a.id),
    paragraphs,
    ...(outletName ? { outletName } : {}),
    label: linking.labelOf(a),
    mentions: Object.freeze([...mentioned]),
  });
  cache.keepArticle(a, article);
  return article;
}

/** Every article, newest first; `citingParagraph` (from the briefs) says which briefs cite each paragraph. */
export function articlesOf(
  valid: readonly ValidArticle[],
  citingParagraph: ReadonlyMap<string, readonly Brief[]>,
  linking: Linking,
  cache: BuildCache,
): Article[] {
  return valid
    .map((a) => articleOf(a, citingParagraph, linking, cache))
    .sort((a, b) => newestFirst(a.published, b.published) || (a.title < b.title ? -1 : 1));
}
