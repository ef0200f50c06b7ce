/**
 * The site model: what the render stage reads. Built once from validated content, frozen, and
 * shared by every page. Domain fields come from the schema's inferred types; this file only adds
 * what the graph knows: addresses, rendered HTML and links between documents.
 */
import type { SiteData } from "../validate/schema.ts";
import type { ActorId, ArticleId, BriefId, ParagraphRef, TopicSlug } from "../validate/ids.ts";
import type { ValidActor, ValidArticle, ValidBrief } from "../validate/validate.ts";
import type { BriefActor, BriefEvent, KeyPoint, Quote, Update } from "../validate/schema.ts";
import type { IsoDate, PartialDate } from "../validate/dates.ts";
import type { SitePath } from "./urls.ts";
import type { SourceComparison } from "./source-comparison.ts";
import type { ActorDossier } from "./dossier.ts";

/** Pre-rendered, already-escaped HTML. Only the model's Markdown renderer makes these. */
export type Html = string & { readonly __brand: "Html" };

/** A cited article paragraph, resolved: where it is and how to name it to a reader. */
export interface Citation {
  readonly ref: ParagraphRef;
  readonly path: SitePath;
  /** `Daily Weekly News ¶3`: the source and the paragraph, short enough for a chip. */
  readonly label: string;
  /** `Daily Weekly News`: the outlet, or (when the source does not say) the article's title, shortened. */
  readonly source: string;
  /** The article's title, for a tooltip. */
  readonly title: string;
}

export interface Actor extends ValidActor {
  readonly path: SitePath;
}

interface ArticleParagraph {
  readonly n: number;
  readonly html: Html;
  /** Briefs citing this paragraph, newest first. */
  readonly citedBy: readonly Brief[];
}

export interface Article extends Omit<ValidArticle, "paragraphs"> {
  readonly type: "article";
  readonly path: SitePath;
  readonly paragraphs: readonly ArticleParagraph[];
  /** Outlet name, or undefined when the source does not say. */
  readonly outletName?: string;
  /** How a citation chip names this source: the outlet, or a short title. */
  readonly label: string;
  /** Actors whose name or alias appears in the text, in order of first appearance. */
  readonly mentions: readonly ActorId[];
}

interface Topic {
  readonly name: string;
  readonly slug: TopicSlug;
  readonly path: SitePath;
}

export interface CitedKeyPoint extends Omit<KeyPoint, "cites"> {
  readonly cites: readonly Citation[];
}
export interface CitedQuote extends Omit<Quote, "cite"> {
  readonly cite: Citation;
}
export interface CitedEvent extends Omit<BriefEvent, "cites"> {
  readonly cites: readonly Citation[];
}
export interface CitedUpdate extends Omit<Update, "cites"> {
  readonly cites: readonly Citation[];
}
interface CitedBriefActor extends Omit<BriefActor, "cites"> {
  readonly cites: readonly Citation[];
}

export interface Brief extends Omit<
  ValidBrief,
  "body" | "actors" | "key_points" | "quotes" | "events" | "updates" | "topics"
> {
  readonly type: "brief";
  readonly path: SitePath;
  readonly bodyHtml: Html;
  /** The body's citation groups (`[@a#p1, @b#p2]`), in order: their popovers are the page's to write. */
  readonly bodyCitations: readonly (readonly Citation[])[];
  readonly actors: readonly CitedBriefActor[];
  readonly key_points: readonly CitedKeyPoint[];
  readonly quotes: readonly CitedQuote[];
  readonly events: readonly CitedEvent[];
  readonly updates: readonly CitedUpdate[];
  readonly topics: readonly Topic[];
  /** Every actor the brief involves: listed, linked in the body, quoted or in an event. */
  readonly mentions: readonly ActorId[];
  /** What each source reports on each key point, for a brief with several sources. */
  readonly comparison?: SourceComparison;
}

/** Something published that names actors: one of our briefs or a source article. */
export type Publication = Brief | Article;

/** When a document happened, for "newest first": a brief's date, an article's publication date. */
export const publicationDate = (d: Publication): IsoDate | undefined => (d.type === "brief" ? d.date : d.published);

/** A brief's latest update or correction (of two on one date, the one listed last), if it has one. */
export const latestUpdateOf = (b: Brief): CitedUpdate | undefined =>
  b.updates.reduce<CitedUpdate | undefined>((latest, u) => (!latest || u.date >= latest.date ? u : latest), undefined);

export interface ActorQuote {
  readonly quote: CitedQuote;
  readonly brief: Brief;
}
export interface ActorStance {
  readonly brief: Brief;
  readonly role: string;
  readonly stance?: string;
  readonly cites: readonly Citation[];
}
export interface CoActor {
  readonly actor: Actor;
  /** Briefs that involve both: the weight co-actors are ranked by. */
  readonly briefs: number;
  /** Source articles that name both: the tie-break. */
  readonly articles: number;
}
/** One event, however many briefs list it (see src/model/timeline.ts). */
export interface TimelineEntry {
  /** The event as the newest brief listing it words it. */
  readonly event: CitedEvent;
  /** Every brief listing it, newest first. */
  readonly briefs: readonly Brief[];
  /** Every paragraph any of them cites for it, once each. */
  readonly cites: readonly Citation[];
  /** Every actor any of them names in it, once each. */
  readonly actors: readonly ActorId[];
  /** The date a listing gives (YYYY, YYYY-MM or YYYY-MM-DD); none for an event dated only in words. */
  readonly date?: PartialDate;
}
export interface Outlet {
  /** Undefined for articles whose outlet the source does not state. */
  readonly actor?: Actor;
  readonly name: string;
  readonly path: SitePath;
  readonly articles: readonly Article[];
}
/** Another brief sharing actors or topics with a brief (see src/model/related.ts). */
export interface RelatedBrief {
  readonly brief: Brief;
  /** The sum of the rarity weights of what the two share. */
  readonly score: number;
  /** The actors and topics both have, by name, most telling (rarest) first. */
  readonly shared: readonly { readonly name: string; readonly path: SitePath }[];
}
export interface TopicEntry extends Topic {
  readonly briefs: readonly Brief[];
}

export interface SiteModel {
  readonly site: SiteData;
  /** By name. */
  readonly actors: readonly Actor[];
  /** Newest first; undated last. */
  readonly articles: readonly Article[];
  /** Published briefs (and drafts in preview), newest first. */
  readonly briefs: readonly Brief[];
  readonly topics: readonly TopicEntry[];
  readonly outlets: readonly Outlet[];
  /** Every event once: dated ones newest first, then those dated only in words. */
  readonly timeline: readonly TimelineEntry[];
  actor(id: ActorId): Actor | undefined;
  article(id: ArticleId): Article | undefined;
  /** Briefs and articles naming the actor, newest first. */
  mentionsOf(id: ActorId): readonly Publication[];
  quotesOf(id: ActorId): readonly ActorQuote[];
  stancesOf(id: ActorId): readonly ActorStance[];
  /** Actors that appear in the same documents, most shared briefs first (src/model/co-actors.ts). */
  coActorsOf(id: ActorId): readonly CoActor[];
  /** Briefs citing the article, newest first. */
  citationsOf(id: ArticleId): readonly Brief[];
  /** What the actor said (each quote once), its stances over time, its events, its first and latest mention. */
  dossierOf(id: ActorId): ActorDossier;
  /** Up to five other published briefs sharing the most telling actors and topics with the brief, best first. */
  relatedOf(id: BriefId): readonly RelatedBrief[];
  /** Actors ranked by how many documents mention them. */
  readonly mostMentioned: readonly Actor[];
}
