import { html, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { Actor, Citation, Publication } from "../src/model/types.ts";
import type { Slice } from "../src/render/pages.ts";
import { actorFeedPath } from "../src/model/urls.ts";
import { actorLink, actorSummary, CitationNotes, publicationRow, kindLabel, pager } from "./partials.ts";
import { plural } from "./format.ts";
import { searchFacts } from "./search-data.ts";

/** How many quotes and stances the first page of an actor shows before the full list of mentions. */
const HIGHLIGHTS = 10;

export function actorMain(ctx: RenderContext, actor: Actor, slice: Slice<Publication>): SafeHtml {
  const { model } = ctx;
  const first = slice.number === 1;
  const quotes = model.quotesOf(actor.id);
  const stances = model.stancesOf(actor.id);
  const coActors = model.coActorsOf(actor.id);
  const affiliation = actor.affiliation ? model.actor(actor.affiliation) : undefined;
  const notes = new CitationNotes(ctx);
  const cites = (list: readonly Citation[]) => notes.cite(list);

  const rowExtra = (doc: Publication): SafeHtml | undefined => {
    if (doc.type !== "brief") return undefined;
    const role = doc.actors.find((a) => a.id === actor.id);
    const said = doc.quotes.filter((q) => q.actor === actor.id);
    if (!role && said.length === 0) return undefined;
    return html`${role ? html`<p class="role-in-story">Role: ${role.role}${role.stance ? html` · Stance: ${role.stance}` : ""}</p>` : ""}
${said.map((q) => html`<blockquote class="inline-quote">“${q.text}” ${cites([q.cite])}</blockquote>`)}`;
  };

  return html`<article class="actor" ${first ? html`data-pagefind-body` : ""}>
${first ? searchFacts(ctx, { type: "Actor", actors: [actor.id], kinds: [kindLabel(actor.kind)] }) : ""}
<header class="doc-header">
<p class="eyebrow" data-pagefind-ignore>${actorSummary(actor)}</p>
<h1 data-pagefind-weight="10">${actor.name}</h1>
${actor.aliases.length > 0 ? html`<p class="aliases">Also: <span data-pagefind-weight="8">${actor.aliases.join(", ")}</span></p>` : ""}
${affiliation ? html`<p class="affiliation">Affiliated with ${actorLink(ctx, affiliation.id)}</p>` : ""}
${actor.description ? html`<p class="lede">${actor.description}</p>` : ""}
<p class="counts" data-pagefind-ignore>Named in ${plural(slice.total, "document")} · ${plural(quotes.length, "quote")} · ${plural(stances.length, "brief")} giving its role</p>
<p class="follow" data-pagefind-ignore><a href="${ctx.href(actorFeedPath(actor.id))}" type="application/atom+xml">Follow ${actor.name}</a> in a feed reader (Atom)</p>
</header>
${
  first && stances.length > 0
    ? html`<section aria-labelledby="stances" data-pagefind-ignore><h2 id="stances">Roles and stances</h2>
<ul class="stances">${stances
        .slice(0, HIGHLIGHTS)
        .map(
          (s) =>
            html`<li><a href="${ctx.href(s.brief.path)}">${s.brief.title}</a>: ${s.role}${s.stance ? html` · <span class="stance">${s.stance}</span>` : ""} ${cites(s.cites)}</li>`,
        )}</ul>${stances.length > HIGHLIGHTS ? html`<p class="more">Latest ${HIGHLIGHTS} of ${stances.length}; every brief is listed below.</p>` : ""}</section>`
    : ""
}
${
  first && quotes.length > 0
    ? html`<section aria-labelledby="quotes"><h2 id="quotes">Quotes</h2>
${quotes.slice(0, HIGHLIGHTS).map(
  (q) => html`<figure class="quote"><blockquote><p>${q.quote.text}</p></blockquote>
<figcaption data-pagefind-ignore>In <a href="${ctx.href(q.brief.path)}">${q.brief.title}</a>${q.quote.context ? html`, ${q.quote.context}` : ""} ${cites([q.quote.cite])}</figcaption></figure>`,
)}${quotes.length > HIGHLIGHTS ? html`<p class="more">Latest ${HIGHLIGHTS} of ${quotes.length}; every brief is listed below.</p>` : ""}</section>`
    : ""
}
${
  first && coActors.length > 0
    ? html`<section aria-labelledby="with" data-pagefind-ignore><h2 id="with">Most often appears with</h2>
<ul class="chips">${coActors.map((c) => html`<li><a href="${ctx.href(c.actor.path)}">${c.actor.name}</a> <span class="count">${c.count}</span></li>`)}</ul></section>`
    : ""
}
</article>
<section class="backlinks" aria-labelledby="mentions" data-pagefind-ignore>
<h2 id="mentions">Briefs and articles naming ${actor.name}</h2>
${slice.items.length > 0 ? html`<ul class="doc-list">${slice.items.map((d) => publicationRow(ctx, d, rowExtra(d)))}</ul>` : html`<p class="empty">Not named in any brief or article yet.</p>`}
${pager(ctx, slice)}
</section>
${notes.popovers()}`;
}
