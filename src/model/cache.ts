/**
 * The preview's model cache (`npm start`): what each brief and article contributed to the last
 * build, so that a rebuild after a one-file edit renders only that file's Markdown.
 *
 * `ModelCache` is what a site keeps between builds; `BuildCache` is one build's use of it, which
 * takes each entry whose inputs are unchanged and computes the others. `buildModel` makes a
 * `BuildCache` for every build, with or without a `ModelCache`: without one it always computes.
 */
import type { ActorId, ArticleId, BriefId } from "../validate/ids.ts";
import type { BodyReference } from "../validate/briefing-syntax.ts";
import type { ValidArticle, ValidBrief } from "../validate/validate.ts";
import type { RenderedBody } from "./markdown.ts";
import type { Actor, ActorQuote, ActorStance, Article, Brief, Citation, CoActor, Publication, Html } from "./types.ts";
import { timelineMemo, type ListedEvent, type TimelineMemo } from "./timeline.ts";
import { addCoAppearances, kindOfKey, type CoAppearanceCounts } from "./co-actors.ts";
import { sameItems } from "./lists.ts";

/** What a brief adds to its actors' quotes and stances and to the timeline: one entry per quote, actor and event. */
export interface BriefEntries {
  readonly quotes: readonly ActorQuote[];
  readonly stances: readonly ActorStance[];
  readonly events: readonly ListedEvent[];
}

/** A brief body's Markdown, rendered, and (from an unchanged file) the whole brief built from it. */
interface CachedBrief {
  readonly body: string;
  readonly refs: readonly BodyReference[];
  readonly html: Html;
  readonly built?: BuiltBrief;
}

/** The whole brief and the citations in its body, with the file version they were built from. */
export interface BuiltBrief {
  readonly source: unknown;
  readonly brief: Brief;
  readonly cited: readonly Citation[];
  /** `citedParagraphs` of the brief, once computed. */
  citedParagraphs?: readonly string[];
  /** `entriesOf` the brief, once computed. */
  entries?: BriefEntries;
}

/** An article's paragraphs, rendered, and (from an unchanged file) the whole article built from them. */
export interface CachedArticle {
  readonly texts: readonly string[];
  readonly html: readonly Html[];
  readonly mentioned: readonly ActorId[];
  /** Each paragraph's `article#n`, the key of the briefs citing it. */
  readonly keys: readonly string[];
  /** The whole article, with the file version it was built from (its paragraphs name the briefs citing them). */
  readonly built?: { readonly source: unknown; readonly article: Article };
}

/** How often actors are named together, what each document added to that, and the co-actor lists ranked from it. */
interface CachedCoActors {
  readonly counts: CoAppearanceCounts;
  /** `type/id` of each document → the actors it names. */
  readonly namedBy: ReadonlyMap<string, readonly ActorId[]>;
  ranked?: ReadonlyMap<ActorId, readonly CoActor[]>;
}

/** Everything one finished build left for the next. */
interface CacheContents {
  /** The path prefix and every actor's id, name and aliases: what every rendered link depends on. */
  readonly actorKey: string;
  /** Every article's id, title and outlet: what citation chips in brief bodies depend on too. */
  readonly citeKey: string;
  readonly briefs: ReadonlyMap<BriefId, CachedBrief>;
  readonly articles: ReadonlyMap<ArticleId, CachedArticle>;
  readonly coActors?: CachedCoActors;
}

/**
 * Per-document work kept from one build to the next, so that a rebuild after a one-file edit
 * renders only that file's Markdown: each brief body's references and HTML, each article's
 * paragraph HTML and the actors it mentions. An entry is reused only when its text is unchanged
 * and so is everything else its HTML depends on (`actorKey`: the path prefix and every actor's id,
 * name and aliases; `citeKey`, for brief bodies: also every article's id, title and outlet, and the site's language).
 * With `sourceOf`, a brief whose file is unchanged is reused whole, citations and all.
 * Each build keeps only the entries it used, so the cache never holds more than one site.
 */
export class ModelCache {
  /**
   * What a content file (`briefs/x.md`) held when it was read: any value that changes whenever the
   * file does, such as the loaded file object of a loader that keeps unchanged files.
   */
  readonly sourceOf: ((file: string) => unknown) | undefined;
  /** The timeline's work, by event and listing objects: entries for objects no build keeps are collected. */
  readonly timeline: TimelineMemo = timelineMemo();
  #kept: CacheContents = { actorKey: "", citeKey: "", briefs: new Map(), articles: new Map() };

  constructor(sourceOf?: (file: string) => unknown) {
    this.sourceOf = sourceOf;
  }

  /** What the last finished build kept. */
  get kept(): CacheContents {
    return this.#kept;
  }

  /**
   * Hands the co-appearance counts to a build, which corrects them in place: until that build
   * finishes (`keep`), the cache holds none, so a build that fails halfway leaves no half-corrected counts.
   */
  takeCoActors(): CachedCoActors | undefined {
    const { coActors, ...rest } = this.#kept;
    this.#kept = rest;
    return coActors;
  }

  keep(contents: CacheContents): void {
    this.#kept = contents;
  }
}

/** An empty cache for `ModelOptions.cache`: hand the same one to every build of a site. */
export const modelCache = (sourceOf?: (file: string) => unknown): ModelCache => new ModelCache(sourceOf);

/**
 * One build's use of the cache: each brief body's and article's Markdown work, taken from the
 * cache when the text and everything its HTML depends on are unchanged, computed otherwise.
 * Without a cache, always computed.
 */
export class BuildCache {
  readonly #cache: ModelCache | undefined;
  readonly #actorKey: string;
  readonly #citeKey: string;
  /** The previous build had the same path prefix and actors, so every rendered link is the same. */
  readonly #sameActors: boolean;
  /** … and the same article titles and outlets, so every citation chip is the same too. */
  readonly #sameCites: boolean;
  readonly #briefs = new Map<BriefId, CachedBrief>();
  readonly #articles = new Map<ArticleId, CachedArticle>();
  #coActors: CachedCoActors | undefined;

  constructor(
    cache: ModelCache | undefined,
    pathPrefix: string,
    actors: readonly Actor[],
    articles: readonly ValidArticle[],
    language: string,
  ) {
    this.#cache = cache;
    this.#actorKey = cache ? JSON.stringify([pathPrefix, actors.map((a) => [a.id, a.name, a.aliases])]) : "";
    // Citation chips carry interface words too (their screen-reader text, their titles).
    this.#citeKey = cache ? JSON.stringify([language, articles.map((a) => [a.id, a.title, a.outlet])]) : "";
    this.#sameActors = cache?.kept.actorKey === this.#actorKey;
    this.#sameCites = this.#sameActors && cache?.kept.citeKey === this.#citeKey;
  }

  /** The timeline's work kept between builds of the site; none without a cache. */
  get timeline(): TimelineMemo | undefined {
    return this.#cache?.timeline;
  }

  /** The version of a content file this build reads (see `ModelCache.sourceOf`). */
  #sourceOf(file: string): unknown {
    return this.#cache?.sourceOf?.(file);
  }

  /** The brief body's references and HTML: the previous build's if its text and links are unchanged. */
  briefBody(b: ValidBrief, render: () => RenderedBody): CachedBrief {
    const old = this.#cache?.kept.briefs.get(b.id);
    const entry =
      old?.body === b.body && this.#sameCites
        ? { body: old.body, refs: old.refs, html: old.html }
        : { body: b.body, ...render() };
    if (this.#cache) this.#briefs.set(b.id, entry);
    return entry;
  }

  /** The brief built from the same file version by the previous build, if nothing it depends on changed. */
  unchangedBrief(b: ValidBrief): BuiltBrief | undefined {
    const old = this.#cache?.kept.briefs.get(b.id);
    if (!old?.built || !this.#sameCites || old.built.source !== this.#sourceOf(b.file)) return undefined;
    this.#briefs.set(b.id, old);
    return old.built;
  }

  keepBrief(b: ValidBrief, brief: Brief, cited: readonly Citation[]): void {
    const entry = this.#briefs.get(b.id);
    if (entry && this.#cache?.sourceOf)
      this.#briefs.set(b.id, { ...entry, built: { source: this.#cache.sourceOf(b.file), brief, cited } });
  }

  citedParagraphs(brief: Brief, compute: () => readonly string[]): readonly string[] {
    const built = this.#briefs.get(brief.id)?.built;
    if (built?.brief !== brief) return compute();
    return (built.citedParagraphs ??= compute());
  }

  briefEntries(brief: Brief, compute: () => BriefEntries): BriefEntries {
    const built = this.#briefs.get(brief.id)?.built;
    if (built?.brief !== brief) return compute();
    return (built.entries ??= compute());
  }

  /** The article's paragraph HTML and mentions: the previous build's if its paragraphs and links are unchanged. */
  articleParagraphs(a: ValidArticle, render: () => Pick<CachedArticle, "html" | "mentioned">): CachedArticle {
    const old = this.#cache?.kept.articles.get(a.id);
    if (
      old &&
      this.#sameActors &&
      old.texts.length === a.paragraphs.length &&
      a.paragraphs.every((p, i) => p.text === old.texts[i])
    ) {
      this.#articles.set(a.id, old);
      return old;
    }
    const keys = a.paragraphs.map((_p, i) => `${a.id}#${i + 1}`);
    const entry = { texts: a.paragraphs.map((p) => p.text), keys, ...render() };
    if (this.#cache) this.#articles.set(a.id, entry);
    return entry;
  }

  /** The article built from the same file by the previous build, if the same briefs cite the same paragraphs. */
  unchangedArticle(a: ValidArticle, citedBy: readonly (readonly Brief[])[]): Article | undefined {
    const built = this.#articles.get(a.id)?.built;
    if (!built || built.source !== this.#sourceOf(a.file)) return undefined;
    const same = built.article.paragraphs.every((p, i) => sameItems(p.citedBy, citedBy[i]!));
    return same ? built.article : undefined;
  }

  keepArticle(a: ValidArticle, article: Article): void {
    const entry = this.#articles.get(a.id);
    if (entry && this.#cache?.sourceOf)
      this.#articles.set(a.id, { ...entry, built: { source: this.#cache.sourceOf(a.file), article } });
  }

  /**
   * The co-appearance counts: the previous build's, corrected by the documents whose actors
   * changed (or that came or went), and which actors' co-actor lists can stay as they were.
   */
  coAppearances(documents: readonly Publication[]): {
    counts: CoAppearanceCounts;
    unchangedCoActors: (id: ActorId) => readonly CoActor[] | undefined;
  } {
    const previous = this.#cache?.takeCoActors();
    const counts: CoAppearanceCounts = previous?.counts ?? new Map();
    const namedBy = new Map<string, readonly ActorId[]>();
    const touched = new Set<ActorId>();
    for (const d of documents) {
      const key = `${d.type}/${d.id}`;
      namedBy.set(key, d.mentions);
      const old = previous?.namedBy.get(key);
      if (old && sameItems(old, d.mentions)) continue;
      if (old) addCoAppearances(counts, old, -1, touched, d.type);
      addCoAppearances(counts, d.mentions, 1, touched, d.type);
    }
    for (const [key, old] of previous?.namedBy ?? [])
      if (!namedBy.has(key)) addCoAppearances(counts, old, -1, touched, kindOfKey(key));
    this.#coActors = { counts, namedBy };
    const ranked = this.#sameActors ? previous?.ranked : undefined;
    return { counts, unchangedCoActors: (id) => (touched.has(id) ? undefined : ranked?.get(id)) };
  }

  keepCoActors(ranked: ReadonlyMap<ActorId, readonly CoActor[]>): void {
    if (this.#coActors) this.#coActors.ranked = ranked;
  }

  /** Hands what this build used to the cache, for the next build; what it did not use is dropped. */
  keepForNextBuild(): void {
    this.#cache?.keep({
      actorKey: this.#actorKey,
      citeKey: this.#citeKey,
      briefs: this.#briefs,
      articles: this.#articles,
      ...(this.#coActors ? { coActors: this.#coActors } : {}),
    });
  }
}
