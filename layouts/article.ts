import { html, raw, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { Article } from "../src/model/types.ts";
import { citingPlacePath, outletPath, paragraphAnchor, UNSTATED_OUTLET } from "../src/model/urls.ts";
import { actorChips, dateTag, publicationRow, kindLabel } from "./partials.ts";
import { searchFacts } from "./search-data.ts";

export function articleMain(ctx: RenderContext, a: Article): SafeHtml {
  const { model } = ctx;
  const citing = model.citationsOf(a.id);
  const kinds = [...new Set(a.mentions.flatMap((id) => model.actor(id)?.kind ?? []).map(kindLabel))];
  const outlet = a.outlet ? model.actor(a.outlet) : undefined;
  return html`<article class="source-article" data-pagefind-body>
${searchFacts(ctx, { type: "Article", date: a.published, outlet: a.outletName, actors: a.mentions, kinds })}
<header class="doc-header">
<p class="eyebrow" data-pagefind-ignore>Source article${a.section ? html` · ${a.section}` : ""}</p>
<h1 data-pagefind-weight="10">${a.title}</h1>
${a.title_source === "editor" ? html`<p class="note">The source has no headline; this title was written by the editors.</p>` : ""}
<dl class="facts" data-pagefind-ignore>
<div><dt>Outlet</dt><dd>${
    outlet
      ? html`<a href="${ctx.href(outlet.path)}">${outlet.name}</a> (<a href="${ctx.href(outletPath(outlet.id))}">all its articles</a>)`
      : html`<a href="${ctx.href(outletPath(UNSTATED_OUTLET))}" class="unknown">Not stated in the source</a>`
  }</dd></div>
<div><dt>Published</dt><dd>${dateTag(ctx, a.published, "Not stated in the source")}</dd></div>
${a.byline ? html`<div><dt>By</dt><dd>${a.byline}</dd></div>` : ""}
${a.url ? html`<div><dt>Original</dt><dd><a href="${a.url}" rel="external noopener">${new URL(a.url).hostname}</a></dd></div>` : ""}
</dl>
</header>
<div class="paragraphs">
${a.paragraphs.map((p) => {
  const id = paragraphAnchor(p.n);
  return html`<div class="para${p.citedBy.length > 0 ? " cited" : ""}" id="${id}">
<a class="pnum" href="#${id}" aria-label="Paragraph ${p.n}" data-pagefind-ignore>¶${p.n}</a>
<p>${raw(p.html)}</p>
${
  p.citedBy.length > 0
    ? html`<p class="cited-by" data-pagefind-ignore>Cited in ${p.citedBy.map((b, i) => html`${i > 0 ? ", " : ""}<a href="${ctx.href(citingPlacePath(b, { article: a.id, paragraph: p.n }))}">${b.title}</a>`)}</p>`
    : ""
}
</div>`;
})}
</div>
</article>
<aside class="backlinks">
<section aria-labelledby="citing"><h2 id="citing">Briefs citing this article</h2>
${citing.length > 0 ? html`<ul class="doc-list">${citing.map((b) => publicationRow(ctx, b))}</ul>` : html`<p class="empty">No brief cites it yet.</p>`}
</section>
${a.mentions.length > 0 ? html`<section aria-labelledby="named"><h2 id="named">Actors named</h2>${actorChips(ctx, a.mentions)}</section>` : ""}
</aside>`;
}
