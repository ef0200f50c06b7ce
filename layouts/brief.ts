import { html, raw } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { Brief, Citation } from "../src/model/types.ts";
import type { SourceComparison } from "../src/model/source-comparison.ts";
import { actorLink, CitationNotes, dateTag, kindLabel } from "./partials.ts";
import { formatDate } from "./format.ts";
import { searchFacts } from "./search-data.ts";
import type { SafeHtml } from "../src/render/html.ts";
import { keyPointAnchor } from "../src/model/urls.ts";

/**
 * The key points of a brief with several sources, as "what each source says": a point per row, a
 * source per column, each cell the paragraphs of that source reporting the point (or none).
 */
function sourceComparison(ctx: RenderContext, c: SourceComparison, notes: CitationNotes): SafeHtml {
  const reporting = c.sources.map((_s, i) => c.points.filter((p) => p.bySource[i]!.length > 0).length);
  return html`<section aria-labelledby="key-points"><h2 id="key-points">Key points: what each source says</h2>
<table class="compare"><thead data-pagefind-ignore><tr><th scope="col">Key point</th>${c.sources.map(
    (s, i) =>
      html`<th scope="col"><a href="${ctx.href(s.path)}">${s.name}</a> <span class="meta">${reporting[i]} of ${c.points.length}</span></th>`,
  )}</tr></thead>
<tbody>${c.points.map(
    (p, n) =>
      html`<tr id="${keyPointAnchor(n + 1)}"><th scope="row">${p.text}</th>${p.bySource.map(
        (list, i) =>
          html`<td data-source="${c.sources[i]!.name}">${list.length > 0 ? notes.cite(list, list.map((x) => `¶${x.ref.paragraph}`).join(" ")) : html`<span class="silent" data-pagefind-ignore>Not reported</span>`}</td>`,
      )}</tr>`,
  )}</tbody></table></section>`;
}

// eslint-disable-next-line max-lines-per-function -- the brief page top to bottom, one section after another, as a reader sees it
export function briefMain(ctx: RenderContext, b: Brief): SafeHtml {
  const { model } = ctx;
  const sources = b.sources.flatMap((id) => {
    const a = model.article(id);
    return a ? [a] : [];
  });
  const kinds = [...new Set(b.mentions.flatMap((id) => model.actor(id)?.kind ?? []).map(kindLabel))];
  const notes = new CitationNotes(ctx);
  // The latest update or correction, shown by the date so a reader sees at once that the brief changed.
  const updated = b.updates.reduce<string | undefined>(
    (latest, u) => (latest && latest > u.date ? latest : u.date),
    undefined,
  );
  const cites = (list: readonly Citation[]) => notes.cite(list);
  return html`<article class="brief" data-pagefind-body>
${searchFacts(ctx, { type: "Brief", date: b.date, actors: b.mentions, kinds })}
<header class="doc-header">
<p class="eyebrow" data-pagefind-ignore>Brief · ${dateTag(b.date)}${updated ? html` · <a href="#updates">Updated ${dateTag(updated)}</a>` : ""}${b.status === "draft" ? html` <span class="draft">Draft</span>` : ""}</p>
<h1 data-pagefind-weight="10">${b.title}</h1>
<p class="lede">${b.dek}</p>
${
  b.topics.length > 0
    ? html`<ul class="chips topics" data-pagefind-ignore>${b.topics.map((t) => html`<li><a href="${ctx.href(t.path)}">${t.name}</a></li>`)}</ul>`
    : ""
}
</header>

${
  b.comparison
    ? sourceComparison(ctx, b.comparison, notes)
    : b.key_points.length > 0
      ? html`<section aria-labelledby="key-points"><h2 id="key-points">Key points</h2>
<ul class="key-points">${b.key_points.map((k, n) => html`<li id="${keyPointAnchor(n + 1)}">${k.text} ${cites(k.cites)}</li>`)}</ul></section>`
      : ""
}

${notes.include(b.bodyCitations)}<section class="body" aria-label="Summary">${raw(b.bodyHtml)}</section>

${
  b.actors.length > 0
    ? html`<section aria-labelledby="who"><h2 id="who">Who is involved</h2>
<dl class="actors-in-story">${b.actors.map(
        (a) =>
          html`<div><dt>${actorLink(ctx, a.id)}</dt><dd>${a.role}${a.stance ? html`<br><span class="stance">Stance: ${a.stance}</span>` : ""} ${cites(a.cites)}</dd></div>`,
      )}</dl></section>`
    : ""
}

${
  b.quotes.length > 0
    ? html`<section aria-labelledby="quotes"><h2 id="quotes">Who said what</h2>
${b.quotes.map(
  (q) => html`<figure class="quote"><blockquote><p>${q.text}</p></blockquote>
<figcaption>— ${actorLink(ctx, q.actor)}${q.context ? html`, ${q.context}` : ""} ${cites([q.cite])}</figcaption></figure>`,
)}</section>`
    : ""
}

${
  b.events.length > 0
    ? html`<section aria-labelledby="events"><h2 id="events">What happened when</h2>
<ol class="events">${b.events.map(
        (
          e,
        ) => html`<li><span class="when">${e.date ? dateTag(e.date) : html`<span class="when-words">${e.when}</span>`}</span>
<span class="what">${e.what} ${cites(e.cites)}</span></li>`,
      )}</ol></section>`
    : ""
}

${
  b.updates.length > 0
    ? html`<section aria-labelledby="updates"><h2 id="updates">Updates</h2>
<ul class="updates">${b.updates.map(
        (u) =>
          html`<li><strong>${u.kind[0]!.toUpperCase() + u.kind.slice(1)}, ${formatDate(u.date)}:</strong> ${u.text} ${cites(u.cites)}</li>`,
      )}</ul></section>`
    : ""
}
${notes.footnotes()}
${notes.popovers()}
</article>

<aside class="backlinks" aria-labelledby="sources">
<h2 id="sources">Sources</h2>
<ul class="source-list">${sources.map(
    (a) => html`<li><a href="${ctx.href(a.path)}">${a.title}</a>
<span class="meta">${a.outletName ?? "Outlet not stated"} · ${dateTag(a.published)}</span></li>`,
  )}</ul>
</aside>`;
}
