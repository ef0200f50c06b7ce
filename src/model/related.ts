/**
 * Related briefs, for the foot of a brief page: the few other published briefs that share the most
 * telling actors and topics with it, each with what it shares.
 *
 * The score of a brief C for a brief B sums, over every actor and every topic both have, the
 * weight `ln(1 + P / n)`, where P is the number of published briefs and n how many of them have
 * that actor or topic. An actor in every brief weighs ln 2 ≈ 0.7; one in 2 briefs out of 1,000
 * weighs ln 501 ≈ 6.2: sharing a rare actor says more than sharing the United States. Equal scores:
 * the newer brief first.
 *
 * Worked out from the actor → briefs and topic → briefs lists, rarest first. Each brief reads at most `CANDIDATE_VISITS` entries of those lists; a list longer than
 * what is left of that allowance is read around the brief's own date (the briefs nearest it in
 * time), so the whole model costs O(briefs × CANDIDATE_VISITS) however common an actor is.
 */
import type { ActorId, BriefId } from "../validate/ids.ts";
import type { Actor, Brief, RelatedBrief } from "./types.ts";
import type { SitePath } from "./urls.ts";

/** How many related briefs a brief page lists. */
const RELATED = 5;
/** The most list entries one brief reads to find its candidates. */
export const CANDIDATE_VISITS = 400;

/** Something briefs share: an actor or a topic, and the briefs having it (their places in `briefs`, ascending). */
interface Trait {
  readonly name: string;
  readonly path: SitePath;
  readonly briefs: number[];
  weight: number;
}

/** Every actor and topic of the published briefs, with the briefs having each: actors by id, topics by slug. */
interface Traits {
  readonly actors: Map<ActorId, Trait>;
  readonly topics: Map<string, Trait>;
}

/** Keyed by id, not by a made-up string per mention: the preview works these out after every edit. */
function traitsOf(
  briefs: readonly Brief[],
  published: readonly boolean[],
  actorById: ReadonlyMap<ActorId, Actor>,
): Traits {
  const traits: Traits = { actors: new Map(), topics: new Map() };
  const add = <K>(map: Map<K, Trait>, key: K, name: string, path: SitePath, i: number) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = { name, path, briefs: [], weight: 0 }));
    // A brief naming an actor twice is one entry in its list.
    if (published[i] && t.briefs.at(-1) !== i) t.briefs.push(i);
  };
  briefs.forEach((b, i) => {
    for (const id of b.mentions) {
      const actor = actorById.get(id);
      if (actor) add(traits.actors, id, actor.name, actor.path, i);
    }
    for (const t of b.topics) add(traits.topics, t.slug, t.name, t.path, i);
  });
  const count = published.filter(Boolean).length;
  for (const map of [traits.actors, traits.topics])
    for (const t of map.values()) t.weight = t.briefs.length > 0 ? Math.log(1 + count / t.briefs.length) : 0;
  return traits;
}

/** The first index of `list` (ascending) not below `value`. */
function placeOf(list: readonly number[], value: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range of at most `room` entries of the list, centred on the place where brief `i` is or would be. */
function around(list: readonly number[], i: number, room: number): { start: number; end: number } {
  if (list.length <= room) return { start: 0, end: list.length };
  const start = Math.min(Math.max(0, placeOf(list, i) - (room >> 1)), list.length - room);
  return { start, end: start + room };
}

/** What brief `i` read of one of its traits' lists: the trait and the range of the list. */
interface Reading {
  readonly trait: Trait;
  readonly start: number;
  readonly end: number;
}

/** Whether brief `j` was among the entries read. */
function wasRead(r: Reading, j: number): boolean {
  const at = placeOf(r.trait.briefs, j);
  return at >= r.start && at < r.end && r.trait.briefs[at] === j;
}

/** Each brief's score (reused from brief to brief: every entry is set back to 0 after use). */
type Scores = Float64Array;

/** Reads brief `i`'s traits, rarest first, within the allowance; adds each entry's weight to its score. */
function readTraits(i: number, own: readonly Trait[], scores: Scores): { readings: Reading[]; touched: number[] } {
  const readings: Reading[] = [];
  const touched: number[] = [];
  let room = CANDIDATE_VISITS;
  for (const trait of [...own].sort((a, b) => a.briefs.length - b.briefs.length)) {
    if (room <= 0) break;
    const { start, end } = around(trait.briefs, i, room);
    room -= end - start;
    readings.push({ trait, start, end });
    for (let k = start; k < end; k++) {
      const j = trait.briefs[k]!;
      if (j === i) continue;
      if (scores[j] === 0) touched.push(j);
      scores[j]! += trait.weight;
    }
  }
  return { readings, touched };
}

/** Brief `i`'s related briefs, best first. */
function relatedTo(
  i: number,
  own: readonly Trait[],
  briefs: readonly Brief[],
  scores: Scores,
): readonly RelatedBrief[] {
  const { readings, touched } = readTraits(i, own, scores);
  // `briefs` is newest first: on equal scores the lower index is the newer brief.
  const best = touched.sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, RELATED);
  const related = best.map((j) =>
    Object.freeze({
      brief: briefs[j]!,
      score: scores[j]!,
      shared: Object.freeze(
        readings.filter((r) => wasRead(r, j)).map((r) => Object.freeze({ name: r.trait.name, path: r.trait.path })),
      ),
    }),
  );
  for (const j of touched) scores[j] = 0;
  return Object.freeze(related);
}

/** A brief's actors and topics, as traits (each once). */
const traitsOfBrief = (b: Brief, traits: Traits): Trait[] => [
  ...new Set([
    ...b.mentions.flatMap((id) => traits.actors.get(id) ?? []),
    ...b.topics.flatMap((t) => traits.topics.get(t.slug) ?? []),
  ]),
];

/**
 * A brief's related briefs (published ones only, never itself), best first, worked out the first
 * time they are asked for. `briefs` is the model's list, newest first; drafts (in the preview) get
 * related briefs but are never one. A build renders every brief page and so asks for all of them;
 * the preview renders only the pages it is asked for, and working out all 10,000 briefs' lists
 * after every edit was a fifth of its rebuild. Made outside `buildModel`, so that its closure keeps
 * only what the lists are made from.
 */
export function relatedLookup(
  briefs: readonly Brief[],
  actorById: ReadonlyMap<ActorId, Actor>,
): (id: BriefId) => readonly RelatedBrief[] {
  const traits = traitsOf(
    briefs,
    briefs.map((b) => b.status === "published"),
    actorById,
  );
  const place = new Map(briefs.map((b, i) => [b.id, i]));
  // Shared by every call: each entry is set back to 0 after use.
  const scores: Scores = new Float64Array(briefs.length);
  const known = new Map<BriefId, readonly RelatedBrief[]>();
  const none = Object.freeze([]) as readonly never[];
  return (id) => {
    const i = place.get(id);
    if (i === undefined) return none;
    let related = known.get(id);
    if (!related) known.set(id, (related = relatedTo(i, traitsOfBrief(briefs[i]!, traits), briefs, scores)));
    return related;
  };
}

/** Every brief's related briefs at once (what the model's lookup gives, brief by brief). */
export function relatedBriefsOf(
  briefs: readonly Brief[],
  actorById: ReadonlyMap<ActorId, Actor>,
): Map<BriefId, readonly RelatedBrief[]> {
  const relatedOf = relatedLookup(briefs, actorById);
  return new Map(briefs.map((b) => [b.id, relatedOf(b.id)]));
}
