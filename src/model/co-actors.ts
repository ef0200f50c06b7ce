/** Co-actors: the actors named most often in the same documents as an actor, for its page. */
import type { ActorId } from "../validate/ids.ts";
import type { BuildCache } from "./cache.ts";
import type { Actor, CoActor, Publication } from "./types.ts";

/** How many co-appearing actors an actor page shows. */
const CO_ACTORS = 10;

/** Actor → every other actor → in how many documents the two are named together. */
export type CoAppearanceCounts = Map<ActorId, Map<ActorId, number>>;

/**
 * Adds (or, with -1, takes back) one document's co-appearances: each actor it names counts once
 * with every other. An actor named anywhere has a row, if an empty one.
 */
export function addCoAppearances(
  counts: CoAppearanceCounts,
  named: readonly ActorId[],
  delta: 1 | -1,
  touched: Set<ActorId>,
): void {
  for (const id of named) {
    let row = counts.get(id);
    if (!row) counts.set(id, (row = new Map()));
    touched.add(id);
    for (const other of named) {
      if (other === id) continue;
      const n = (row.get(other) ?? 0) + delta;
      if (n === 0) row.delete(other);
      else row.set(other, n);
    }
  }
}

/** One actor's co-actors, most often named with it first, at most `CO_ACTORS` of them. */
function ranked(row: ReadonlyMap<ActorId, number>, actorById: ReadonlyMap<ActorId, Actor>): readonly CoActor[] {
  const list = [...row]
    .flatMap(([other, count]) => {
      const actor = actorById.get(other);
      return actor ? [{ actor, count }] : [];
    })
    .sort((a, b) => b.count - a.count || (a.actor.name < b.actor.name ? -1 : 1))
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
