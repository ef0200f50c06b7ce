/**
 * Pagefind's view of a page: which part is indexed, its metadata and the filters it appears
 * under. Kept in one place so every indexed page type describes itself the same way.
 */
import { html, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { ActorId } from "../src/validate/ids.ts";

export interface SearchFacts {
  readonly type: "Brief" | "Article" | "Actor";
  readonly date?: string;
  readonly outlet?: string;
  /** Actors the document names: it is findable under each of them. */
  readonly actors: readonly ActorId[];
  readonly kinds?: readonly string[];
}

/** Hidden elements carrying filters and metadata; Pagefind reads them, readers never see them. */
export function searchFacts(ctx: RenderContext, f: SearchFacts): SafeHtml {
  const names = f.actors.flatMap((id) => {
    const a = ctx.model.actor(id);
    return a ? [a] : [];
  });
  return html`<div hidden data-pagefind-ignore>
<span data-pagefind-filter="type">${f.type}</span>
<span data-pagefind-meta="type">${f.type}</span>
${f.date ? html`<span data-pagefind-meta="date">${f.date}</span><span data-pagefind-sort="date">${f.date}</span><span data-pagefind-filter="year">${f.date.slice(0, 4)}</span>` : ""}
${f.outlet ? html`<span data-pagefind-meta="outlet">${f.outlet}</span><span data-pagefind-filter="outlet">${f.outlet}</span>` : ""}
${names.map((a) => html`<span data-pagefind-filter="actor">${a.name}</span>`)}
${(f.kinds ?? []).map((k) => html`<span data-pagefind-filter="kind">${k}</span>`)}
</div>`;
}
