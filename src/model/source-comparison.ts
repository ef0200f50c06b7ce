/**
 * "What each source says": for a brief built from several sources, which key points each source
 * reports and in which paragraphs, derived from the key points' citations alone (no extra field).
 * A source is an outlet, or an article when its outlet is not stated, so two articles from one
 * outlet are one column and two unattributed articles are two.
 */
import type { ArticleId } from "../validate/ids.ts";
import type { Citation, CitedKeyPoint } from "./types.ts";
import type { SitePath } from "./urls.ts";

/** One column: an outlet, or an article whose outlet is not stated. */
export interface ComparedSource {
  /** Same key, same source: `outlet:<actor>` or `article:<id>`. */
  readonly key: string;
  readonly name: string;
  /** The outlet's page, or the article's. */
  readonly path: SitePath;
}

/** One key point, and the paragraphs of each source (in the order of `sources`) that report it. */
interface ComparedPoint {
  readonly text: string;
  readonly bySource: readonly (readonly Citation[])[];
}

export interface SourceComparison {
  readonly sources: readonly ComparedSource[];
  readonly points: readonly ComparedPoint[];
}

/**
 * The comparison of a brief's sources over its key points, or undefined when there is nothing to
 * compare (fewer than two sources, or no key points). Sources come in the order the brief lists
 * its articles, then any other cited article in order of first citation.
 */
export function compareSources(
  keyPoints: readonly CitedKeyPoint[],
  articles: readonly ArticleId[],
  sourceOf: (article: ArticleId) => ComparedSource,
): SourceComparison | undefined {
  const cited = keyPoints.flatMap((k) => k.cites.map((c) => c.ref.article));
  const sources = new Map<string, ComparedSource>();
  for (const id of [...articles, ...cited]) {
    const source = sourceOf(id);
    if (!sources.has(source.key)) sources.set(source.key, Object.freeze(source));
  }
  if (sources.size < 2 || keyPoints.length === 0) return undefined;
  const keys = [...sources.keys()];
  const points = keyPoints.map((k) => {
    const bySource = keys.map((): Citation[] => []);
    for (const c of k.cites) bySource[keys.indexOf(sourceOf(c.ref.article).key)]!.push(c);
    return Object.freeze({ text: k.text, bySource: Object.freeze(bySource.map((list) => Object.freeze(list))) });
  });
  return Object.freeze({ sources: Object.freeze([...sources.values()]), points: Object.freeze(points) });
}
