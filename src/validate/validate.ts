import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { interfaceLanguageWarning } from "./language.ts";
import type { SourceFile } from "../load/source-file.ts";
import { bodyReferencesOf, briefingMarkdown, type BodyReference } from "./briefing-syntax.ts";
import { checkActorFiles } from "./check-actors.ts";
import { checkArticle } from "./check-articles.ts";
import { checkBrief, type TopicAddresses } from "./check-briefs.ts";
import { factCheck, factCheckMemo, type FactCheckMemo } from "./fact-check.ts";
import type { ActorId, ArticleId, BriefId } from "./ids.ts";
import { quoteChecker, splitParagraphs, type Paragraph } from "./paragraphs.ts";
import { readFiles, withoutDuplicates, type Readings } from "./read-files.ts";
import { failedIds, knownActors, knownArticles, locator, type KnownArticles, type Run } from "./reference-index.ts";
import { siteSchema, type ActorData, type ArticleData, type BriefData, type SiteData } from "./schema.ts";

export interface ValidActor extends ActorData {
  readonly id: ActorId;
  readonly file: string;
}
export interface ValidArticle extends ArticleData {
  readonly id: ArticleId;
  readonly file: string;
  readonly paragraphs: readonly Paragraph[];
  readonly bodyLine: number;
}
export interface ValidBrief extends BriefData {
  readonly id: BriefId;
  readonly file: string;
  readonly body: string;
  readonly bodyLine: number;
}

/** Content that passed every check: ids resolve, citations point at real paragraphs, quotes are verbatim. */
export interface ValidContent {
  readonly site: SiteData;
  readonly actors: readonly ValidActor[];
  readonly articles: readonly ValidArticle[];
  readonly briefs: readonly ValidBrief[];
}

export interface ValidationResult {
  readonly content: ValidContent;
  readonly diagnostics: readonly Diagnostic[];
}

/** The actor and article files one run's reference index was built from, in order. */
interface IndexedFiles {
  readonly actors: readonly SourceFile[];
  readonly articles: readonly SourceFile[];
}

/**
 * What one validation can keep for the next (the preview validates after every edit), by loaded
 * file, which the preview keeps while the file is unchanged: the schema's reading of a file with
 * no problem, a brief body's references (parsing every body again was ~2 s of ~3.5 s at 10,000
 * briefs), an article's paragraphs, and which briefs' reference checks found nothing against the
 * same actor and article files (checking all 10,000 again was most of an edit's validation).
 * What depends on several briefs (topic pages) is checked again every time.
 */
export interface ValidationCache {
  readonly parsed: WeakMap<SourceFile, unknown>;
  readonly bodies: WeakMap<SourceFile, readonly BodyReference[]>;
  readonly paragraphs: WeakMap<SourceFile, readonly Paragraph[]>;
  readonly topics: TopicAddresses;
  readonly cleanBriefs: WeakMap<SourceFile, IndexedFiles>;
  readonly valid: WeakMap<SourceFile, ValidArticle | ValidBrief>;
  /** Each unchanged brief's fact-check warnings (reading every statement again was ~0.7 ms a brief). */
  readonly factCheck: FactCheckMemo;
  /** The files the last run indexed, kept while they stay the same so that `cleanBriefs` stays true. */
  indexed?: IndexedFiles;
}
export const validationCache = (): ValidationCache => ({
  parsed: new WeakMap(),
  bodies: new WeakMap(),
  paragraphs: new WeakMap(),
  topics: new Map(),
  cleanBriefs: new WeakMap(),
  valid: new WeakMap(),
  factCheck: factCheckMemo(),
});

/** Checks every file against the schema, then every reference between files. Reports all problems at once. */
export function validateContent(files: readonly SourceFile[], cache?: ValidationCache): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const at = locator();
  const kinds = filesByKind(files);
  const byKind = (k: SourceFile["kind"]) => kinds[k];
  const read = <K extends "actor" | "article" | "brief">(kind: K) =>
    readFiles(kind, byKind(kind), diagnostics, at, cache?.parsed);

  const siteFile = byKind("site")[0];
  const site = (siteFile && readFiles("site", [siteFile], diagnostics, at).complete[0]?.data) ?? siteSchema.parse({});
  const untranslated = siteFile && interfaceLanguageWarning(siteFile, site.language, at);
  if (untranslated) diagnostics.push(untranslated);
  const actors = withoutDuplicates(read("actor").complete, "actor id", diagnostics);
  const articles = unique(read("article"), "article slug", diagnostics);
  const briefs = unique(read("brief"), "brief slug", diagnostics);
  const actorFiles = byKind("actor");
  const indexed = sameIndex(cache, { actors: actorFiles, articles: byKind("article") });

  const run: Run = {
    diagnostics,
    at,
    actors: knownActors(actors, failedIds(actorFiles, actors)),
    bodyReferences: bodyReferencesCached(cache?.bodies),
    quoteIn: quoteChecker(),
    topics: new Map(),
  };
  checkActorFiles(run);
  const { valid: validArticles, known } = checkArticles(run, articles, byKind("article"), cache);
  const validBriefs = checkBriefs(run, known, briefs, indexed, cache);

  const content: ValidContent = {
    site,
    actors: actors.map(({ file, data }) => ({ ...data, id: file.slug as ActorId, file: file.path })),
    articles: validArticles,
    briefs: validBriefs,
  };
  // The editors' warnings (fact-check.ts) read the whole site, so only once it has no errors.
  // A loop, not push(...): 50,000 briefs draw more warnings than a call takes arguments.
  if (!hasErrors(diagnostics))
    for (const warning of factCheck(content, files, cache?.factCheck)) diagnostics.push(warning);
  return { content, diagnostics };
}

function filesByKind(files: readonly SourceFile[]): Record<SourceFile["kind"], SourceFile[]> {
  const out: Record<SourceFile["kind"], SourceFile[]> = { actor: [], article: [], brief: [], site: [] };
  for (const f of files) out[f.kind].push(f);
  return out;
}

/** Files of one kind with every duplicate name left out (and reported), and what was salvaged. */
const unique = <T>(r: Readings<T>, what: string, diagnostics: Diagnostic[]): Readings<T> => ({
  complete: withoutDuplicates(r.complete, what, diagnostics),
  partial: r.partial,
});

/** The files this run indexes, or the last run's same-valued object when none changed (what `cleanBriefs` is keyed by). */
function sameIndex(cache: ValidationCache | undefined, now: IndexedFiles): IndexedFiles {
  const last = cache?.indexed;
  const same = (a: readonly SourceFile[], b: readonly SourceFile[]) =>
    a.length === b.length && a.every((f, i) => f === b[i]);
  if (last && same(last.actors, now.actors) && same(last.articles, now.articles)) return last;
  if (cache) cache.indexed = now;
  return now;
}

/** Citations are checked against every readable article, including ones with a schema error. */
function checkArticles(
  run: Run,
  articles: Readings<ArticleData>,
  files: readonly SourceFile[],
  cache: ValidationCache | undefined,
): { valid: ValidArticle[]; known: KnownArticles } {
  const complete = new Set(articles.complete.map((p) => p.file));
  const readable = [...articles.complete, ...articles.partial];
  const valid: ValidArticle[] = [];
  const byId = new Map<string, ValidArticle>();
  for (const { file, data } of readable) {
    const paragraphs = paragraphsOf(file, cache?.paragraphs);
    checkArticle(run, file, data, paragraphs);
    const article = keptValid(cache, file, () => ({
      ...data,
      id: file.slug as ArticleId,
      file: file.path,
      paragraphs,
      bodyLine: file.bodyLine,
    }));
    byId.set(article.id, article);
    if (complete.has(file)) valid.push(article);
  }
  return { valid, known: knownArticles(byId, failedIds(files, readable)) };
}

function checkBriefs(
  run: Run,
  articles: KnownArticles,
  briefs: Readings<BriefData>,
  indexed: IndexedFiles,
  cache: ValidationCache | undefined,
): ValidBrief[] {
  const complete = new Set(briefs.complete.map((p) => p.file));
  const topics: TopicAddresses = cache?.topics ?? new Map();
  const valid: ValidBrief[] = [];
  for (const { file, data } of [...briefs.complete, ...briefs.partial]) {
    const knownClean = cache?.cleanBriefs.get(file) === indexed;
    const clean = checkBrief(run, articles, topics, file, data, !knownClean);
    if (clean && !knownClean) cache?.cleanBriefs.set(file, indexed);
    // Per-brief warnings are added here, one call per check, pushing onto run.diagnostics.
    if (complete.has(file))
      valid.push(
        keptValid(cache, file, () => ({
          ...data,
          id: file.slug as BriefId,
          file: file.path,
          body: file.body,
          bodyLine: file.bodyLine,
        })),
      );
  }
  return valid;
}

/** A file's valid article or brief, made once per loaded file when a cache is given (it is read-only). */
function keptValid<T extends ValidArticle | ValidBrief>(
  cache: ValidationCache | undefined,
  file: SourceFile,
  make: () => T,
): T {
  const kept = cache?.valid.get(file);
  if (kept) return kept as T;
  const made = make();
  cache?.valid.set(file, made);
  return made;
}

/** An article's paragraphs, split once per loaded file when a cache is given. */
function paragraphsOf(file: SourceFile, cache: ValidationCache["paragraphs"] | undefined): readonly Paragraph[] {
  const kept = cache?.get(file);
  if (kept) return kept;
  const paragraphs = splitParagraphs(file.body);
  cache?.set(file, paragraphs);
  return paragraphs;
}

/** A body's references, read once per loaded file when a cache is given. */
function bodyReferencesCached(cache: ValidationCache["bodies"] | undefined) {
  const syntax = briefingMarkdown("any");
  return (file: SourceFile): readonly BodyReference[] => {
    const kept = cache?.get(file);
    if (kept) return kept;
    const refs = bodyReferencesOf(syntax, file.body);
    cache?.set(file, refs);
    return refs;
  };
}
