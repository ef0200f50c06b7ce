import { html, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import {
  publicationDate,
  type Actor,
  type Citation,
  type CoActor,
  type Publication,
  type TimelineEntry,
} from "../src/model/types.ts";
import type { Slice } from "../src/render/pages.ts";
import { actorFeedPath, actorTimelinePath } from "../src/model/urls.ts";
import { push } from "../src/model/lists.ts";
import {
  actorLink,
  actorSummary,
  CitationNotes,
  dateTag,
  eventRow,
  publicationRow,
  kindLabel,
  pager,
  timelineGroupOf,
} from "./partials.ts";
import { countIn, wordsOf } from "./format.ts";
import { coActorGraph, graphedCoActors } from "./actor-graph.ts";
import type { ActorDossier } from "../src/model/dossier.ts";
import { searchFacts } from "./search-data.ts";
import { phraseText } from "../src/words/words.ts";

/** How many quotes and stances the first page of an actor shows before the full list of mentions. */
const HIGHLIGHTS = 10;

type Cites = (list: readonly Citation[]) => SafeHtml;

/** "First named 10 November 2025 in …, latest 13 November 2025 in …". */
function mentionSpan(ctx: RenderContext, d: ActorDossier): SafeHtml {
  const { firstMention: first, latestMention: latest } = d;
  if (!first || !latest) return html``;
  const words = wordsOf(ctx);
  const named = (doc: Publication) =>
    html`${words.dateIn(dateTag(ctx, publicationDate(doc)), html`<a href="${ctx.href(doc.path)}">${doc.title}</a>`)}`;
  return first === latest
    ? html`<p class="counts" data-pagefind-ignore>${words.namedOnce(named(first))}</p>`
    : html`<p class="counts" data-pagefind-ignore>${words.firstAndLatest(named(first), named(latest))}</p>`;
}

/** Its role and stance in each brief, oldest first, each with the brief's date: how its position moved. */
function stancesOverTime(ctx: RenderContext, d: ActorDossier, cites: Cites): SafeHtml {
  if (d.stances.length === 0) return html``;
  const shown = d.stances.slice(-HIGHLIGHTS);
  const words = wordsOf(ctx);
  return html`<section aria-labelledby="stances" data-pagefind-ignore><h2 id="stances">${words.rolesOverTime}</h2>
<ol class="timeline stances">${shown.map(
    (s) => html`<li><span class="when">${dateTag(ctx, s.brief.date)}</span>
<span class="what">${s.role}${s.stance ? html`<br><span class="stance">${words.stance(s.stance)}</span>` : ""} ${cites(s.cites)}</span>
<span class="meta">${words.inBriefs(html`<a href="${ctx.href(s.brief.path)}">${s.brief.title}</a>`)}</span></li>`,
  )}</ol>${d.stances.length > HIGHLIGHTS ? html`<p class="more">${words.latestOf(HIGHLIGHTS, d.stances.length)}</p>` : ""}</section>`;
}

/** Each quote once, with every brief that reports it. */
function quotesOnce(ctx: RenderContext, d: ActorDossier, cites: Cites): SafeHtml {
  if (d.quotes.length === 0) return html``;
  const words = wordsOf(ctx);
  return html`<section aria-labelledby="quotes"><h2 id="quotes">${words.quotesHeading}</h2>
${d.quotes.slice(0, HIGHLIGHTS).map(
  (q) => html`<figure class="quote"><blockquote><p>${q.quote.text}</p></blockquote>
<figcaption data-pagefind-ignore>${q.quote.context ? html`${q.quote.context}. ` : ""}${words.inBriefs(q.briefs.map((b, i) => html`${i > 0 ? ", " : ""}<a href="${ctx.href(b.path)}">${b.title}</a>`))} ${cites([q.quote.cite])}</figcaption></figure>`,
)}${d.quotes.length > HIGHLIGHTS ? html`<p class="more">${words.latestOf(HIGHLIGHTS, d.quotes.length)}</p>` : ""}</section>`;
}

/** The earliest events naming it, and the way to every one of them on its own timeline. */
function eventsTakenPart(ctx: RenderContext, actor: Actor, d: ActorDossier, notes: CitationNotes): SafeHtml {
  if (d.events.length === 0) return html``;
  const words = wordsOf(ctx);
  const count = countIn(ctx);
  return html`<section aria-labelledby="events" data-pagefind-ignore><h2 id="events">${words.eventsTakenPart}</h2>
<ol class="timeline">${d.events.slice(0, HIGHLIGHTS).map((t) => eventRow(ctx, t, notes))}</ol>
<p class="more">${d.events.length > HIGHLIGHTS ? words.earliestOf(HIGHLIGHTS, d.events.length) : ""}<a href="${ctx.href(actorTimelinePath(actor.id))}">${words.timelineOfActor(actor.name, count(d.events.length, words.events))}</a></p></section>`;
}

/** How strongly a co-actor goes with this actor, in numbers a reader can check: shared briefs, then shared source articles. */
const sharedCounts = (ctx: RenderContext, c: CoActor, briefs: number): string => {
  const words = wordsOf(ctx);
  const count = countIn(ctx);
  return [
    c.briefs > 0 ? phraseText(words.sharedBriefsOf(String(c.briefs), count(briefs, words.briefs))) : words.noBrief,
    c.articles > 0 ? count(c.articles, words.sourceArticles) : "",
  ]
    .filter(Boolean)
    .join(" · ");
};

/** The actors named with it, strongest first: a small graph of the strongest, then the list (the accessible form). */
function appearsWith(ctx: RenderContext, actor: Actor, coActors: readonly CoActor[]): SafeHtml {
  if (coActors.length === 0) return html``;
  const briefs = ctx.model.mentionsOf(actor.id).filter((d) => d.type === "brief").length;
  const graphed = graphedCoActors(coActors).length;
  const words = wordsOf(ctx);
  return html`<section class="appears-with" aria-labelledby="with" data-pagefind-ignore><h2 id="with">${words.appearsWith}</h2>
<p class="counts">${words.rankedByBriefs}${graphed > 0 ? words.graphShows(graphed) : ""}${words.tiesBroken}</p>
<div class="with-layout">${coActorGraph(ctx, actor, coActors)}
<ol class="co-actors">${coActors.map((c) => html`<li><a href="${ctx.href(c.actor.path)}">${c.actor.name}</a> <span class="meta">${sharedCounts(ctx, c, briefs)}</span></li>`)}</ol></div></section>`;
}

/** "Named in 12 documents · 3 quotes · 5 briefs giving its role", leaving out what is none ("0 quotes"). */
function countsOf(ctx: RenderContext, documents: number, quotes: number, roles: number): string {
  const words = wordsOf(ctx);
  const count = countIn(ctx);
  return [
    phraseText(words.namedIn(count(documents, words.documents))),
    quotes > 0 ? count(quotes, words.quotes) : "",
    roles > 0 ? phraseText(words.givingItsRole(count(roles, words.briefs))) : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

export function actorMain(ctx: RenderContext, actor: Actor, slice: Slice<Publication>): SafeHtml {
  const { model } = ctx;
  const first = slice.number === 1;
  const dossier = model.dossierOf(actor.id);
  const { quotes, stances } = dossier;
  const coActors = model.coActorsOf(actor.id);
  const affiliation = actor.affiliation ? model.actor(actor.affiliation) : undefined;
  const notes = new CitationNotes(ctx);
  const cites = (list: readonly Citation[]) => notes.cite(list);
  const words = wordsOf(ctx);

  // A brief's row says the actor's role in it; its quotes are listed once, above.
  const rowExtra = (doc: Publication): SafeHtml | undefined => {
    const role = doc.type === "brief" ? doc.actors.find((a) => a.id === actor.id) : undefined;
    return role
      ? html`<p class="role-in-story">${words.role(role.role)}${role.stance ? html` · ${words.stance(role.stance)}` : ""}</p>`
      : undefined;
  };

  return html`<article class="actor" ${first ? html`data-pagefind-body` : ""}>
${first ? searchFacts(ctx, { type: "Actor", actors: [actor.id], kinds: [kindLabel(ctx, actor.kind)] }) : ""}
<header class="doc-header">
<p class="eyebrow" data-pagefind-ignore>${actorSummary(ctx, actor)}</p>
<h1 data-pagefind-weight="10">${actor.name}</h1>
${actor.aliases.length > 0 ? html`<p class="aliases">${words.also} <span data-pagefind-weight="8">${actor.aliases.join(", ")}</span></p>` : ""}
${affiliation ? html`<p class="affiliation">${words.affiliatedWith(actorLink(ctx, affiliation.id))}</p>` : ""}
${actor.description ? html`<p class="lede">${actor.description}</p>` : ""}
<p class="counts" data-pagefind-ignore>${countsOf(ctx, slice.total, quotes.length, stances.length)}</p>
${mentionSpan(ctx, dossier)}
<p class="follow" data-pagefind-ignore><a href="${ctx.href(actorFeedPath(actor.id))}" type="application/atom+xml">${words.follow(actor.name)}</a>${words.inFeedReader}</p>
</header>
${first ? stancesOverTime(ctx, dossier, cites) : ""}
${first ? quotesOnce(ctx, dossier, cites) : ""}
${first ? eventsTakenPart(ctx, actor, dossier, notes) : ""}
${first ? appearsWith(ctx, actor, coActors) : ""}
</article>
<section class="backlinks" aria-labelledby="mentions" data-pagefind-ignore>
<h2 id="mentions">${words.naming(actor.name)}</h2>
${slice.items.length > 0 ? html`<ul class="doc-list">${slice.items.map((d) => publicationRow(ctx, d, rowExtra(d)))}</ul>` : html`<p class="empty">${words.notNamedYet}</p>`}
${pager(ctx, slice)}
</section>
${notes.popovers()}`;
}

/**
 * Every event naming the actor, each once, under a heading per month in date order, then those whose
 * source gives the time only in words, in a group of their own: never placed by the brief's date.
 */
export function actorTimelineMain(ctx: RenderContext, actor: Actor, slice: Slice<TimelineEntry>): SafeHtml {
  const notes = new CitationNotes(ctx);
  const groups = new Map<string, TimelineEntry[]>();
  for (const t of slice.items) push(groups, timelineGroupOf(t, ctx.model.site.language), t);
  const words = wordsOf(ctx);
  return html`<p class="eyebrow">${words.actorTimeline}</p>
<h1>${words.timelineTitle(actor.name)}</h1>
<p class="counts">${words.actorTimelineCounts(countIn(ctx)(slice.total, words.events), actor.name)}</p>
<p class="to-dossier"><a href="${ctx.href(actor.path)}">${words.dossierOf(actor.name)}</a></p>
${[...groups].map(
  ([heading, items]) => html`<section class="timeline-group"><h2>${heading}</h2>
<ol class="timeline">${items.map((t) => eventRow(ctx, t, notes))}</ol></section>`,
)}
${pager(ctx, slice)}
${notes.popovers()}`;
}
