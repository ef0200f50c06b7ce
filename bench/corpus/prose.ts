import type { Random } from "./random.ts";
import { capitalize, type Vocabulary } from "./vocabulary.ts";

/**
 * Sentences in the made-up language. Counts how often each word rank is used, so the generator can
 * name search terms that really occur (common, medium, rare) for the search benchmarks.
 */
export class Prose {
  readonly counts: Uint32Array;

  constructor(
    private readonly random: Random,
    readonly vocabulary: Vocabulary,
  ) {
    this.counts = new Uint32Array(vocabulary.words.length);
  }

  word(): string {
    const rank = this.vocabulary.sampler.sample(this.random);
    this.counts[rank]!++;
    return this.vocabulary.words[rank]!;
  }

  words(count: number): string[] {
    return Array.from({ length: count }, () => this.word());
  }

  /**
   * Words with an occasional comma, the first capitalized, without the final full stop.
   * `names` are placed at random positions, whole (names are never split by a comma).
   */
  clause(min: number, max: number, names: readonly string[] = []): string {
    const parts = this.words(this.random.int(min, max));
    for (const name of names) parts.splice(this.random.int(0, parts.length), 0, name);
    for (let i = 1; i < parts.length - 1; i++) if (this.random.chance(0.06)) parts[i] += ",";
    parts[0] = capitalize(parts[0]!);
    return parts.join(" ");
  }

  sentence(min = 8, max = 18, names: readonly string[] = []): string {
    return `${this.clause(min, max, names)}.`;
  }

  /** A headline: 5–10 words, capitalized, no full stop. */
  headline(names: readonly string[] = []): string {
    return this.clause(4, 9, names).replace(/,/g, "");
  }
}
