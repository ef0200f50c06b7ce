import { distance } from "fastest-levenshtein";

/**
 * The nearest known value to a mistyped one, or undefined when nothing is close enough to be a
 * likely typo. `aliases` maps other spellings (an actor's name, `Rubio`) to the id to suggest.
 */
export function nearest(
  wrong: string,
  known: Iterable<string>,
  aliases: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  const key = wrong.toLowerCase();
  const viaAlias = aliases.get(key) ?? aliases.get(key.replace(/-/g, " "));
  if (viaAlias) return viaAlias;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of known) {
    const d = distance(key, candidate.toLowerCase());
    // Allow roughly one typo per four characters; never suggest something entirely different.
    if (d < bestScore && d <= Math.max(2, Math.floor(candidate.length / 4))) {
      best = candidate;
      bestScore = d;
    }
  }
  // A prefix or contained word (`rubio` in `marco-rubio`) is a good guess too.
  if (!best) {
    for (const candidate of known) if (key.length >= 3 && candidate.split("-").includes(key)) return candidate;
  }
  return best;
}

export const didYouMean = (s: string | undefined): string => (s ? ` — did you mean '${s}'?` : "");
