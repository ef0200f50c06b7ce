/**
 * What rendering a document needs to link to others: actors by id, articles by id, citation
 * chips for paragraph references, and the Markdown renderer that links actor names.
 */
import type { ActorId, ArticleId, ParagraphRef } from "../validate/ids.ts";
import type { ValidArticle } from "../validate/validate.ts";
import { markdownRenderer, type LinkResolver, type MarkdownRenderer } from "./markdown.ts";
import { mentionMatcher } from "./mention-matcher.ts";
import type { Actor, Citation } from "./types.ts";
import { paragraphPath, type SitePath } from "./urls.ts";
import { phraseText, type Words } from "../words/words.ts";

/** `/` + `/actors/x/` → `/actors/x/`; `/repo/` + `/actors/x/` → `/repo/actors/x/`. */
export const hrefOf = (pathPrefix: string) => (path: SitePath) => pathPrefix + path.slice(1);

/** A title cut at a word boundary, for citation chips of articles whose outlet is not stated. */
function shortTitle(title: string, max = 26): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 8 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,;:–—-]+$/, "")}…`;
}

export interface Linking {
  readonly actorById: ReadonlyMap<ActorId, Actor>;
  readonly validArticles: ReadonlyMap<ArticleId, ValidArticle>;
  /** Renders brief bodies and article paragraphs, linking every actor's name and aliases. */
  readonly markdown: MarkdownRenderer;
  readonly links: LinkResolver;
  /** How a citation chip names an article: its outlet, or else its title, shortened. */
  labelOf(a: ValidArticle): string;
  citation(ref: ParagraphRef): Citation & { href: string };
  cites(refs: readonly ParagraphRef[]): readonly Citation[];
}

/** The first actor to claim a name or alias keeps it. */
function namesOf(actors: readonly Actor[]): Map<string, ActorId> {
  const names = new Map<string, ActorId>();
  for (const a of actors) for (const n of [a.name, ...a.aliases]) if (!names.has(n)) names.set(n, a.id);
  return names;
}

/** `words`: the interface's words in the site's language, for what citation chips say besides names. */
export function linkingOf(
  actors: readonly Actor[],
  articles: readonly ValidArticle[],
  pathPrefix: string,
  words: Words,
): Linking {
  const href = hrefOf(pathPrefix);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const validArticles = new Map(articles.map((a) => [a.id, a]));
  const labelOf = (a: ValidArticle) => {
    const outlet = a.outlet && actorById.get(a.outlet)?.name;
    return outlet ?? shortTitle(a.title);
  };
  const made = new Map<string, Citation & { href: string }>();
  const makeCitation = (cited: ParagraphRef): Citation & { href: string } => {
    const article = validArticles.get(cited.article);
    // The article's own id, not `cited.article`: a body's reference is a slice of the brief's
    // file, whose whole text the model would otherwise keep (~16 MB at 6,000 documents).
    const ref = Object.freeze({ article: article?.id ?? cited.article, paragraph: cited.paragraph });
    const path = paragraphPath(ref);
    const source = article ? labelOf(article) : ref.article;
    return Object.freeze({
      ref,
      path,
      href: href(path),
      label: `${source} ¶${ref.paragraph}`,
      source,
      title: phraseText(words.citedParagraph(article?.title ?? ref.article, String(ref.paragraph))),
    });
  };
  // One frozen citation per paragraph, shared by every brief citing it: a paragraph is cited ~3
  // times, and each copy cost ~350 bytes (~70 MB at 20,000 documents).
  const citation = (ref: ParagraphRef): Citation & { href: string } => {
    const key = `${ref.article}#${ref.paragraph}`;
    let cited = made.get(key);
    if (!cited) made.set(key, (cited = makeCitation(ref)));
    return cited;
  };
  const links: LinkResolver = {
    actor(id) {
      const a = actorById.get(id);
      return a && { name: a.name, href: href(a.path) };
    },
    citation: (ref) => (validArticles.has(ref.article) ? citation(ref) : undefined),
    showCitedText: words.showCitedText,
  };
  return {
    actorById,
    validArticles,
    markdown: markdownRenderer(mentionMatcher(namesOf(actors))),
    links,
    labelOf,
    citation,
    cites: (refs) => Object.freeze(refs.map(citation)),
  };
}
