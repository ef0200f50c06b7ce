/**
 * The checks of references between files: actor ids, outlets, sources, citations (in front matter
 * and in bodies), verbatim quotes and links in bodies. Each mistake is one diagnostic with file,
 * line, field and hint. Every check is linear in the content: each file's YAML is parsed at most
 * once to locate its problems, each paragraph normalised at most once for quotes, and "did you
 * mean" suggestions come from indexes built once per run with a bounded budget.
 */
import { error, fieldPath, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { fieldLines, type FieldLines } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { checkUrl, schemeOf } from "../text/url-policy.ts";
import { sharedTopicAddress, topicAddressProblem, type TopicSeen } from "./addresses.ts";
import { type ActorLinkRef, type BodyReference, type CitationRef, type LinkRef } from "./briefing-syntax.ts";
import { formatParagraphRef, topicSlug, type ParagraphRef } from "./ids.ts";
import { splitParagraphs, type Paragraph } from "./paragraphs.ts";
import type { ActorData, ArticleData, BriefData } from "./schema.ts";
import { didYouMean, type Suggest } from "./suggest.ts";

type Where = Pick<Diagnostic, "file" | "line" | "field">;
/** File, line and field path of a field, for a diagnostic. */
export type Locate = (file: SourceFile, path: readonly PropertyKey[]) => Where;

/** A `Locate` for one run: each file's YAML is parsed once, on its first problem, however many it has. */
export function locator(): Locate {
  const files = new Map<SourceFile, FieldLines>();
  return (file, path) => {
    let lines = files.get(file);
    if (!lines) files.set(file, (lines = fieldLines(file)));
    return { file: file.path, line: lines(path), field: fieldPath(path) };
  };
}

/** The actors of a run: valid ones by id, ones that failed the schema (reported already), and suggestions. */
export interface KnownActors {
  readonly byId: ReadonlyMap<string, { readonly file: SourceFile; readonly data: ActorData }>;
  readonly broken: ReadonlySet<string>;
  readonly suggest: Suggest;
}

/** The articles a brief may cite: every readable one, its paragraphs, and suggestions for a mistyped slug. */
export interface KnownArticles {
  readonly byId: ReadonlyMap<string, { readonly paragraphs: readonly Paragraph[] }>;
  readonly broken: ReadonlySet<string>;
  readonly suggest: Suggest;
}

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

/** True when `id` names a valid actor; otherwise reports it (once, unless its file failed already). */
function checkActor(run: Run, file: SourceFile, path: readonly PropertyKey[], id: string, also = ""): boolean {
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

/** Actors: affiliations resolve; a name or alias points at one actor only. */
export function checkActorFiles(run: Run): void {
  const aliasOwner = new Map<string, string>();
  for (const { file, data } of run.actors.byId.values()) {
    if (data.affiliation !== undefined) {
      if (data.affiliation === file.slug)
        run.diagnostics.push(
          error({ ...run.at(file, ["affiliation"]), message: "an actor cannot be affiliated with itself" }),
        );
      else checkActor(run, file, ["affiliation"], data.affiliation);
    }
    [data.name, ...data.aliases].forEach((name, i) => {
      const owner = aliasOwner.get(name);
      if (owner && owner !== file.slug)
        run.diagnostics.push(
          error({
            ...run.at(file, i === 0 ? ["name"] : ["aliases", i - 1]),
            message: `'${name}' already names actor '${owner}'`,
            hint: "a name or alias must lead to one actor only; remove it from one of the two files",
          }),
        );
      else aliasOwner.set(name, file.slug);
    });
  }
}

/** Articles: the outlet is a known media outlet; the body has paragraphs to cite. */
export function checkArticle(run: Run, file: SourceFile, data: ArticleData): Paragraph[] {
  if (data.outlet !== undefined && checkActor(run, file, ["outlet"], data.outlet)) {
    const kind = run.actors.byId.get(data.outlet)!.data.kind;
    if (kind !== "media-outlet")
      run.diagnostics.push(
        error({
          ...run.at(file, ["outlet"]),
          message: `'${data.outlet}' is a ${kind}, not a media outlet`,
          hint: `name the outlet that published the article, or set 'kind: media-outlet' in actors/${data.outlet}.yaml`,
        }),
      );
  }
  const paragraphs = splitParagraphs(file.body);
  if (paragraphs.length === 0)
    run.diagnostics.push(
      error({
        file: file.path,
        line: file.bodyLine,
        message: "the article has no text",
        hint: "paste the article's text below the front matter, one paragraph per block",
      }),
    );
  return paragraphs;
}

/** Checks one brief's sources, actors, citations, quotes, topics and body. */
export function checkBrief(run: Run, articles: KnownArticles, file: SourceFile, data: BriefData): void {
  const sources = checkSources(run, articles, file, data.sources);
  const cite = citationCheck(run, articles, file, sources);
  const seen = new Set<string>();
  data.actors.forEach((a, i) => {
    checkActor(run, file, ["actors", i, "id"], a.id);
    a.cites.forEach((c, j) => cite(c, ["actors", i, "cites", j]));
    // Each repeated entry is its own mistake, reported where it stands.
    if (seen.has(a.id))
      run.diagnostics.push(
        error({
          ...run.at(file, ["actors", i, "id"]),
          message: `actor '${a.id}' is listed twice`,
          hint: "merge the two entries",
        }),
      );
    seen.add(a.id);
  });
  data.key_points.forEach((k, i) => k.cites.forEach((c, j) => cite(c, ["key_points", i, "cites", j])));
  checkQuotes(run, file, data, seen, cite);
  data.events.forEach((e, i) => {
    e.actors.forEach((id, j) => checkActor(run, file, ["events", i, "actors", j], id));
    e.cites.forEach((c, j) => cite(c, ["events", i, "cites", j]));
  });
  data.updates.forEach((u, i) => u.cites.forEach((c, j) => cite(c, ["updates", i, "cites", j])));
  data.topics.forEach((t, i) => {
    const problem = topicAddressProblem(t) ?? topicClash(run, t, file);
    if (problem) run.diagnostics.push(error({ ...run.at(file, ["topics", i]), ...problem }));
  });
  checkBody(run, file, cite);
}

/** A topic that would take another topic's page; the first topic at each address keeps it. */
function topicClash(run: Run, topic: string, file: SourceFile) {
  const slug = topicSlug(topic);
  const first = run.topics.get(slug);
  if (!first) run.topics.set(slug, { topic, file: file.path });
  return first && sharedTopicAddress(topic, first);
}

function checkSources(run: Run, articles: KnownArticles, file: SourceFile, slugs: readonly string[]): Set<string> {
  const sources = new Set<string>();
  slugs.forEach((slug, i) => {
    if (articles.byId.has(slug)) sources.add(slug);
    else if (!articles.broken.has(slug)) {
      const guess = articles.suggest(slug);
      run.diagnostics.push(
        error({
          ...run.at(file, ["sources", i]),
          message: `unknown article '${slug}'${didYouMean(guess)}`,
          hint: guess
            ? `change it to '${guess}'`
            : "sources name files in content/articles/ without '.md'; import one with npm run import",
        }),
      );
    }
  });
  return sources;
}

/** Checks a citation (at a field, or at a body line) and gives the cited paragraph when it exists. */
type CiteCheck = (ref: ParagraphRef, at: readonly PropertyKey[] | number) => Paragraph | undefined;

function citationCheck(run: Run, articles: KnownArticles, file: SourceFile, sources: Set<string>): CiteCheck {
  return (ref, place) => {
    // Locating a field reads the YAML, so it happens only when there is a problem to report.
    const where = () =>
      typeof place === "number" ? { file: file.path, line: place, field: "body" } : run.at(file, place);
    const cited = formatParagraphRef(ref);
    const article = articles.byId.get(ref.article);
    if (!article) {
      if (articles.broken.has(ref.article)) return undefined;
      const guess = articles.suggest(ref.article);
      run.diagnostics.push(
        error({
          ...where(),
          message: `citation '${cited}' names unknown article '${ref.article}'${didYouMean(guess)}`,
          hint: guess ? `write '${guess}#p${ref.paragraph}'` : "cite an article in content/articles/ as 'slug#pN'",
        }),
      );
      return undefined;
    }
    if (!sources.has(ref.article))
      run.diagnostics.push(
        error({
          ...where(),
          message: `citation '${cited}' names an article that is not in this brief's sources`,
          hint: `add '${ref.article}' to sources`,
        }),
      );
    const paragraph = article.paragraphs[ref.paragraph - 1];
    const count = article.paragraphs.length;
    if (!paragraph)
      run.diagnostics.push(
        error({
          ...where(),
          message: `citation '${cited}' points past the end: '${ref.article}' has ${count} paragraph${count === 1 ? "" : "s"}`,
          hint: `cite #p1 to #p${count}; the article page numbers its paragraphs`,
        }),
      );
    return paragraph;
  };
}

function checkQuotes(run: Run, file: SourceFile, data: BriefData, listed: ReadonlySet<string>, cite: CiteCheck): void {
  data.quotes.forEach((q, i) => {
    checkActor(run, file, ["quotes", i, "actor"], q.actor);
    const paragraph = cite(q.cite, ["quotes", i, "cite"]);
    if (paragraph && !run.quoteIn(q.text, paragraph))
      run.diagnostics.push(
        error({
          ...run.at(file, ["quotes", i, "text"]),
          message: `quote not found verbatim in ${formatParagraphRef(q.cite)}`,
          hint: "copy the words exactly as the paragraph gives them; mark left-out words with '...'",
        }),
      );
    if (run.actors.byId.has(q.actor) && !listed.has(q.actor))
      run.diagnostics.push(
        warning({
          ...run.at(file, ["quotes", i, "actor"]),
          message: `'${q.actor}' is quoted but not listed in actors`,
          hint: "add it to actors with its role in the story",
        }),
      );
  });
}

/** The body's actor links, citations and links, read with the grammar the model renders with. */
function checkBody(run: Run, file: SourceFile, cite: CiteCheck): void {
  for (const ref of run.bodyReferences(file)) {
    const where = { file: file.path, line: file.bodyLine + ref.line - 1, field: "body" };
    if (ref.kind === "actor") {
      if (!run.actors.byId.has(ref.id) && !run.actors.broken.has(ref.id))
        run.diagnostics.push(unknownBodyActor(run.actors, ref, where));
    } else if (ref.kind === "link") {
      const refused = refusedLink(ref);
      if (refused) run.diagnostics.push(error({ ...where, ...refused }));
    } else checkBodyCitation(run, ref, where, cite);
  }
}

function checkBodyCitation(run: Run, ref: CitationRef, where: Where, cite: CiteCheck): void {
  ref.refs.forEach((r, i) => {
    if (r) cite(r, where.line!);
    else
      run.diagnostics.push(
        error({
          ...where,
          message: `'${ref.parts[i]}' in ${ref.raw} is not a citation`,
          hint: "cite a paragraph as [@article-slug#p3]; several as [@a#p3, @b#p1]",
        }),
      );
  });
}

function unknownBodyActor(actors: KnownActors, ref: ActorLinkRef, where: Where): Diagnostic {
  if (ref.id === "")
    return error({
      ...where,
      message: `actor link '${ref.raw}' names no actor`,
      hint: "write [[actor-id]] or [[shown text|actor-id]]",
    });
  const guess = actors.suggest(ref.id);
  return error({
    ...where,
    message: `unknown actor '[[${ref.id}]]'${didYouMean(guess)}`,
    hint: guess
      ? `write [[${ref.text ? `${ref.text}|` : ""}${guess}]]`
      : "link actors as [[actor-id]] or [[shown text|actor-id]]",
  });
}

/**
 * Why a link in a body may not stay, or undefined when it may: only full http:, https: and mailto:
 * addresses (the same rule the model's Markdown applies, so a refused link never renders live).
 */
function refusedLink(ref: LinkRef): Pick<Diagnostic, "message" | "hint"> | undefined {
  const what = ref.image ? "image" : "link";
  if (schemeOf(ref.href) === undefined)
    return {
      message: `relative ${what} '${ref.href}' leads nowhere on the built site`,
      hint: "link to other pages with [[actor-id]] or citations; for the web write a full https:// address",
    };
  const verdict = checkUrl(ref.href, "web-or-mail");
  return verdict.ok ? undefined : { message: `${what} not allowed: ${verdict.why}`, hint: verdict.hint };
}
