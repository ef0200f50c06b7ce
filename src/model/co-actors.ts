/**
 * Co-actors: the actors named with an actor, for its page. Weighted by shared briefs first: a
 * brief is one story told once, while its source articles retell it, so counting every document
 * alike would count one story several times. Shared source articles break ties.
 */
import type { ActorId } from "../validate/ids.ts";
import type { BuildCache } from "./cache.ts";
import type { Actor, CoActor, Publication } from "./types.ts";

/** How many co-appearing actors an actor page lists; its graph shows the strongest `CO_ACTOR_GRAPH`. */
const CO_ACTORS = 10;
export const CO_ACTOR_GRAPH = 8;

/** How often two actors are named together, by kind of document. */
interface Together {
  briefs: number;
  articles: number;
}

/** Actor → every other actor → in how many briefs and articles the two are named together. */
export type CoAppearanceCounts = Map<ActorId, Map<ActorId, Together>>;

/** The kind of a document from its cache key (`brief/<id>` or `article/<id>`). */
export const kindOfKey = (key: string): Publication["type"] => (key.startsWith("brief/") ? "brief" : "article");

/**
 * Adds (or, with -1, takes back) one document's co-appearances: each actor it names counts once
 * with every other, as a brief or as an article. An actor named anywhere has a row, if an empty one.
 */
export function addCoAppearances(
  counts: CoAppearanceCounts,
  named: readonly ActorId[],
  delta: 1 | -1,
  touched: Set<ActorId>,
  kind: Publication["type"],
): void {
  const field = kind === "brief" ? "briefs" : "articles";
  for (const id of named) {
    let row = counts.get(id);
    if (!row) counts.set(id, (row = new Map()));
    touched.add(id);
    for (const other of named) {
      if (other === id) continue;
      let pair = row.get(other);
      if (!pair) row.set(other, (pair = { briefs: 0, articles: 0 }));
      pair[field] += delta;
      if (pair.briefs === 0 && pair.articles === 0) row.delete(other);
    }
  }
}

/** Strongest first: more shared briefs, then more shared articles, then by name. */
const stronger = (a: CoActor, b: CoActor) =>
  b.briefs - a.briefs || b.articles - a.articles || (a.actor.name < b.actor.name ? -1 : 1);

/** One actor's co-actors, strongest first, at most `CO_ACTORS` of them. */
function ranked(row: ReadonlyMap<ActorId, Together>, actorById: ReadonlyMap<ActorId, Actor>): readonly CoActor[] {
  const list = [...row]
    .flatMap(([other, { briefs, articles }]) => {
      const actor = actorById.get(other);
      return actor ? [Object.freeze({ actor, briefs, articles })] : [];
    })
    .sort(stronger)
    .slice(0, CO_ACTORS);
  return Object.freeze(list);
}

/**
 * Every named actor's co-actors, from how often each two actors are named in the same document.
 * With the cache, only the actors named by a changed document are ranked again.
 */
export function coActorsOf(
  documents: readonly Publication[],
  actorById: ReadonlyMap<ActorId, Actor>,
  cache: BuildCache,
): Map<ActorId, readonly CoActor[]> {
  const { counts, unchangedCoActors } = cache.coAppearances(documents);
  const coActors = new Map<ActorId, readonly CoActor[]>();
  for (const [id, row] of counts) coActors.set(id, unchangedCoActors(id) ?? ranked(row, actorById));
  cache.keepCoActors(coActors);
  return coActors;
}
