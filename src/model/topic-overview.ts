/**
 * The topics index as a reader scans it: each topic with its newest brief and the actors its briefs
 * involve most, the topics where something happened most recently first (a briefing reader comes for
 * what moves now; on a small site the counts barely differ, the dates do).
 */
import type { ActorId } from "../validate/ids.ts";
import type { Brief, SiteModel, TopicEntry } from "./types.ts";

export interface TopicOverview {
  readonly topic: TopicEntry;
  /** Its newest brief (topic entries list their briefs newest first). */
  readonly latest: Brief;
  /** Actors involved in most of its briefs, most first, then by id, outlets left out (they report it); at most `MOST_INVOLVED`. */
  readonly mostInvolved: readonly ActorId[];
}

const MOST_INVOLVED = 3;

function mostInvolvedIn(model: Pick<SiteModel, "actor">, briefs: readonly Brief[]): ActorId[] {
  const counts = new Map<ActorId, number>();
  for (const b of briefs)
    for (const a of b.actors)
      if (model.actor(a.id)?.kind !== "media-outlet") counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .slice(0, MOST_INVOLVED)
    .map(([id]) => id);
}

/** Topics with briefs, newest brief first; a tie goes to the topic with more briefs, then by name. */
export function topicOverviews(model: Pick<SiteModel, "topics" | "actor">): TopicOverview[] {
  return model.topics
    .flatMap((topic) => {
      const latest = topic.briefs[0];
      return latest ? [{ topic, latest, mostInvolved: mostInvolvedIn(model, topic.briefs) }] : [];
    })
    .sort(
      (x, y) =>
        (x.latest.date < y.latest.date ? 1 : x.latest.date > y.latest.date ? -1 : 0) ||
        y.topic.briefs.length - x.topic.briefs.length ||
        x.topic.name.localeCompare(y.topic.name),
    );
}
