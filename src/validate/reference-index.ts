/**
 * What the reference checks look things up in, built once per run: the actors and the articles a
 * brief may name (with "did you mean" for a mistyped id), where a field stands in its file, and
 * the two lookups every kind of file shares: an actor id, and a citation of an article's paragraph.
 * Each mistake is one diagnostic with file, line, field and hint.
 */
import { error, fieldPath, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { fieldPlaces, type FieldPlaces } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import type { TopicSeen } from "./addresses.ts";
import type { BodyReference } from "./briefing-syntax.ts";
import { formatParagraphRef, type ParagraphRef } from "./ids.ts";
import type { Paragraph } from "./paragraphs.ts";
import type { ActorData } from "./schema.ts";
import { didYouMean, suggester, type Suggest } from "./suggest.ts";

export type Where = Pick<Diagnostic, "file" | "line" | "column" | "field">;
/** File, line, column and field path of a field (its name with `key`, else its value), for a diagnostic. */
export type Locate = (file: SourceFile, path: readonly PropertyKey[], key?: boolean) => Where;

/** A `Locate` for one run: each file's YAML is parsed once, on its first problem, however many it has. */
export function locator(): Locate {
  const files = new Map<SourceFile, FieldPlaces>();
  return (file, path, key) => {
    let places = files.get(file);
    if (!places) files.set(file, (places = fieldPlaces(file)));
    return { file: file.path, ...places(path, key), field: fieldPath(path) };
  };
}

/** A file and what the schema read from it (all of it, or what could be salvaged). */
export interface Parsed<T> {
  readonly file: SourceFile;
  readonly data: T;
}

/** The actors of a run: valid ones by id, ones that failed the schema (reported already), and suggestions. */
export interface KnownActors {
  readonly byId: ReadonlyMap<string, Parsed<ActorData>>;
  readonly broken: ReadonlySet<string>;
  readonly suggest: Suggest;
}

/** The articles a brief may cite: every readable one, its paragraphs, and suggestions for a mistyped slug. */
export interface KnownArticles {
  readonly byId: ReadonlyMap<string, { readonly paragraphs: readonly Paragraph[] }>;
  readonly broken: ReadonlySet<string>;
  readonly suggest: Suggest;
}

/** One run's shared state for the reference checks. */
export interface Run {
  readonly diagnostics: Diagnostic[];
  readonly at: Locate;
  readonly actors: KnownActors;
  /** A brief body's references, parsed with the briefing syntax (every link kept, to report refused ones). */
  readonly bodyReferences: (file: SourceFile) => readonly BodyReference[];
  /** Whether a quote stands verbatim in a paragraph (each paragraph normalised once per run). */
  readonly quoteIn: (quote: string, paragraph: Paragraph) => boolean;
  /** Each topic page's address, with the topic and file that first named it. */
  readonly topics: Map<string, TopicSeen>;
}

/**
 * Files that exist but failed the schema already have their own errors; references to them are
 * not reported again as "unknown", which would bury the one real problem under many false ones.
 */
export function failedIds(files: readonly SourceFile[], ok: readonly { readonly file: SourceFile }[]): Set<string> {
  const fine = new Set(ok.map((p) => p.file.slug));
  return new Set(files.map((f) => f.slug).filter((slug) => !fine.has(slug)));
}

/**
 * A suggester built on its first question: most runs have no mistake to suggest for, and indexing
 * 10,000 ids on every preview edit would be wasted.
 */
function lazySuggester(known: () => Suggest): Suggest {
  let suggest: Suggest | undefined;
  return (wrong) => (suggest ??= known())(wrong);
}

export function knownActors(actors: readonly Parsed<ActorData>[], broken: ReadonlySet<string>): KnownActors {
  const byId = new Map(actors.map((a) => [a.file.slug, a]));
  return {
    byId,
    broken,
    suggest: lazySuggester(() => {
      // Names and aliases lead a mistyped id to its actor: `[[rubio]]` → 'marco-rubio'.
      const aliases = new Map<string, string>();
      for (const a of actors)
        for (const n of [a.data.name, ...a.data.aliases]) aliases.set(n.toLowerCase(), a.file.slug);
      return suggester(byId.keys(), aliases);
    }),
  };
}

export function knownArticles(
  byId: ReadonlyMap<string, { readonly paragraphs: readonly Paragraph[] }>,
  broken: ReadonlySet<string>,
): KnownArticles {
  return { byId, broken, suggest: lazySuggester(() => suggester(byId.keys())) };
}

/** True when `id` names a valid actor; otherwise reports it (once, unless its file failed already). */
export function checkActor(run: Run, file: SourceFile, path: readonly PropertyKey[], id: string, also = ""): boolean {
  if (run.actors.byId.has(id)) return true;
  if (run.actors.broken.has(id)) return false;
  const guess = run.actors.suggest(id);
  run.diagnostics.push(
    error({
      ...run.at(file, path),
      message: `unknown actor '${id}'${didYouMean(guess)}`,
      hint: guess
        ? `change it to '${guess}'${also}`
        : `add content/actors/${id}.yaml, or use an id from content/actors/${also}`,
    }),
  );
  return false;
}

/** The brief a citation stands in: its file and the articles its `sources` list. */
export interface CitingBrief {
  readonly file: SourceFile;
  readonly sources: ReadonlySet<string>;
}

/**
 * Checks a citation (at a field, or in the body) and gives the cited paragraph when it exists.
 * Locating a field reads the YAML, so it happens only when there is a problem to report.
 */
export function checkCitation(
  run: Run,
  articles: KnownArticles,
  brief: CitingBrief,
  ref: ParagraphRef,
  place: CitationPlace,
): Paragraph | undefined {
  const article = articles.byId.get(ref.article);
  if (!article) {
    if (!articles.broken.has(ref.article)) run.diagnostics.push(unknownArticle(run, articles, brief, ref, place));
    return undefined;
  }
  const cited = formatParagraphRef(ref);
  if (!brief.sources.has(ref.article))
    run.diagnostics.push(
      error({
        ...whereCited(run, brief.file, place),
        message: `citation '${cited}' names an article that is not in this brief's sources`,
        hint: `add '${ref.article}' to sources`,
      }),
    );
  const paragraph = article.paragraphs[ref.paragraph - 1];
  const count = article.paragraphs.length;
  if (!paragraph)
    run.diagnostics.push(
      error({
        ...whereCited(run, brief.file, place),
        message: `citation '${cited}' points past the end: '${ref.article}' has ${count} paragraph${count === 1 ? "" : "s"}`,
        hint: `cite #p1 to #p${count}; the article page numbers its paragraphs`,
      }),
    );
  return paragraph;
}

/** A citation's place: a field's path, or the body reference it stands in. */
export type CitationPlace = readonly PropertyKey[] | BodyReference;

const whereCited = (run: Run, file: SourceFile, place: CitationPlace): Where =>
  Array.isArray(place) ? run.at(file, place) : bodyPlace(file, place as BodyReference);

/** Where a reference stands in a body: its line, and its column when its text is found on that line. */
export function bodyPlace(file: SourceFile, ref: BodyReference): Where {
  const text = ref.kind === "link" ? ref.href : ref.raw;
  const column = (file.body.split("\n")[ref.line - 1] ?? "").indexOf(text) + 1;
  return { file: file.path, line: file.bodyLine + ref.line - 1, ...(column > 0 ? { column } : {}), field: "body" };
}

function unknownArticle(
  run: Run,
  articles: KnownArticles,
  brief: CitingBrief,
  ref: ParagraphRef,
  place: CitationPlace,
): Diagnostic {
  const guess = articles.suggest(ref.article);
  return error({
    ...whereCited(run, brief.file, place),
    message: `citation '${formatParagraphRef(ref)}' names unknown article '${ref.article}'${didYouMean(guess)}`,
    hint: guess ? `write '${guess}#p${ref.paragraph}'` : "cite an article in content/articles/ as 'slug#pN'",
  });
}
