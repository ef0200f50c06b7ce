/**
 * Where actors are named in plain text, by name or alias, for the editors' warnings (fact-check.ts):
 * "Britain" and "UK" both name `united-kingdom`. Names are looked up by their first word, so the
 * cost is linear in the text whatever the number of actors. Case-sensitive, as aliases are.
 */
import type { ActorId } from "./ids.ts";

export interface NamedActor {
  readonly id: ActorId;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** One name of an actor found in a text: where it starts and ends. */
interface ActorMention {
  readonly actor: ActorId;
  readonly start: number;
  readonly end: number;
}

export type FindActors = (text: string) => ActorMention[];

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A finder of every actor's names and aliases in a text, longest name first at each place. */
export function actorNameFinder(actors: readonly NamedActor[]): FindActors {
  const byFirstWord = new Map<string, { name: string; actor: ActorId }[]>();
  for (const a of actors)
    for (const name of [a.name, ...a.aliases]) {
      const first = name.match(WORD)?.[0];
      if (first === undefined) continue;
      const list = byFirstWord.get(first) ?? [];
      list.push({ name, actor: a.id });
      byFirstWord.set(first, list);
    }
  for (const list of byFirstWord.values()) list.sort((x, y) => y.name.length - x.name.length);

  return (text) => {
    const found: ActorMention[] = [];
    const words = new RegExp(WORD.source, WORD.flags);
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const candidates = byFirstWord.get(m[0]);
      // Words are whole runs of letters and digits, so "US" is never looked up inside "USA".
      if (!candidates) continue;
      const hit = candidates.find((c) => standsAt(text, c.name, m!.index));
      if (!hit) continue;
      found.push({ actor: hit.actor, start: m.index, end: m.index + hit.name.length });
      words.lastIndex = m.index + hit.name.length;
    }
    return found;
  };
}

/** True when `name` stands at `at` in `text` without running into a longer word ("Rubio" in "Rubios" does not). */
function standsAt(text: string, name: string, at: number): boolean {
  if (!text.startsWith(name, at)) return false;
  const after = text[at + name.length];
  return after === undefined || !WORD_CHAR.test(name[name.length - 1]!) || !WORD_CHAR.test(after);
}
