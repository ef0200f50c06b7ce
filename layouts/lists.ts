/** The index pages: home, briefs archive, actors by kind, timeline, outlets, topics. */
import { html, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { Actor, Article, Brief, Outlet, TimelineEntry, TopicEntry } from "../src/model/types.ts";
import type { ActorKindEntry, Slice } from "../src/render/pages.ts";
import { actorsPath, briefsPath, timelinePath } from "../src/model/urls.ts";
import { actorSummary, CitationNotes, eventRow, publicationRow, pager } from "./partials.ts";
import { formatDate, KIND_LABELS, plural } from "./format.ts";
import { push } from "../src/model/lists.ts";

const LATEST_BRIEFS = 10;
const ACTIVE_ACTORS = 12;
const OUTLET_PREVIEW = 3;

export function homeMain(ctx: RenderContext): SafeHtml {
  const { model } = ctx;
  const latest = model.briefs.slice(0, LATEST_BRIEFS);
  return html`<section class="intro">
<h1>${model.site.title}</h1>
${model.site.tagline ? html`<p class="lede">${model.site.tagline}</p>` : ""}
<p class="counts">${plural(model.briefs.length, "brief")} · ${plural(model.articles.length, "source article")} · ${plural(model.actors.length, "actor")}</p>
</section>
<div class="columns">
<section aria-labelledby="latest" class="col-main"><h2 id="latest">Latest briefs</h2>
${latest.length > 0 ? html`<ul class="doc-list">${latest.map((b) => publicationRow(ctx, b))}</ul>` : html`<p class="empty">No briefs published yet.</p>`}
${model.briefs.length > LATEST_BRIEFS ? html`<p class="more"><a href="${ctx.href(briefsPath)}">All ${plural(model.briefs.length, "brief")} →</a></p>` : ""}
</section>
<section aria-labelledby="active" class="col-side"><h2 id="active">Most active actors</h2>
<ol class="ranked">${model.mostMentioned
    .slice(0, ACTIVE_ACTORS)
    .map(
      (a) =>
        html`<li><a href="${ctx.href(a.path)}">${a.name}</a> <span class="meta">${actorSummary(a)} · ${plural(model.mentionsOf(a.id).length, "mention")}</span></li>`,
    )}</ol>
<p class="more"><a href="${ctx.href(actorsPath)}">All actors →</a> · <a href="${ctx.href(timelinePath)}">Timeline →</a></p>
</section>
</div>`;
}

export function briefsMain(ctx: RenderContext, slice: Slice<Brief>): SafeHtml {
  return html`<h1>All briefs</h1>
<p class="counts">${plural(slice.total, "brief")}, newest first.</p>
<ul class="doc-list">${slice.items.map((b) => publicationRow(ctx, b))}</ul>
${pager(ctx, slice)}`;
}

export function actorsMain(ctx: RenderContext, slice: Slice<Actor>, kinds: readonly ActorKindEntry[]): SafeHtml {
  const { model } = ctx;
  const groups = kinds
    .map(({ kind }) => ({ kind, actors: slice.items.filter((a) => a.kind === kind) }))
    .filter((g) => g.actors.length > 0);
  return html`<h1>Actors</h1>
<p class="counts">${plural(model.actors.length, "actor")}: countries, people, organisations and outlets named in the briefs and their sources.</p>
<nav class="kind-index" aria-label="Kinds"><ul>${kinds.map((k) => html`<li><a href="${ctx.href(k.start)}#${k.kind}">${KIND_LABELS[k.kind]?.many ?? k.kind}</a> <span class="count">${k.count}</span></li>`)}</ul></nav>
${groups.map(
  (g) => html`<section aria-labelledby="${g.kind}"><h2 id="${g.kind}">${KIND_LABELS[g.kind]?.many ?? g.kind}</h2>
<ul class="actor-grid">${g.actors.map(
    (a) =>
      html`<li><a href="${ctx.href(a.path)}">${a.name}</a>${a.role ? html` <span class="meta">${a.role}</span>` : ""} <span class="count" title="documents naming it">${model.mentionsOf(a.id).length}</span></li>`,
  )}</ul></section>`,
)}
${pager(ctx, slice, "name")}`;
}

/** The heading an event sits under: its month (or year, if that is all it gives), or the group of events dated only in words. */
const timelineGroupOf = (t: TimelineEntry): string => (t.date ? formatDate(t.date.slice(0, 7)) : "Dated only in words");

/** Events under a heading per month, then the events whose source gives the time only in words. */
export function timelineMain(ctx: RenderContext, slice: Slice<TimelineEntry>): SafeHtml {
  const notes = new CitationNotes(ctx);
  const groups = new Map<string, TimelineEntry[]>();
  for (const t of slice.items) push(groups, timelineGroupOf(t), t);
  return html`<h1>Timeline</h1>
<p class="counts">${plural(slice.total, "event")} from every brief, each once: dated events newest first, by month, then those whose source gives the time only in words (“last September”), which cannot be placed by date.</p>
${
  slice.items.length > 0
    ? [...groups].map(
        ([heading, items]) => html`<section class="timeline-group"><h2>${heading}</h2>
<ol class="timeline">${items.map((t) => eventRow(ctx, t, notes))}</ol></section>`,
      )
    : html`<p class="empty">No events recorded yet.</p>`
}
${pager(ctx, slice)}
${notes.popovers()}`;
}

const articleRow = (ctx: RenderContext, a: Article) => publicationRow(ctx, a);

export function outletsMain(ctx: RenderContext, slice: Slice<Outlet>): SafeHtml {
  const { model } = ctx;
  return html`<h1>Outlets</h1>
<p class="counts">${plural(model.articles.length, "source article")} from ${plural(model.outlets.filter((o) => o.actor).length, "named outlet")}.</p>
${slice.items.map(
  (o) => html`<section aria-labelledby="outlet-${o.actor?.id ?? "unstated"}">
<h2 id="outlet-${o.actor?.id ?? "unstated"}"><a href="${ctx.href(o.path)}">${o.name}</a> <span class="count">${o.articles.length}</span></h2>
<ul class="doc-list">${o.articles.slice(0, OUTLET_PREVIEW).map((a) => articleRow(ctx, a))}</ul>
${o.articles.length > OUTLET_PREVIEW ? html`<p class="more"><a href="${ctx.href(o.path)}">All ${plural(o.articles.length, "article")} →</a></p>` : ""}
</section>`,
)}
${pager(ctx, slice, "name")}`;
}

export function outletMain(ctx: RenderContext, outlet: Outlet, slice: Slice<Article>): SafeHtml {
  return html`<h1>${outlet.name}</h1>
<p class="counts">${plural(slice.total, "source article")}${outlet.actor ? html` · <a href="${ctx.href(outlet.actor.path)}">about ${outlet.name}</a>` : html`: articles whose source does not name its outlet.`}</p>
<ul class="doc-list">${slice.items.map((a) => articleRow(ctx, a))}</ul>
${pager(ctx, slice)}`;
}

export function topicsMain(ctx: RenderContext): SafeHtml {
  const { model } = ctx;
  return html`<h1>Topics</h1>
${model.topics.length > 0 ? html`<ul class="topic-list">${model.topics.map((t) => html`<li><a href="${ctx.href(t.path)}">${t.name}</a> <span class="count">${t.briefs.length}</span></li>`)}</ul>` : html`<p class="empty">No topics yet.</p>`}`;
}

export function topicMain(ctx: RenderContext, topic: TopicEntry, slice: Slice<Brief>): SafeHtml {
  return html`<p class="eyebrow">Topic</p><h1>${topic.name}</h1>
<p class="counts">${plural(slice.total, "brief")}, newest first.</p>
<ul class="doc-list">${slice.items.map((b) => publicationRow(ctx, b))}</ul>
${pager(ctx, slice)}`;
}

export function notFoundMain(ctx: RenderContext): SafeHtml {
  return html`<h1>Page not found</h1>
<p>There is no page at this address. Try the <a href="${ctx.href(briefsPath)}">briefs</a>, the <a href="${ctx.href(actorsPath)}">actors</a> or the search box above.</p>`;
}
