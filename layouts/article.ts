import { html, raw, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { Article } from "../src/model/types.ts";
import { citingPlacePath, outletPath, paragraphAnchor, UNSTATED_OUTLET } from "../src/model/urls.ts";
import { actorChips, dateTag, publicationRow, kindLabel } from "./partials.ts";
import { searchFacts } from "./search-data.ts";
import { wordsOf } from "./format.ts";

export function articleMain(ctx: RenderContext, a: Article): SafeHtml {
  const { model } = ctx;
  const words = wordsOf(ctx);
  const citing = model.citationsOf(a.id);
  const kinds = [...new Set(a.mentions.flatMap((id) => model.actor(id)?.kind ?? []).map((k) => kindLabel(ctx, k)))];
  const outlet = a.outlet ? model.actor(a.outlet) : undefined;
  return html`<article class="source-article" data-pagefind-body>
${searchFacts(ctx, { type: "Article", date: a.published, outlet: a.outletName, actors: a.mentions, kinds })}
<header class="doc-header">
<p class="eyebrow" data-pagefind-ignore>${words.sourceArticle}${a.section ? html` · ${a.section}` : ""}</p>
<h1 data-pagefind-weight="10">${a.title}</h1>
${a.title_source === "editor" ? html`<p class="note">${words.noHeadline}</p>` : ""}
<dl class="facts" data-pagefind-ignore>
<div><dt>${words.outlet}</dt><dd>${
    outlet
      ? html`<a href="${ctx.href(outlet.path)}">${outlet.name}</a> (<a href="${ctx.href(outletPath(outlet.id))}">${words.allItsArticles}</a>)`
      : html`<a href="${ctx.href(outletPath(UNSTATED_OUTLET))}" class="unknown">${words.notStatedInSource}</a>`
  }</dd></div>
<div><dt>${words.published}</dt><dd>${dateTag(ctx, a.published, words.notStatedInSource)}</dd></div>
${a.byline ? html`<div><dt>${words.by}</dt><dd>${a.byline}</dd></div>` : ""}
${a.url ? html`<div><dt>${words.original}</dt><dd><a href="${a.url}" rel="external noopener">${new URL(a.url).hostname}</a></dd></div>` : ""}
</dl>
</header>
<div class="paragraphs">
${a.paragraphs.map((p) => {
  const id = paragraphAnchor(p.n);
  return html`<div class="para${p.citedBy.length > 0 ? " cited" : ""}" id="${id}">
<a class="pnum" href="#${id}" aria-label="${words.paragraph(p.n)}" data-pagefind-ignore>¶${p.n}</a>
<p>${raw(p.html)}</p>
${
  p.citedBy.length > 0
    ? html`<p class="cited-by" data-pagefind-ignore>${words.citedIn} ${p.citedBy.map((b, i) => html`${i > 0 ? ", " : ""}<a href="${ctx.href(citingPlacePath(b, { article: a.id, paragraph: p.n }))}">${b.title}</a>`)}</p>`
    : ""
}
</div>`;
})}
</div>
</article>
<aside class="backlinks">
<section aria-labelledby="citing"><h2 id="citing">${words.briefsCiting}</h2>
${citing.length > 0 ? html`<ul class="doc-list">${citing.map((b) => publicationRow(ctx, b))}</ul>` : html`<p class="empty">${words.noBriefCites}</p>`}
</section>
${a.mentions.length > 0 ? html`<section aria-labelledby="named"><h2 id="named">${words.actorsNamed}</h2>${actorChips(ctx, a.mentions)}</section>` : ""}
</aside>`;
}
