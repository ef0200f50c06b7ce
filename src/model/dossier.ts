/**
 * An actor's dossier, for the first page of its actor page: what it said (each quote once, however
 * many briefs repeat it), where it stood over time, the events it took part in, and when the
 * archive first and last named it. Derived from the model's indexes, on demand.
 */
import { publicationDate, type Brief, type CitedQuote, type Publication, type TimelineEntry } from "./types.ts";
import type { ActorQuote, ActorStance } from "./types.ts";

/** One quote, with every brief that reports it (newest first). */
interface DossierQuote {
  readonly quote: CitedQuote;
  readonly briefs: readonly Brief[];
}

export interface ActorDossier {
  /** Each quote once, newest brief first. */
  readonly quotes: readonly DossierQuote[];
  /** Its role and stance in each brief, oldest brief first: how its position moved. */
  readonly stances: readonly ActorStance[];
  /** Events naming it, oldest first; those dated only in words last. */
  readonly events: readonly TimelineEntry[];
  /** The earliest and the latest dated brief or article naming it. */
  readonly firstMention?: Publication;
  readonly latestMention?: Publication;
}

/** The same words, whatever the case, spacing and punctuation. */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function quotesOnce(quotes: readonly ActorQuote[]): DossierQuote[] {
  const byWords = new Map<string, { quote: CitedQuote; briefs: Brief[] }>();
  for (const { quote, brief } of quotes) {
    const key = wordsOf(quote.text);
    const seen = byWords.get(key);
    if (!seen) byWords.set(key, { quote, briefs: [brief] });
    else if (!seen.briefs.includes(brief)) seen.briefs.push(brief);
  }
  return [...byWords.values()].map((q) => Object.freeze({ quote: q.quote, briefs: Object.freeze(q.briefs) }));
}

/**
 * The dossier from the actor's quotes and stances (newest brief first), the timeline entries naming
 * it (the timeline's order: dated newest first, then those dated in words) and the documents
 * naming it (newest first, undated last).
 */
export function dossierOf(
  quotes: readonly ActorQuote[],
  stances: readonly ActorStance[],
  events: readonly TimelineEntry[],
  mentions: readonly Publication[],
): ActorDossier {
  // The ends of the list, not a copy of its dated part: a much-named actor has thousands of
  // mentions, and the preview makes every actor's dossier again after each edit (pagesOf).
  const isDated = (d: Publication) => publicationDate(d) !== undefined;
  const latestMention = mentions.find(isDated);
  const firstMention = mentions.findLast(isDated);
  const datedEvents = events.filter((e) => e.date !== undefined);
  return Object.freeze({
    quotes: Object.freeze(quotesOnce(quotes)),
    stances: Object.freeze([...stances].reverse()),
    events: Object.freeze([...datedEvents.reverse(), ...events.filter((e) => e.date === undefined)]),
    ...(latestMention && firstMention ? { firstMention, latestMention } : {}),
  });
}
