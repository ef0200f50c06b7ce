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
  kindLabel,
  publicationRow,
  pager,
  timelineGroupOf,
} from "./partials.ts";
import { countIn, wordsOf } from "./format.ts";
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
${lead ? leadBrief(ctx, lead, notes) : html`<p class="empty">${wordsOf(ctx).noBriefsYet}</p>`}
${rest.length > 0 ? latestBriefs(ctx, rest.slice(0, LATEST_BRIEFS)) : ""}
</div>
${mostActive(ctx)}
</div>
${notes.popovers()}`;
}

/** The tagline, the search box and what the archive holds. */
function homeIntro(ctx: RenderContext): SafeHtml {
  const { model } = ctx;
  const count = countIn(ctx);
  return html`<section class="home-intro" aria-label="${wordsOf(ctx).aboutAndSearch}">
${model.site.tagline ? html`<p class="home-tagline">${model.site.tagline}</p>` : ""}
<form class="home-search" role="search" action="${ctx.href(searchPath)}" method="get">
<label for="home-search">${wordsOf(ctx).searchLabel}</label>
<span class="home-search-row"><input id="home-search" type="search" name="q" autocomplete="off"><button type="submit">${wordsOf(ctx).search}</button></span>
</form>
<p class="counts">${count(model.briefs.length, wordsOf(ctx).briefs)} · ${count(model.articles.length, wordsOf(ctx).sourceArticles)} · ${count(model.actors.length, wordsOf(ctx).actors)}</p>
</section>`;
}

function leadBrief(ctx: RenderContext, b: Brief, notes: CitationNotes): SafeHtml {
  const points = b.key_points.slice(0, LEAD_POINTS);
  const more = b.key_points.length - points.length;
  return html`<article class="home-lead" aria-labelledby="lead-title">
<p class="eyebrow">${wordsOf(ctx).leadBrief} · ${dateTag(ctx, b.date)}${b.status === "draft" ? html` <span class="draft">${wordsOf(ctx).draft}</span>` : ""}</p>
<h2 id="lead-title"><a href="${ctx.href(b.path)}">${b.title}</a></h2>
<p class="lede">${b.dek}</p>
${
  points.length > 0
    ? html`<h3 class="home-points-title">${wordsOf(ctx).keyPoints}</h3>
<ul class="key-points">${points.map((k) => html`<li>${k.text} ${notes.cite(k.cites)}</li>`)}</ul>`
    : ""
}
<p class="more"><a href="${ctx.href(b.path)}">${more > 0 ? wordsOf(ctx).fullBriefAfterMore(countIn(ctx)(more, wordsOf(ctx).moreKeyPoints)) : wordsOf(ctx).fullBrief}</a></p>
</article>`;
}

function latestBriefs(ctx: RenderContext, briefs: readonly Brief[]): SafeHtml {
  const total = ctx.model.briefs.length;
  return html`<section aria-labelledby="latest"><h2 id="latest">${wordsOf(ctx).latestBriefs}</h2>
<ul class="home-briefs">${briefs.map((b) => {
    const shown = b.actors.slice(0, BRIEF_ACTORS).map((a) => a.id);
    const more = b.actors.length - shown.length;
    return html`<li>
<h3><a href="${ctx.href(b.path)}">${b.title}</a></h3>
<p class="meta">${dateTag(ctx, b.date)}${b.status === "draft" ? html` <span class="draft">${wordsOf(ctx).draft}</span>` : ""}</p>
<p class="dek">${b.dek}</p>
${shown.length > 0 ? html`<div class="home-actors"><span class="visually-hidden">${wordsOf(ctx).actorsLabel}</span>${actorChips(ctx, shown)}${more > 0 ? html`<span class="meta">${wordsOf(ctx).andMore(more)}</span>` : ""}</div>` : ""}
</li>`;
  })}</ul>
${total > briefs.length + 1 ? html`<p class="more"><a href="${ctx.href(briefsPath)}">${wordsOf(ctx).allCounted(countIn(ctx)(total, wordsOf(ctx).briefs))}</a></p>` : ""}
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
        html`<li><a href="${ctx.href(a.path)}">${a.name}</a> <span class="meta">${actorSummary(ctx, a)} · ${countIn(ctx)(model.mentionsOf(a.id).length, wordsOf(ctx).mentions)}</span></li>`,
    )}</ol>`;
  return html`<aside class="col-side home-active" aria-labelledby="active"><h2 id="active">${wordsOf(ctx).mostActive}</h2>
${actors.length > 0 ? html`<h3 id="active-actors">${wordsOf(ctx).peopleAndOrganisations}</h3>${ranked(actors)}` : html`<p class="empty">${wordsOf(ctx).noActorsYet}</p>`}
${outlets.length > 0 ? html`<h3 id="active-outlets">${wordsOf(ctx).outletsHeading}</h3>${ranked(outlets)}` : ""}
<p class="more"><a href="${ctx.href(actorsPath)}">${wordsOf(ctx).allActorsLink}</a> · <a href="${ctx.href(outletsPath)}">${wordsOf(ctx).outletsLink}</a> · <a href="${ctx.href(timelinePath)}">${wordsOf(ctx).timelineLink}</a></p>
</aside>`;
}

export function briefsMain(ctx: RenderContext, slice: Slice<Brief>): SafeHtml {
  return html`<h1>${wordsOf(ctx).allBriefs}</h1>
<p class="counts">${wordsOf(ctx).newestFirst(countIn(ctx)(slice.total, wordsOf(ctx).briefs))}</p>
<ul class="doc-list">${slice.items.map((b) => publicationRow(ctx, b))}</ul>
${pager(ctx, slice)}`;
}

export function actorsMain(ctx: RenderContext, slice: Slice<Actor>, kinds: readonly ActorKindEntry[]): SafeHtml {
  const { model } = ctx;
  const groups = kinds
    .map(({ kind }) => ({ kind, actors: slice.items.filter((a) => a.kind === kind) }))
    .filter((g) => g.actors.length > 0);
  return html`<h1>${wordsOf(ctx).actorsHeading}</h1>
<p class="counts">${wordsOf(ctx).actorsCounts(countIn(ctx)(model.actors.length, wordsOf(ctx).actors))}</p>
<nav class="kind-index" aria-label="${wordsOf(ctx).kindsLabel}"><ul>${kinds.map((k) => html`<li><a href="${ctx.href(k.start)}#${k.kind}">${kindLabel(ctx, k.kind, "many")}</a> <span class="count">${k.count}</span></li>`)}</ul></nav>
${groups.map(
  (g) => html`<section aria-labelledby="${g.kind}"><h2 id="${g.kind}">${kindLabel(ctx, g.kind, "many")}</h2>
<ul class="actor-grid">${g.actors.map(
    (a) =>
      html`<li><a href="${ctx.href(a.path)}">${a.name}</a>${a.role ? html` <span class="meta">${a.role}</span>` : ""} <span class="count" title="${wordsOf(ctx).documentsNamingIt}">${model.mentionsOf(a.id).length}</span></li>`,
  )}</ul></section>`,
)}
${pager(ctx, slice, "name")}`;
}

/** Events under a heading per month, then the events whose source gives the time only in words. */
export function timelineMain(ctx: RenderContext, slice: Slice<TimelineEntry>): SafeHtml {
  const notes = new CitationNotes(ctx);
  const groups = new Map<string, TimelineEntry[]>();
  for (const t of slice.items) push(groups, timelineGroupOf(t, ctx.model.site.language), t);
  return html`<h1>${wordsOf(ctx).timeline}</h1>
<p class="counts">${wordsOf(ctx).timelineCounts(countIn(ctx)(slice.total, wordsOf(ctx).events))}</p>
${
  slice.items.length > 0
    ? [...groups].map(
        ([heading, items]) => html`<section class="timeline-group"><h2>${heading}</h2>
<ol class="timeline">${items.map((t) => eventRow(ctx, t, notes))}</ol></section>`,
      )
    : html`<p class="empty">${wordsOf(ctx).noEventsYet}</p>`
}
${pager(ctx, slice)}
${notes.popovers()}`;
}

const articleRow = (ctx: RenderContext, a: Article) => publicationRow(ctx, a);

export function outletsMain(ctx: RenderContext, slice: Slice<Outlet>): SafeHtml {
  const { model } = ctx;
  return html`<h1>${wordsOf(ctx).outletsHeading}</h1>
<p class="counts">${wordsOf(ctx).outletsCounts(countIn(ctx)(model.articles.length, wordsOf(ctx).sourceArticles), countIn(ctx)(model.outlets.filter((o) => o.actor).length, wordsOf(ctx).namedOutlets))}</p>
${slice.items.map(
  (o) => html`<section aria-labelledby="outlet-${o.actor?.id ?? "unstated"}">
<h2 id="outlet-${o.actor?.id ?? "unstated"}"><a href="${ctx.href(o.path)}">${o.name}</a> <span class="count">${o.articles.length}</span></h2>
<ul class="doc-list">${o.articles.slice(0, OUTLET_PREVIEW).map((a) => articleRow(ctx, a))}</ul>
${o.articles.length > OUTLET_PREVIEW ? html`<p class="more"><a href="${ctx.href(o.path)}">${wordsOf(ctx).allCounted(countIn(ctx)(o.articles.length, wordsOf(ctx).articles))}</a></p>` : ""}
</section>`,
)}
${pager(ctx, slice, "name")}`;
}

export function outletMain(ctx: RenderContext, outlet: Outlet, slice: Slice<Article>): SafeHtml {
  return html`<h1>${outlet.name}</h1>
<p class="counts">${countIn(ctx)(slice.total, wordsOf(ctx).sourceArticles)}${outlet.actor ? html` · <a href="${ctx.href(outlet.actor.path)}">${wordsOf(ctx).aboutOutlet(outlet.name)}</a>` : wordsOf(ctx).unnamedOutlet}</p>
<ul class="doc-list">${slice.items.map((a) => articleRow(ctx, a))}</ul>
${pager(ctx, slice)}`;
}

/** Each topic with its count of briefs, its newest brief and the actors its briefs involve most; latest activity first. */
export function topicsMain(ctx: RenderContext): SafeHtml {
  const words = wordsOf(ctx);
  const count = countIn(ctx);
  const topics = topicOverviews(ctx.model);
  if (topics.length === 0) return html`<h1>${words.topics}</h1><p class="empty">${words.noTopicsYet}</p>`;
  return html`<h1>${words.topics}</h1>
<p class="counts">${words.mostRecentlyBriefedFirst(count(topics.length, words.topicsCounted))}</p>
<ul class="doc-list">${topics.map(
    ({ topic, latest, mostInvolved }) => html`<li class="doc-row">
<a class="doc-title" href="${ctx.href(topic.path)}">${topic.name}</a> <span class="meta">${count(topic.briefs.length, words.briefs)}</span>
<p class="dek">${words.latestBriefIs(html`<a href="${ctx.href(latest.path)}">${latest.title}</a>`, dateTag(ctx, latest.date))}</p>
${mostInvolved.length > 0 ? html`<p class="dek">${words.mostInvolved} ${mostInvolved.map((id, i) => html`${i > 0 ? ", " : ""}${actorLink(ctx, id)}`)}</p>` : ""}
</li>`,
  )}</ul>`;
}

export function topicMain(ctx: RenderContext, topic: TopicEntry, slice: Slice<Brief>): SafeHtml {
  return html`<p class="eyebrow">${wordsOf(ctx).topic}</p><h1>${topic.name}</h1>
<p class="counts">${wordsOf(ctx).newestFirst(countIn(ctx)(slice.total, wordsOf(ctx).briefs))}</p>
<ul class="doc-list">${slice.items.map((b) => publicationRow(ctx, b))}</ul>
${pager(ctx, slice)}`;
}

export function notFoundMain(ctx: RenderContext): SafeHtml {
  return html`<h1>${wordsOf(ctx).notFound}</h1>
<p>${wordsOf(ctx).notFoundText(html`<a href="${ctx.href(briefsPath)}">${wordsOf(ctx).briefsLink}</a>`, html`<a href="${ctx.href(actorsPath)}">${wordsOf(ctx).actorsLink}</a>`)}</p>`;
}
