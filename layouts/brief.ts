import { html, raw } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { Brief } from "../src/model/types.ts";
import type { SourceComparison } from "../src/model/source-comparison.ts";
import { actorLink, CitationNotes, dateTag, kindLabel } from "./partials.ts";
import { formatDate, wordsOf } from "./format.ts";
import { searchFacts } from "./search-data.ts";
import { keyPointAnchor } from "../src/model/urls.ts";
import type { SafeHtml } from "../src/render/html.ts";

/**
 * The key points of a brief with several sources, as "what each source says": a point per row, a
 * source per column, each cell the paragraphs of that source reporting the point (or none).
 */
function sourceComparison(ctx: RenderContext, c: SourceComparison, notes: CitationNotes): SafeHtml {
  const reporting = c.sources.map((_s, i) => c.points.filter((p) => p.bySource[i]!.length > 0).length);
  return html`<section aria-labelledby="key-points"><h2 id="key-points">${wordsOf(ctx).keyPointsBySource}</h2>
<table class="compare"><thead data-pagefind-ignore><tr><th scope="col">${wordsOf(ctx).keyPoint}</th>${c.sources.map(
    (s, i) =>
      html`<th scope="col"><a href="${ctx.href(s.path)}">${s.name}</a> <span class="meta">${wordsOf(ctx).reportingOf(reporting[i], c.points.length)}</span></th>`,
  )}</tr></thead>
<tbody>${c.points.map(
    (p, n) =>
      html`<tr id="${keyPointAnchor(n + 1)}"><th scope="row">${p.text}</th>${p.bySource.map(
        (list, i) =>
          html`<td data-source="${c.sources[i]!.name}">${list.length > 0 ? notes.cite(list, list.map((x) => `¶${x.ref.paragraph}`).join(" ")) : html`<span class="silent" data-pagefind-ignore>${wordsOf(ctx).notReported}</span>`}</td>`,
      )}</tr>`,
  )}</tbody></table></section>`;
}

/** A section of the brief, in page order: its heading's id, its name in "On this page", and its HTML. */
interface Section {
  readonly id: string;
  readonly label: string;
  /** Rendered when its turn comes, so that citations (and their printed footnotes) keep the page's order. */
  readonly render: () => SafeHtml;
}

/** The key points: as "what each source says" when the brief has several sources, else a list. */
function keyPoints(ctx: RenderContext, b: Brief, notes: CitationNotes): Section[] {
  if (b.comparison) {
    const c = b.comparison;
    return [
      { id: "key-points", label: wordsOf(ctx).whatEachSourceSays, render: () => sourceComparison(ctx, c, notes) },
    ];
  }
  if (b.key_points.length === 0) return [];
  return [
    {
      id: "key-points",
      label: wordsOf(ctx).keyPoints,
      render: () => html`<section aria-labelledby="key-points"><h2 id="key-points">${wordsOf(ctx).keyPoints}</h2>
<ul class="key-points">${b.key_points.map((k, n) => html`<li id="${keyPointAnchor(n + 1)}">${k.text} ${notes.cite(k.cites)}</li>`)}</ul></section>`,
    },
  ];
}

/** Who is involved, with role and stance, and who said what. */
function people(ctx: RenderContext, b: Brief, notes: CitationNotes): Section[] {
  const who: Section = {
    id: "who",
    label: wordsOf(ctx).whoIsInvolved,
    render: () => html`<section aria-labelledby="who"><h2 id="who">${wordsOf(ctx).whoIsInvolved}</h2>
<dl class="actors-in-story">${b.actors.map(
      (a) =>
        html`<div><dt>${actorLink(ctx, a.id)}</dt><dd>${a.role}${a.stance ? html` <span class="stance">${wordsOf(ctx).stance(a.stance)}</span>` : ""} ${notes.cite(a.cites)}</dd></div>`,
    )}</dl></section>`,
  };
  const quotes: Section = {
    id: "quotes",
    label: wordsOf(ctx).whoSaidWhat,
    render: () => html`<section aria-labelledby="quotes"><h2 id="quotes">${wordsOf(ctx).whoSaidWhat}</h2>
${b.quotes.map(
  (q) => html`<figure class="quote"><blockquote><p>${q.text}</p></blockquote>
<figcaption>— ${actorLink(ctx, q.actor)}${q.context ? html`, ${q.context}` : ""} ${notes.cite([q.cite])}</figcaption></figure>`,
)}</section>`,
  };
  return [...(b.actors.length > 0 ? [who] : []), ...(b.quotes.length > 0 ? [quotes] : [])];
}

function events(ctx: RenderContext, b: Brief, notes: CitationNotes): Section[] {
  if (b.events.length === 0) return [];
  return [
    {
      id: "events",
      label: wordsOf(ctx).whatHappenedWhen,
      render: () => html`<section aria-labelledby="events"><h2 id="events">${wordsOf(ctx).whatHappenedWhen}</h2>
<ol class="events">${b.events.map(
        (
          e,
        ) => html`<li><span class="when">${e.date ? dateTag(ctx, e.date) : html`<span class="when-words">${e.when}</span>`}</span>
<span class="what">${e.what} ${notes.cite(e.cites)}</span></li>`,
      )}</ol></section>`,
    },
  ];
}

/** Other briefs sharing its actors and topics, each with what it shares; left out of the search index. */
function related(ctx: RenderContext, b: Brief): Section[] {
  const list = ctx.model.relatedOf(b.id);
  if (list.length === 0) return [];
  return [
    {
      id: "related",
      label: wordsOf(ctx).relatedBriefs,
      render:
        () => html`<section aria-labelledby="related" data-pagefind-ignore><h2 id="related">${wordsOf(ctx).relatedBriefs}</h2>
<ul class="related">${list.map(
          (r) => html`<li><a href="${ctx.href(r.brief.path)}">${r.brief.title}</a>
<span class="meta">${dateTag(ctx, r.brief.date)} · ${wordsOf(ctx).shared(
            r.shared
              .slice(0, 3)
              .map((s) => s.name)
              .join(", "),
          )}${r.shared.length > 3 ? [" ", ...wordsOf(ctx).andMore(r.shared.length - 3)] : ""}</span></li>`,
        )}</ul></section>`,
    },
  ];
}

/** The updates log; marked as a notice when it opens the page with a correction. */
function updates(ctx: RenderContext, b: Brief, notes: CitationNotes, first: boolean): Section[] {
  if (b.updates.length === 0) return [];
  const label = first ? wordsOf(ctx).correctionsAndUpdates : wordsOf(ctx).updates;
  return [
    {
      id: "updates",
      label,
      render:
        () => html`<section aria-labelledby="updates"${first ? html` class="updates-first"` : ""}><h2 id="updates">${label}</h2>
<ul class="updates">${b.updates.map(
          (u) =>
            html`<li><strong>${wordsOf(ctx).updateKinds[u.kind]}, ${formatDate(u.date, ctx.model.site.language)}:</strong> ${u.text} ${notes.cite(u.cites)}</li>`,
        )}</ul></section>`,
    },
  ];
}

/** The brief's own sections in page order: a correction puts the updates log first, where a reader sees it. */
function sectionsOf(ctx: RenderContext, b: Brief, notes: CitationNotes): Section[] {
  const corrected = b.updates.some((u) => u.kind === "correction");
  const summary: Section = {
    id: "summary",
    label: wordsOf(ctx).summary,
    render: () =>
      html`${notes.include(b.bodyCitations)}<section class="body" id="summary" aria-label="${wordsOf(ctx).summary}">${raw(b.bodyHtml)}</section>`,
  };
  return [
    ...(corrected ? updates(ctx, b, notes, true) : []),
    ...keyPoints(ctx, b, notes),
    summary,
    ...people(ctx, b, notes),
    ...events(ctx, b, notes),
    ...(corrected ? [] : updates(ctx, b, notes, false)),
  ];
}

/**
 * The side column: "On this page" (wide screens only, sticky), related briefs and the sources, with
 * outlet, date and original. Related briefs sit here rather than in the brief: on a wide screen they
 * fill the column beside the brief instead of lengthening the page (issue #13).
 */
function sideColumn(ctx: RenderContext, b: Brief, sections: readonly Section[]): SafeHtml {
  const sources = b.sources.flatMap((id) => ctx.model.article(id) ?? []);
  const around = related(ctx, b);
  return html`<aside class="brief-side">
<nav class="on-this-page" aria-labelledby="on-this-page"><h2 id="on-this-page">${wordsOf(ctx).onThisPage}</h2>
<ul>${[...sections, ...around, { id: "sources", label: wordsOf(ctx).sources }].map((s) => html`<li><a href="#${s.id}">${s.label}</a></li>`)}</ul></nav>
${around.map((s) => s.render())}
<section aria-labelledby="sources"><h2 id="sources">${wordsOf(ctx).sources}</h2>
${
  sources.length === 0
    ? html`<p class="empty">${wordsOf(ctx).noSources}</p>`
    : html`<ul class="source-list">${sources.map(
        (a) => html`<li><a href="${ctx.href(a.path)}">${a.title}</a>
<span class="meta">${a.outletName ?? wordsOf(ctx).outletNotStated} · ${dateTag(ctx, a.published)}${a.url ? html` · <a href="${a.url}" rel="external noopener">${wordsOf(ctx).originalAt(new URL(a.url).hostname)}</a>` : ""}</span></li>`,
      )}</ul>`
}</section>
</aside>`;
}

/** The brief page: the brief in the main column, "On this page" and the sources beside it on wide screens. */
export function briefMain(ctx: RenderContext, b: Brief): SafeHtml {
  const kinds = [...new Set(b.mentions.flatMap((id) => ctx.model.actor(id)?.kind ?? []).map((k) => kindLabel(ctx, k)))];
  const notes = new CitationNotes(ctx);
  // The latest update or correction, shown by the date so a reader sees at once that the brief changed.
  const updated = b.updates.reduce<string | undefined>(
    (latest, u) => (latest && latest > u.date ? latest : u.date),
    undefined,
  );
  const sections = sectionsOf(ctx, b, notes);
  return html`<div class="brief-page"><article class="brief" data-pagefind-body>
${searchFacts(ctx, { type: "Brief", date: b.date, actors: b.mentions, kinds })}
<header class="doc-header">
<p class="eyebrow" data-pagefind-ignore>${wordsOf(ctx).brief} · ${dateTag(ctx, b.date)}${updated ? html` · <a href="#updates">${wordsOf(ctx).updatedOn(dateTag(ctx, updated))}</a>` : ""}${b.status === "draft" ? html` <span class="draft">${wordsOf(ctx).draft}</span>` : ""}</p>
<h1 data-pagefind-weight="10">${b.title}</h1>
<p class="lede">${b.dek}</p>
${
  b.topics.length > 0
    ? html`<ul class="chips topics" data-pagefind-ignore>${b.topics.map((t) => html`<li><a href="${ctx.href(t.path)}">${t.name}</a></li>`)}</ul>`
    : ""
}
</header>
${sections.map((s) => s.render())}
${notes.footnotes()}
${notes.popovers()}
</article>
${sideColumn(ctx, b, sections)}</div>`;
}
