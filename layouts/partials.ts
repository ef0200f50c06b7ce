/** Small pieces several layouts share: citations, document rows, actor chips, pagers. */
import { html, raw, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { Slice } from "../src/render/pages.ts";
import { citationGroupId, citationTrigger } from "../src/model/markdown.ts";
import {
  latestUpdateOf,
  publicationDate,
  type Actor,
  type Brief,
  type Citation,
  type Publication,
  type TimelineEntry,
} from "../src/model/types.ts";
import type { ActorId } from "../src/validate/ids.ts";
import { formatDate, wordsOf } from "./format.ts";
import { wordsFor } from "../src/words/words.ts";
import type { ActorKind } from "../src/validate/schema.ts";

/**
 * A page's citations: each group is one button in the text (`citationTrigger`), and `popovers()`
 * writes, once per group, the cited paragraphs' text with a link to each, to be read in place.
 * One per page render: it collects the groups that page cites.
 */
export class CitationNotes {
  readonly #ctx: RenderContext;
  readonly #groups = new Map<string, readonly Citation[]>();

  constructor(ctx: RenderContext) {
    this.#ctx = ctx;
  }

  /** Every citation in page order, repeats included: the printed page's numbered footnotes. */
  readonly #inOrder: (readonly Citation[])[] = [];

  /**
   * The groups a brief body cites (its buttons are already in the model's HTML), written where the
   * body is, so that footnotes keep the page's order.
   */
  include(groups: readonly (readonly Citation[])[]): SafeHtml {
    for (const g of groups) {
      this.#groups.set(citationGroupId(g), g);
      this.#inOrder.push(g);
    }
    return html``;
  }

  /** The button for one group (labelled `shown`, by default its sources), remembered for `popovers()`. */
  cite(list: readonly Citation[], shown?: string): SafeHtml {
    if (list.length === 0) return html``;
    this.include([list]);
    return raw(citationTrigger(list, shown, undefined, wordsOf(this.#ctx).showCitedText));
  }

  /**
   * For print only: one numbered note per citation, in page order, naming the paragraphs; the
   * stylesheet numbers each citation in the text to match (a CSS counter) and prints the passages after.
   */
  footnotes(): SafeHtml {
    if (this.#inOrder.length === 0) return html``;
    return html`<ol class="cite-footnotes" data-pagefind-ignore>${this.#inOrder.map(
      (g) => html`<li>${g.map((c) => c.label).join("; ")}</li>`,
    )}</ol>`;
  }

  /** Every remembered group's popover: the paragraphs in the source's words, escaped by the model. */
  popovers(): SafeHtml {
    if (this.#groups.size === 0) return html``;
    const { href, model } = this.#ctx;
    return html`<div class="cite-notes" data-pagefind-ignore>${[...this.#groups].map(
      ([id, cites]) =>
        html`<div class="cite-pop" id="${id}" popover><button type="button" class="cite-close" popovertarget="${id}" popovertargetaction="hide">${wordsOf(this.#ctx).close}</button>${cites.map(
          (c) => {
            const paragraph = model.article(c.ref.article)?.paragraphs[c.ref.paragraph - 1];
            return html`<blockquote>${paragraph ? html`<p>${raw(paragraph.html)}</p>` : ""}<p class="cite-src"><a href="${href(c.path)}" title="${c.title}">${c.label}</a></p></blockquote>`;
          },
        )}</div>`,
    )}</div>`;
  }
}

/** One event: when (a date, or the source's words), what, its citations, and the briefs listing it. */
export function eventRow(ctx: RenderContext, t: TimelineEntry, notes: CitationNotes): SafeHtml {
  return html`<li>
<span class="when">${t.date ? dateTag(ctx, t.date) : html`<span class="when-words">${t.event.when}</span>`}</span>
<span class="what">${t.event.what} ${notes.cite(t.cites)}</span>
<span class="meta">${wordsOf(ctx).inBriefs(t.briefs.map((b, i) => html`${i > 0 ? ", " : ""}<a href="${ctx.href(b.path)}">${b.title}</a>`))}</span>
</li>`;
}

/** A content date as readers read it, in the site's language, with the machine date for tools. */
export const dateTag = (
  ctx: RenderContext,
  date: string | undefined,
  missing = wordsOf(ctx).dateNotStated,
): SafeHtml =>
  date
    ? html`<time datetime="${date}">${formatDate(date, ctx.model.site.language)}</time>`
    : html`<span class="unknown">${missing}</span>`;

/** The heading an event sits under on a timeline: its month (or year, if that is all it gives), or the group of events dated only in words. */
export const timelineGroupOf = (t: TimelineEntry, language: string): string =>
  t.date ? formatDate(t.date.slice(0, 7), language) : wordsFor(language).datedOnlyInWords;

/** A kind of actor in the page's language: `one` names one actor's kind, `many` heads a group. */
export const kindLabel = (ctx: RenderContext, kind: string, form: "one" | "many" = "one"): string =>
  wordsOf(ctx).kinds[kind as ActorKind]?.[form] ?? kind;

export function actorLink(ctx: RenderContext, id: ActorId): SafeHtml {
  const actor = ctx.model.actor(id);
  return actor ? html`<a href="${ctx.href(actor.path)}">${actor.name}</a>` : html`${id}`;
}

export function actorChips(ctx: RenderContext, ids: readonly ActorId[]): SafeHtml {
  if (ids.length === 0) return html``;
  return html`<ul class="chips">${ids.map((id) => html`<li>${actorLink(ctx, id)}</li>`)}</ul>`;
}

/** "Corrected 24 November 2025" beside a brief's date in a list, linking to its updates log. */
function changedLink(ctx: RenderContext, b: Brief): SafeHtml {
  const update = latestUpdateOf(b);
  if (!update) return html``;
  const words = wordsOf(ctx);
  const label = update.kind === "correction" ? words.correctedOn : words.updatedOn;
  return html` <a class="changed" href="${ctx.href(b.path)}#updates">${label(dateTag(ctx, update.date))}</a>`;
}

/** One line in a list of briefs and articles: type, title, date, and the summary or source. */
export function publicationRow(ctx: RenderContext, doc: Publication, extra?: SafeHtml): SafeHtml {
  const words = wordsOf(ctx);
  const summary =
    doc.type === "brief"
      ? html`<p class="dek">${doc.dek}</p>`
      : html`<p class="dek">${doc.outletName ?? words.outletNotStated}${doc.section ? html` · ${doc.section}` : ""}</p>`;
  return html`<li class="doc-row">
<span class="doc-type doc-type-${doc.type}">${doc.type === "brief" ? words.brief : words.sourceArticle}</span>
<a class="doc-title" href="${ctx.href(doc.path)}">${doc.title}</a>
${dateTag(ctx, publicationDate(doc))}${doc.type === "brief" ? changedLink(ctx, doc) : ""}${doc.type === "brief" && doc.status === "draft" ? html` <span class="draft">${words.draft}</span>` : ""}
${summary}${extra ?? ""}
</li>`;
}

/** Links to the neighbouring pages of a list; "Newer"/"Older" for lists in date order, else "Previous"/"Next". */
export function pager(ctx: RenderContext, slice: Slice<unknown>, order: "date" | "name" = "date"): SafeHtml {
  if (slice.count <= 1) return html``;
  const words = wordsOf(ctx);
  const [back, on] = order === "date" ? [words.newer, words.older] : [words.previous, words.next];
  return html`<nav class="pager" aria-label="${words.pages}">
${slice.prev ? html`<a rel="prev" href="${ctx.href(slice.prev)}">← ${back}</a>` : html`<span></span>`}
<span>${words.pageOf(slice.number, slice.count)}</span>
${slice.next ? html`<a rel="next" href="${ctx.href(slice.next)}">${on} →</a>` : html`<span></span>`}
</nav>`;
}

export const actorSummary = (ctx: RenderContext, a: Actor): string =>
  [kindLabel(ctx, a.kind), a.role].filter(Boolean).join(" · ");
