/**
 * Pagefind's view of a page: which part is indexed, its metadata and the filters it appears
 * under. Kept in one place so every indexed page type describes itself the same way.
 */
import { html, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { ActorId } from "../src/validate/ids.ts";
import { publicationDate } from "../src/model/types.ts";
import { formatDate, wordsOf } from "./format.ts";

/** Each type's name in the search UI (its filter and its results), in the site's language. */
const TYPE_WORDS = { Brief: "resultBrief", Article: "resultArticle", Actor: "resultActor" } as const;

export interface SearchFacts {
  readonly type: "Brief" | "Article" | "Actor";
  readonly date?: string;
  readonly outlet?: string;
  /** Actors the document names: it is findable under each of them. */
  readonly actors: readonly ActorId[];
  readonly kinds?: readonly string[];
}

/**
 * The date a result shows, formatted, and what its tag calls it: a brief's date, an article's
 * publication (or that the source does not state it), an actor's latest mention (a date to show
 * only: actors are not placed in "newest first").
 */
function shownDate(ctx: RenderContext, f: SearchFacts): { label: string; date: string } | undefined {
  const { language } = ctx.model.site;
  const words = wordsOf(ctx);
  if (f.type === "Article")
    return { label: words.metaPublished, date: f.date ? formatDate(f.date, language) : words.notStated };
  if (f.date) return { label: words.metaDate, date: formatDate(f.date, language) };
  if (f.type !== "Actor" || f.actors[0] === undefined) return undefined;
  const latest = ctx.model.mentionsOf(f.actors[0]).find((d) => publicationDate(d) !== undefined);
  return latest && { label: words.metaLatestMention, date: formatDate(publicationDate(latest)!, language) };
}

/**
 * Hidden elements carrying filters and metadata; Pagefind reads them, readers never see them. The
 * shown date is formatted here, as on the pages, since Pagefind's UI prints metadata as it is.
 */
export function searchFacts(ctx: RenderContext, f: SearchFacts): SafeHtml {
  const names = f.actors.flatMap((id) => {
    const a = ctx.model.actor(id);
    return a ? [a] : [];
  });
  const shown = shownDate(ctx, f);
  const words = wordsOf(ctx);
  const type = words[TYPE_WORDS[f.type]];
  return html`<div hidden data-pagefind-ignore>
<span data-pagefind-filter="${words.filterType}">${type}</span>
<span data-pagefind-meta="${words.filterType}">${type}</span>
${shown ? html`<span data-pagefind-meta="${shown.label}">${shown.date}</span>` : ""}
${f.date ? html`<span data-pagefind-sort="date">${f.date}</span><span data-pagefind-filter="${words.filterYear}">${f.date.slice(0, 4)}</span>` : ""}
${f.outlet ? html`<span data-pagefind-meta="${words.filterOutlet}">${f.outlet}</span><span data-pagefind-filter="${words.filterOutlet}">${f.outlet}</span>` : ""}
${names.map((a) => html`<span data-pagefind-filter="${words.filterActor}">${a.name}</span>`)}
${(f.kinds ?? []).map((k) => html`<span data-pagefind-filter="${words.filterKind}">${k}</span>`)}
</div>`;
}
