/** Small pieces several layouts share: citation chips, document rows, actor chips, pagers. */
import { html, raw, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { Slice } from "../src/render/pages.ts";
import { citationChips } from "../src/model/markdown.ts";
import { publicationDate, type Actor, type Citation, type Publication } from "../src/model/types.ts";
import type { ActorId } from "../src/validate/ids.ts";
import { formatDate, KIND_LABELS } from "./format.ts";

/** `[Daily Weekly News ¶3]` links to the cited paragraph, so every claim is one click from its source. */
export const cites = (ctx: RenderContext, list: readonly Citation[]): SafeHtml =>
  list.length === 0 ? html`` : raw(citationChips(list.map((c) => ({ ...c, href: ctx.href(c.path) }))));

export const dateTag = (date: string | undefined, missing = "Date not stated"): SafeHtml =>
  date ? html`<time datetime="${date}">${formatDate(date)}</time>` : html`<span class="unknown">${missing}</span>`;

export const kindLabel = (kind: string): string => KIND_LABELS[kind]?.one ?? kind;

export function actorLink(ctx: RenderContext, id: ActorId): SafeHtml {
  const actor = ctx.model.actor(id);
  return actor ? html`<a href="${ctx.href(actor.path)}">${actor.name}</a>` : html`${id}`;
}

export function actorChips(ctx: RenderContext, ids: readonly ActorId[]): SafeHtml {
  if (ids.length === 0) return html``;
  return html`<ul class="chips">${ids.map((id) => html`<li>${actorLink(ctx, id)}</li>`)}</ul>`;
}

/** One line in a list of briefs and articles: type, title, date, and the summary or source. */
export function publicationRow(ctx: RenderContext, doc: Publication, extra?: SafeHtml): SafeHtml {
  const summary =
    doc.type === "brief"
      ? html`<p class="dek">${doc.dek}</p>`
      : html`<p class="dek">${doc.outletName ?? "Outlet not stated"}${doc.section ? html` · ${doc.section}` : ""}</p>`;
  return html`<li class="doc-row">
<span class="doc-type doc-type-${doc.type}">${doc.type === "brief" ? "Brief" : "Source article"}</span>
<a class="doc-title" href="${ctx.href(doc.path)}">${doc.title}</a>
${dateTag(publicationDate(doc))}${doc.type === "brief" && doc.status === "draft" ? html` <span class="draft">Draft</span>` : ""}
${summary}${extra ?? ""}
</li>`;
}

/** Links to the neighbouring pages of a list; "Newer"/"Older" for lists in date order, else "Previous"/"Next". */
export function pager(ctx: RenderContext, slice: Slice<unknown>, order: "date" | "name" = "date"): SafeHtml {
  if (slice.count <= 1) return html``;
  const [back, on] = order === "date" ? ["Newer", "Older"] : ["Previous", "Next"];
  return html`<nav class="pager" aria-label="Pages">
${slice.prev ? html`<a rel="prev" href="${ctx.href(slice.prev)}">← ${back}</a>` : html`<span></span>`}
<span>Page ${slice.number} of ${slice.count}</span>
${slice.next ? html`<a rel="next" href="${ctx.href(slice.next)}">${on} →</a>` : html`<span></span>`}
</nav>`;
}

export const actorSummary = (a: Actor): string => [kindLabel(a.kind), a.role].filter(Boolean).join(" · ");
