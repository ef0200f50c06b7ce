/**
 * Seeded randomness for the synthetic corpus. Everything the generator writes comes from one
 * `Random`, consumed in a fixed order, so the same seed gives byte-identical output on any machine.
 */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1) (mulberry32: 32-bit state, integer arithmetic only). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A new array with the items in random order (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/**
 * Ranks drawn with probability ∝ 1 / (rank + 1)^exponent: a few ranks very often, most rarely.
 * Used for word frequencies and for how often each actor appears.
 */
export class ZipfSampler {
  readonly #cumulative: Float64Array;

  constructor(
    readonly size: number,
    exponent: number,
  ) {
    if (size < 1) throw new Error("ZipfSampler needs at least one rank");
    this.#cumulative = new Float64Array(size);
    let sum = 0;
    for (let r = 0; r < size; r++) this.#cumulative[r] = sum += 1 / Math.pow(r + 1, exponent);
    for (let r = 0; r < size; r++) this.#cumulative[r]! /= sum;
  }

  /** A 0-based rank. */
  sample(random: Random): number {
    const u = random.next();
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** `count` distinct ranks (fewer when there are fewer ranks). */
  distinct(random: Random, count: number, exclude: ReadonlySet<number> = new Set()): number[] {
    const want = Math.min(count, this.size - exclude.size);
    const out = new Set<number>();
    for (let tries = 0; out.size < want && tries < want * 50; tries++) {
      const r = this.sample(random);
      if (!exclude.has(r)) out.add(r);
    }
    return [...out];
  }
}
