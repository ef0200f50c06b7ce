/**
 * The timeline: every event the briefs list, each once. Several briefs often list one event (each
 * brief about a story repeats its background); their listings are merged when they cite the same
 * paragraphs at a time that does not conflict, or say the same thing at the same time. Dated
 * events come newest first; events the source dates only in words follow, in their own group,
 * never placed at the date of the brief that reports them.
 */
import type { ActorId } from "../validate/ids.ts";
import type { PartialDate } from "../validate/dates.ts";
import type { Brief, Citation, CitedEvent, TimelineEntry } from "./types.ts";

/** One brief's listing of an event. */
export interface ListedEvent {
  readonly event: CitedEvent;
  readonly brief: Brief;
}

/** When a listing says the event happened: its date, or the words the source used ("last September"), if any. */
function timeOf(e: CitedEvent): string | undefined {
  if (e.date) return e.date;
  const quoted = /["“]([^"”]+)["”]/.exec(e.when ?? "")?.[1];
  return quoted ? `“${quoted.trim().toLowerCase()}”` : undefined;
}

const citeKey = (e: CitedEvent): string =>
  e.cites
    .map((c) => `${c.ref.article}#${c.ref.paragraph}`)
    .sort()
    .join(" ");

const wordsKey = (e: CitedEvent): string =>
  `${e.what
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()}|${timeOf(e) ?? ""}`;

/** What `sameEvents` compares of a listing. */
interface EventKeys {
  readonly time: string;
  readonly cites: string;
  readonly words: string;
}

/**
 * Work kept from one preview build to the next (`ModelCache`), by object: an unchanged brief keeps
 * its listings, so its events' keys and the entries merged only from unchanged listings are
 * reused. Recomputing both for every event was 15 % of an edit's rebuild at 10,000 briefs.
 */
export interface TimelineMemo {
  readonly keys: WeakMap<CitedEvent, EventKeys>;
  /** By a group's first listing: the group it was merged from, and the entry. */
  readonly entries: WeakMap<ListedEvent, { readonly listings: readonly ListedEvent[]; readonly entry: TimelineEntry }>;
}

export const timelineMemo = (): TimelineMemo => ({ keys: new WeakMap(), entries: new WeakMap() });

function keysOf(e: CitedEvent, memo: TimelineMemo | undefined): EventKeys {
  const kept = memo?.keys.get(e);
  if (kept) return kept;
  const keys = { time: timeOf(e) ?? "", cites: citeKey(e), words: wordsKey(e) };
  memo?.keys.set(e, keys);
  return keys;
}

/** Groups of listings that are one event (indexes into `listed`), in order of first listing. */
function sameEvents(listed: readonly ListedEvent[], memo: TimelineMemo | undefined): number[][] {
  const parent = listed.map((_l, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const join = (i: number, j: number) => void (parent[root(i)] = root(j));
  // Same paragraphs: one listing per time ("" for none) stands for each set of cited paragraphs.
  const byCites = new Map<string, Map<string, number>>();
  const byWords = new Map<string, number>();
  listed.forEach(({ event }, i) => {
    const { time, cites: key, words } = keysOf(event, memo);
    if (key) {
      const times = byCites.get(key) ?? new Map<string, number>();
      for (const [t, j] of times) if (t === time || t === "" || time === "") join(i, j);
      if (!times.has(time)) times.set(time, i);
      byCites.set(key, times);
    }
    const j = byWords.get(words);
    if (j === undefined) byWords.set(words, i);
    else join(i, j);
  });
  const groups = new Map<number, number[]>();
  listed.forEach((_l, i) => {
    const r = root(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()];
}

/** One event from its listings: the first listing's words, every brief, paragraph and actor once. */
function entryOf(listings: readonly ListedEvent[]): TimelineEntry {
  const cites = new Map<string, Citation>();
  for (const { event } of listings) for (const c of event.cites) cites.set(`${c.ref.article}#${c.ref.paragraph}`, c);
  const date = listings.find((l) => l.event.date)?.event.date;
  return Object.freeze({
    event: listings[0]!.event,
    briefs: Object.freeze([...new Set(listings.map((l) => l.brief))]),
    cites: Object.freeze([...cites.values()]),
    actors: Object.freeze([...new Set(listings.flatMap((l) => l.event.actors as readonly ActorId[]))]),
    ...(date ? { date: date as PartialDate } : {}),
  });
}

/** The entry of a group of listings: the previous build's when it was merged from the very same listings. */
function keptEntryOf(listings: readonly ListedEvent[], memo: TimelineMemo | undefined): TimelineEntry {
  const kept = memo?.entries.get(listings[0]!);
  if (kept && kept.listings.length === listings.length && kept.listings.every((l, i) => l === listings[i]))
    return kept.entry;
  const entry = entryOf(listings);
  memo?.entries.set(listings[0]!, { listings, entry });
  return entry;
}

/**
 * The timeline from every brief's listings (given newest brief first): dated events newest first
 * (a day before the month it falls in), then those dated only in words, newest brief first.
 */
export function timelineOf(listed: readonly ListedEvent[], memo?: TimelineMemo): TimelineEntry[] {
  const entries = sameEvents(listed, memo).map((g) =>
    keptEntryOf(
      g.map((i) => listed[i]!),
      memo,
    ),
  );
  const dated = entries
    .filter((e) => e.date !== undefined)
    .sort((a, b) => (a.date === b.date ? 0 : a.date! < b.date! ? 1 : -1));
  return [...dated, ...entries.filter((e) => e.date === undefined)];
}
