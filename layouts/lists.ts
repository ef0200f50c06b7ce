/** The index pages: home, briefs archive, actors by kind, timeline, outlets, topics. */
import { html, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import type { Actor, Article, Brief, Outlet, TimelineEntry, TopicEntry } from "../src/model/types.ts";
import type { ActorKindEntry, Slice } from "../src/render/pages.ts";
import { actorsPath, briefsPath, outletsPath, searchPath, timelinePath } from "../src/model/urls.ts";
import {
  actorChips,
  actorLink,
  actorSummary,
  CitationNotes,
  dateTag,
  eventRow,
  publicationRow,
  pager,
  timelineGroupOf,
} from "./partials.ts";
import { KIND_LABELS, plural } from "./format.ts";
import { push } from "../src/model/lists.ts";
import { topicOverviews } from "../src/model/topic-overview.ts";

const LATEST_BRIEFS = 10;
const ACTIVE_ACTORS = 10;
const ACTIVE_OUTLETS = 5;
const OUTLET_PREVIEW = 3;
/** The lead brief's key points on the front page; the brief itself has them all. */
const LEAD_POINTS = 5;
/** Actor chips under each of the latest briefs; the brief lists them all. */
const BRIEF_ACTORS = 5;

/**
 * The front page, a briefing's front page: the lead brief (the newest) with its key points, then
 * the latest briefs, each with its dek and actors; beside them the most active actors, outlets
 * apart (they report the news more than they make it); and the search box, at the top.
 */
export function homeMain(ctx: RenderContext): SafeHtml {
  const { model } = ctx;
  const [lead, ...rest] = model.briefs;
  const notes = new CitationNotes(ctx);
  return html`<h1 class="visually-hidden">${model.site.title}</h1>
${homeIntro(ctx)}
<div class="columns home-columns">
<div class="col-main">
${lead ? leadBrief(ctx, lead, notes) : html`<p class="empty">No briefs published yet.</p>`}
${rest.length > 0 ? latestBriefs(ctx, rest.slice(0, LATEST_BRIEFS)) : ""}
</div>
${mostActive(ctx)}
</div>
${notes.popovers()}`;
}

/** The tagline, the search box and what the archive holds. */
function homeIntro(ctx: RenderContext): SafeHtml {
  const { model } = ctx;
  const count = (n: number, one: string) => plural(n, one, undefined, model.site.language);
  return html`<section class="home-intro" aria-label="About and search">
${model.site.tagline ? html`<p class="home-tagline">${model.site.tagline}</p>` : ""}
<form class="home-search" role="search" action="${ctx.href(searchPath)}" method="get">
<label for="home-search">Search briefs, articles and actors</label>
<span class="home-search-row"><input id="home-search" type="search" name="q" autocomplete="off"><button type="submit">Search</button></span>
</form>
<p class="counts">${count(model.briefs.length, "brief")} · ${count(model.articles.length, "source article")} · ${count(model.actors.length, "actor")}</p>
</section>`;
}

function leadBrief(ctx: RenderContext, b: Brief, notes: CitationNotes): SafeHtml {
  const points = b.key_points.slice(0, LEAD_POINTS);
  const more = b.key_points.length - points.length;
  return html`<article class="home-lead" aria-labelledby="lead-title">
<p class="eyebrow">Lead brief · ${dateTag(ctx, b.date)}${b.status === "draft" ? html` <span class="draft">Draft</span>` : ""}</p>
<h2 id="lead-title"><a href="${ctx.href(b.path)}">${b.title}</a></h2>
<p class="lede">${b.dek}</p>
${
  points.length > 0
    ? html`<h3 class="home-points-title">Key points</h3>
<ul class="key-points">${points.map((k) => html`<li>${k.text} ${notes.cite(k.cites)}</li>`)}</ul>`
    : ""
}
<p class="more"><a href="${ctx.href(b.path)}">${more > 0 ? `${plural(more, "more key point", undefined, ctx.model.site.language)}, the` : "The"} full brief and its sources →</a></p>
</article>`;
}

function latestBriefs(ctx: RenderContext, briefs: readonly Brief[]): SafeHtml {
  const total = ctx.model.briefs.length;
  return html`<section aria-labelledby="latest"><h2 id="latest">Latest briefs</h2>
<ul class="home-briefs">${briefs.map((b) => {
    const shown = b.actors.slice(0, BRIEF_ACTORS).map((a) => a.id);
    const more = b.actors.length - shown.length;
    return html`<li>
<h3><a href="${ctx.href(b.path)}">${b.title}</a></h3>
<p class="meta">${dateTag(ctx, b.date)}${b.status === "draft" ? html` <span class="draft">Draft</span>` : ""}</p>
<p class="dek">${b.dek}</p>
${shown.length > 0 ? html`<div class="home-actors"><span class="visually-hidden">Actors:</span>${actorChips(ctx, shown)}${more > 0 ? html`<span class="meta">and ${more} more</span>` : ""}</div>` : ""}
</li>`;
  })}</ul>
${total > briefs.length + 1 ? html`<p class="more"><a href="${ctx.href(briefsPath)}">All ${plural(total, "brief", undefined, ctx.model.site.language)} →</a></p>` : ""}
</section>`;
}

/** Actors ranked by the documents naming them: people, organisations, countries…, then outlets. */
function mostActive(ctx: RenderContext): SafeHtml {
  const { model } = ctx;
  const isOutlet = (a: Actor) => a.kind === "media-outlet";
  const actors = model.mostMentioned.filter((a) => !isOutlet(a)).slice(0, ACTIVE_ACTORS);
  const outlets = model.mostMentioned.filter(isOutlet).slice(0, ACTIVE_OUTLETS);
  const ranked = (list: readonly Actor[]) =>
    html`<ol class="ranked">${list.map(
      (a) =>
        html`<li><a href="${ctx.href(a.path)}">${a.name}</a> <span class="meta">${actorSummary(a)} · ${plural(model.mentionsOf(a.id).length, "mention", undefined, model.site.language)}</span></li>`,
    )}</ol>`;
  return html`<aside class="col-side home-active" aria-labelledby="active"><h2 id="active">Most active actors</h2>
${actors.length > 0 ? html`<h3 id="active-actors">People and organisations</h3>${ranked(actors)}` : html`<p class="empty">No actors named yet.</p>`}
${outlets.length > 0 ? html`<h3 id="active-outlets">Outlets</h3>${ranked(outlets)}` : ""}
<p class="more"><a href="${ctx.href(actorsPath)}">All actors →</a> · <a href="${ctx.href(outletsPath)}">Outlets →</a> · <a href="${ctx.href(timelinePath)}">Timeline →</a></p>
</aside>`;
}

export function briefsMain(ctx: RenderContext, slice: Slice<Brief>): SafeHtml {
  return html`<h1>All briefs</h1>
<p class="counts">${plural(slice.total, "brief", undefined, ctx.model.site.language)}, newest first.</p>
<ul class="doc-list">${slice.items.map((b) => publicationRow(ctx, b))}</ul>
${pager(ctx, slice)}`;
}

export function actorsMain(ctx: RenderContext, slice: Slice<Actor>, kinds: readonly ActorKindEntry[]): SafeHtml {
  const { model } = ctx;
  const groups = kinds
    .map(({ kind }) => ({ kind, actors: slice.items.filter((a) => a.kind === kind) }))
    .filter((g) => g.actors.length > 0);
  return html`<h1>Actors</h1>
<p class="counts">${plural(model.actors.length, "actor", undefined, ctx.model.site.language)}: countries, people, organisations and outlets named in the briefs and their sources.</p>
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

/** Events under a heading per month, then the events whose source gives the time only in words. */
export function timelineMain(ctx: RenderContext, slice: Slice<TimelineEntry>): SafeHtml {
  const notes = new CitationNotes(ctx);
  const groups = new Map<string, TimelineEntry[]>();
  for (const t of slice.items) push(groups, timelineGroupOf(t, ctx.model.site.language), t);
  return html`<h1>Timeline</h1>
<p class="counts">${plural(slice.total, "event", undefined, ctx.model.site.language)} from every brief, each once: dated events newest first, by month, then those whose source gives the time only in words (“last September”), which cannot be placed by date.</p>
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
<p class="counts">${plural(model.articles.length, "source article", undefined, ctx.model.site.language)} from ${plural(model.outlets.filter((o) => o.actor).length, "named outlet", undefined, ctx.model.site.language)}.</p>
${slice.items.map(
  (o) => html`<section aria-labelledby="outlet-${o.actor?.id ?? "unstated"}">
<h2 id="outlet-${o.actor?.id ?? "unstated"}"><a href="${ctx.href(o.path)}">${o.name}</a> <span class="count">${o.articles.length}</span></h2>
<ul class="doc-list">${o.articles.slice(0, OUTLET_PREVIEW).map((a) => articleRow(ctx, a))}</ul>
${o.articles.length > OUTLET_PREVIEW ? html`<p class="more"><a href="${ctx.href(o.path)}">All ${plural(o.articles.length, "article", undefined, ctx.model.site.language)} →</a></p>` : ""}
</section>`,
)}
${pager(ctx, slice, "name")}`;
}

export function outletMain(ctx: RenderContext, outlet: Outlet, slice: Slice<Article>): SafeHtml {
  return html`<h1>${outlet.name}</h1>
<p class="counts">${plural(slice.total, "source article", undefined, ctx.model.site.language)}${outlet.actor ? html` · <a href="${ctx.href(outlet.actor.path)}">about ${outlet.name}</a>` : html`: articles whose source does not name its outlet.`}</p>
<ul class="doc-list">${slice.items.map((a) => articleRow(ctx, a))}</ul>
${pager(ctx, slice)}`;
}

/** Each topic with its count of briefs, its newest brief and the actors its briefs involve most; latest activity first. */
export function topicsMain(ctx: RenderContext): SafeHtml {
  const { language } = ctx.model.site;
  const topics = topicOverviews(ctx.model);
  if (topics.length === 0) return html`<h1>Topics</h1><p class="empty">No topics yet.</p>`;
  return html`<h1>Topics</h1>
<p class="counts">${plural(topics.length, "topic", undefined, language)}, the most recently briefed first.</p>
<ul class="doc-list">${topics.map(
    ({ topic, latest, mostInvolved }) => html`<li class="doc-row">
<a class="doc-title" href="${ctx.href(topic.path)}">${topic.name}</a> <span class="meta">${plural(topic.briefs.length, "brief", undefined, language)}</span>
<p class="dek">Latest: <a href="${ctx.href(latest.path)}">${latest.title}</a>, ${dateTag(ctx, latest.date)}</p>
${mostInvolved.length > 0 ? html`<p class="dek">Most involved: ${mostInvolved.map((id, i) => html`${i > 0 ? ", " : ""}${actorLink(ctx, id)}`)}</p>` : ""}
</li>`,
  )}</ul>`;
}

export function topicMain(ctx: RenderContext, topic: TopicEntry, slice: Slice<Brief>): SafeHtml {
  return html`<p class="eyebrow">Topic</p><h1>${topic.name}</h1>
<p class="counts">${plural(slice.total, "brief", undefined, ctx.model.site.language)}, newest first.</p>
<ul class="doc-list">${slice.items.map((b) => publicationRow(ctx, b))}</ul>
${pager(ctx, slice)}`;
}

export function notFoundMain(ctx: RenderContext): SafeHtml {
  return html`<h1>Page not found</h1>
<p>There is no page at this address. Try the <a href="${ctx.href(briefsPath)}">briefs</a>, the <a href="${ctx.href(actorsPath)}">actors</a> or the search box above.</p>`;
}
