/**
 * Hedges: the words with which a source says it is not vouching for a claim itself. A statement
 * drawn from a hedged sentence must keep a hedge, or a brief turns "reportedly" into fact.
 */

/** What a cited paragraph may hedge with (lower case; matched as whole words). */
const HEDGE =
  /\b(reportedly|allegedly|alleged|according to(?: ([\p{L}\p{N}]+))?|(?:recent )?reports (?:indicate|suggest)|sources? (?:said|say|says)|citing anonymous sources)\b/u;

/** A hedge as a sentence words it, and whom it attributes the claim to ("according to CNN": `cnn`). */
export interface Hedge {
  readonly words: string;
  readonly to: string | undefined;
}

/**
 * What keeps a hedge in a statement: any hedge, or wording that attributes the claim (reports,
 * allegations, according to, sources, appears). Lenient on purpose: the lint looks for a hedge
 * dropped altogether, not for the exact word.
 */
const KEEPS = /\b(report\w*|alleg\w*|according to|sources?|appear\w*|apparently|claim\w*|indicat\w*)\b/;

/** The hedge in `sentence`, as written there, or undefined. */
export function hedgeIn(sentence: string): Hedge | undefined {
  const found = HEDGE.exec(sentence.toLowerCase());
  return found ? { words: sentence.slice(found.index, found.index + found[1]!.length), to: found[2] } : undefined;
}

/**
 * True when the statement hedges or attributes what it says, or names whom the hedge attributes
 * it to ("CNN's view", for "according to CNN").
 */
export function keepsHedge(statement: string, hedge: Hedge): boolean {
  const lower = statement.toLowerCase();
  return (
    KEEPS.test(lower) ||
    (hedge.to !== undefined && (lower.match(/[\p{L}\p{N}]+/gu) ?? ([] as string[])).includes(hedge.to))
  );
}
