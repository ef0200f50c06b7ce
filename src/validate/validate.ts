import { z } from "zod";
import { error, fieldPath, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { lineOf } from "../load/locate.ts";
import { checkUrl, schemeOf } from "../text/url-policy.ts";
import type { SourceFile } from "../load/source-file.ts";
import {
  formatParagraphRef,
  isKebab,
  topicSlug,
  type ActorId,
  type ArticleId,
  type BriefId,
  type ParagraphRef,
} from "./ids.ts";
import { quoteAppearsIn, splitParagraphs, type Paragraph } from "./paragraphs.ts";
import { bodyReferencesOf, briefingMarkdown, type ActorLinkRef, type LinkRef } from "./briefing-syntax.ts";
import {
  actorSchema,
  articleSchema,
  briefSchema,
  siteSchema,
  type ActorData,
  type ArticleData,
  type BriefData,
  type SiteData,
} from "./schema.ts";
import { didYouMean, nearest } from "./suggest.ts";

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

/** Every field name an editor may write for a kind, for "did you mean" on a misspelt field. */
function fieldNames(schema: z.ZodType, out = new Set<string>()): Set<string> {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  const inner = (def.innerType ?? def.in ?? def.out ?? def.element ?? def.schema) as z.ZodType | undefined;
  if (def.type === "object") {
    for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      out.add(key);
      fieldNames(value, out);
    }
  } else if (inner && typeof inner === "object") fieldNames(inner, out);
  return out;
}

const describeInput = (v: unknown) =>
  v === undefined
    ? "nothing"
    : Array.isArray(v)
      ? "a list"
      : v === null
        ? "an empty value"
        : typeof v === "object"
          ? "a mapping"
          : `${typeof v} ${JSON.stringify(v)}`;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Turns zod's issues into diagnostics an editor can act on. */
function schemaDiagnostics(file: SourceFile, issues: readonly z.core.$ZodIssue[], known: Set<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const at = (p: readonly PropertyKey[]) => ({
      file: file.path,
      line: lineOf(file, p),
      field: fieldPath(p) || undefined,
    });
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const p = [...path, key];
        const guess = nearest(key, known);
        out.push(
          error({
            ...at(p),
            message: `unknown field '${key}'${didYouMean(guess)}`,
            hint: guess
              ? `rename it to '${guess}'`
              : "remove it, or see docs/content-model.md for the fields this file takes",
          }),
        );
      }
      continue;
    }
    const input = valueAt(file.data, path);
    const last = path[path.length - 1];
    // A missing enum field (`status`) is reported by zod as invalid_value, not invalid_type.
    if (input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
      out.push(
        error({
          ...at(path),
          message: `missing required field '${String(last)}'`,
          hint: `add '${String(last)}:' — see docs/content-model.md for an example`,
        }),
      );
    } else if (issue.code === "invalid_value") {
      const options = issue.values.map(String);
      const guess = typeof input === "string" ? nearest(input, options) : undefined;
      out.push(
        error({
          ...at(path),
          message: `'${String(input)}' is not allowed here${didYouMean(guess)}`,
          hint: `use one of: ${options.join(", ")}`,
        }),
      );
    } else if (issue.code === "invalid_type") {
      out.push(error({ ...at(path), message: `${issue.message}, found ${describeInput(input)}` }));
    } else {
      // A schema refinement may carry its hint (schema.ts: control characters, addresses).
      const hint = issue.code === "custom" ? (issue.params?.hint as string | undefined) : undefined;
      out.push(error({ ...at(path), message: issue.message, ...(hint ? { hint } : {}) }));
    }
  }
  return out;
}

interface Parsed<T> {
  readonly file: SourceFile;
  readonly data: T;
}

/**
 * What can still be read from a file that failed the schema: each field parsed on its own, and in
 * lists each entry on its own (failed entries left as holes, so positions and field paths stay
 * right). Reference checks then run on the rest, and an editor sees every problem in one run.
 * Failed fields are absent: only the list fields that reference checks read may be relied on.
 */
function salvage<S extends z.ZodType>(schema: S, data: Record<string, unknown>): z.output<S> {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const whole = field.safeParse(data[key]);
    if (whole.success) out[key] = whole.data;
    else if (Array.isArray(data[key])) {
      const element = listElement(field);
      const list: unknown[] = [];
      list.length = (data[key] as unknown[]).length;
      (data[key] as unknown[]).forEach((item, i) => {
        const parsed = element?.safeParse(item);
        if (parsed?.success) list[i] = parsed.data;
      });
      out[key] = list;
    } else out[key] = [];
  }
  return out as z.output<S>;
}

/** The element schema of a (possibly defaulted or refined) list schema. */
function listElement(schema: z.ZodType): z.ZodType | undefined {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  if (def.type === "array") return def.element as z.ZodType;
  const inner = (def.innerType ?? def.in ?? def.schema) as z.ZodType | undefined;
  return inner ? listElement(inner) : undefined;
}

function parseAll<S extends z.ZodType>(
  files: readonly SourceFile[],
  schema: S,
  diagnostics: Diagnostic[],
  salvaged?: Parsed<z.output<S>>[],
): Parsed<z.output<S>>[] {
  const known = fieldNames(schema);
  const out: Parsed<z.output<S>>[] = [];
  for (const file of files) {
    if (file.kind !== "site" && !isKebab(file.slug)) {
      diagnostics.push(
        error({
          file: file.path,
          message: `file name '${file.slug}' is not a valid id`,
          hint: "rename the file with lower-case letters, digits and single hyphens, such as 'uk-pauses-intel.md'",
        }),
      );
      continue;
    }
    if (file.data === null || typeof file.data !== "object" || Array.isArray(file.data)) {
      diagnostics.push(
        error({
          file: file.path,
          line: file.yamlLine,
          message: file.kind === "actor" ? "an actor file must be a YAML mapping of fields" : "missing front matter",
          hint:
            file.kind === "actor"
              ? "write one 'field: value' per line, such as 'name: United Kingdom'"
              : "start the file with a '---' line, the YAML fields, then another '---' line",
        }),
      );
      continue;
    }
    const result = schema.safeParse(file.data);
    if (result.success) out.push({ file, data: result.data });
    else {
      diagnostics.push(...schemaDiagnostics(file, result.error.issues, known));
      salvaged?.push({ file, data: salvage(schema, file.data as Record<string, unknown>) });
    }
  }
  return out;
}

function duplicates<T extends { file: SourceFile }>(items: readonly T[], what: string, diagnostics: Diagnostic[]): T[] {
  const seen = new Map<string, T>();
  const out: T[] = [];
  for (const item of items) {
    const first = seen.get(item.file.slug);
    if (first) {
      diagnostics.push(
        error({
          file: item.file.path,
          message: `duplicate ${what} '${item.file.slug}': ${first.file.path} has the same file name`,
          hint: "every file name in this folder and its subfolders must be unique; rename one of them",
        }),
      );
    } else {
      seen.set(item.file.slug, item);
      out.push(item);
    }
  }
  return out;
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

/** Checks every file against the schema, then every reference between files. Reports all problems at once. */
export function validateContent(files: readonly SourceFile[]): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const byKind = (k: SourceFile["kind"]) => files.filter((f) => f.kind === k);

  const siteFile = byKind("site")[0];
  let site = siteSchema.parse({});
  if (siteFile) {
    const [parsed] = parseAll([siteFile], siteSchema, diagnostics);
    if (parsed) site = parsed.data;
  }

  const actors = duplicates(parseAll(byKind("actor"), actorSchema, diagnostics), "actor id", diagnostics);
  // Files that failed the schema are still checked for everything else, but never published.
  const partialArticles: Parsed<ArticleData>[] = [];
  const partialBriefs: Parsed<BriefData>[] = [];
  const articles = duplicates(
    parseAll(byKind("article"), articleSchema, diagnostics, partialArticles),
    "article slug",
    diagnostics,
  );
  const briefs = duplicates(
    parseAll(byKind("brief"), briefSchema, diagnostics, partialBriefs),
    "brief slug",
    diagnostics,
  );

  const actorById = new Map(actors.map((a) => [a.file.slug, a]));
  // Files that exist but failed the schema already have their own errors; references to them are
  // not reported again as "unknown", which would bury the one real problem under many false ones.
  const failed = (kind: SourceFile["kind"], ok: ReadonlySet<string>) =>
    new Set(
      byKind(kind)
        .map((f) => f.slug)
        .filter((slug) => !ok.has(slug)),
    );
  const brokenActors = failed("actor", new Set(actorById.keys()));
  const brokenArticles = failed("article", new Set([...articles, ...partialArticles].map((a) => a.file.slug)));
  const actorIds = [...actorById.keys()];
  // Names and aliases lead a mistyped id to its actor: `[[rubio]]` → 'marco-rubio'.
  const actorAliases = new Map<string, string>();
  for (const a of actors)
    for (const n of [a.data.name, ...a.data.aliases]) actorAliases.set(n.toLowerCase(), a.file.slug);

  const at = (file: SourceFile, path: readonly PropertyKey[]) => ({
    file: file.path,
    line: lineOf(file, path),
    field: fieldPath(path),
  });

  const checkActor = (file: SourceFile, path: readonly PropertyKey[], id: string, also = "") => {
    if (actorById.has(id)) return true;
    if (brokenActors.has(id)) return false;
    const guess = nearest(id, actorIds, actorAliases);
    diagnostics.push(
      error({
        ...at(file, path),
        message: `unknown actor '${id}'${didYouMean(guess)}`,
        hint: guess
          ? `change it to '${guess}'${also}`
          : `add content/actors/${id}.yaml, or use an id from content/actors/${also}`,
      }),
    );
    return false;
  };

  const unknownBodyActor = (ref: ActorLinkRef, where: Pick<Diagnostic, "file" | "line" | "field">) => {
    if (ref.id === "")
      return error({
        ...where,
        message: `actor link '${ref.raw}' names no actor`,
        hint: "write [[actor-id]] or [[shown text|actor-id]]",
      });
    const guess = nearest(ref.id, actorIds, actorAliases);
    return error({
      ...where,
      message: `unknown actor '[[${ref.id}]]'${didYouMean(guess)}`,
      hint: guess
        ? `write [[${ref.text ? `${ref.text}|` : ""}${guess}]]`
        : "link actors as [[actor-id]] or [[shown text|actor-id]]",
    });
  };
  const syntax = briefingMarkdown("any");

  // Actors: affiliations resolve; a name or alias points at one actor only.
  const aliasOwner = new Map<string, string>();
  for (const { file, data } of actors) {
    if (data.affiliation !== undefined) {
      if (data.affiliation === file.slug)
        diagnostics.push(error({ ...at(file, ["affiliation"]), message: "an actor cannot be affiliated with itself" }));
      else checkActor(file, ["affiliation"], data.affiliation);
    }
    [data.name, ...data.aliases].forEach((name, i) => {
      const owner = aliasOwner.get(name);
      if (owner && owner !== file.slug)
        diagnostics.push(
          error({
            ...at(file, i === 0 ? ["name"] : ["aliases", i - 1]),
            message: `'${name}' already names actor '${owner}'`,
            hint: "a name or alias must lead to one actor only; remove it from one of the two files",
          }),
        );
      else aliasOwner.set(name, file.slug);
    });
  }

  // Articles: outlet is a known media outlet; the body has paragraphs to cite.
  const validArticles: ValidArticle[] = [];
  // Citations are checked against every readable article, including ones with a schema error.
  const checkable: ValidArticle[] = [];
  const complete = new Set<SourceFile>([...articles, ...briefs].map((p) => p.file));
  for (const { file, data } of [...articles, ...partialArticles]) {
    if (data.outlet !== undefined && checkActor(file, ["outlet"], data.outlet)) {
      const kind = actorById.get(data.outlet)!.data.kind;
      if (kind !== "media-outlet")
        diagnostics.push(
          error({
            ...at(file, ["outlet"]),
            message: `'${data.outlet}' is a ${kind}, not a media outlet`,
            hint: `name the outlet that published the article, or set 'kind: media-outlet' in actors/${data.outlet}.yaml`,
          }),
        );
    }
    const paragraphs = splitParagraphs(file.body);
    if (paragraphs.length === 0)
      diagnostics.push(
        error({
          file: file.path,
          line: file.bodyLine,
          message: "the article has no text",
          hint: "paste the article's text below the front matter, one paragraph per block",
        }),
      );
    const article = { ...data, id: file.slug as ArticleId, file: file.path, paragraphs, bodyLine: file.bodyLine };
    checkable.push(article);
    if (complete.has(file)) validArticles.push(article);
  }
  const articleById = new Map(checkable.map((a) => [a.id as string, a]));
  const articleIds = [...articleById.keys()];

  // Briefs: every id, source and citation resolves; quotes are verbatim.
  const validBriefs: ValidBrief[] = [];
  for (const { file, data } of [...briefs, ...partialBriefs]) {
    const sources = new Set<string>();
    data.sources.forEach((slug, i) => {
      if (articleById.has(slug)) sources.add(slug);
      else if (!brokenArticles.has(slug)) {
        const guess = nearest(slug, articleIds);
        diagnostics.push(
          error({
            ...at(file, ["sources", i]),
            message: `unknown article '${slug}'${didYouMean(guess)}`,
            hint: guess
              ? `change it to '${guess}'`
              : "sources name files in content/articles/ without '.md'; import one with npm run import",
          }),
        );
      }
    });

    const checkCite = (path: readonly PropertyKey[], ref: ParagraphRef, line?: number) => {
      // Locating a field re-reads the YAML, so it happens only when there is a problem to report.
      const where = () => (line === undefined ? at(file, path) : { file: file.path, line, field: "body" });
      const article = articleById.get(ref.article);
      if (!article && brokenArticles.has(ref.article)) return undefined;
      if (!article) {
        const guess = nearest(ref.article, articleIds);
        diagnostics.push(
          error({
            ...where(),
            message: `citation '${formatParagraphRef(ref)}' names unknown article '${ref.article}'${didYouMean(guess)}`,
            hint: guess ? `write '${guess}#p${ref.paragraph}'` : "cite an article in content/articles/ as 'slug#pN'",
          }),
        );
        return undefined;
      }
      if (!sources.has(ref.article)) {
        diagnostics.push(
          error({
            ...where(),
            message: `citation '${formatParagraphRef(ref)}' names an article that is not in this brief's sources`,
            hint: `add '${ref.article}' to sources`,
          }),
        );
      }
      const paragraph = article.paragraphs[ref.paragraph - 1];
      if (!paragraph) {
        diagnostics.push(
          error({
            ...where(),
            message: `citation '${formatParagraphRef(ref)}' points past the end: '${ref.article}' has ${article.paragraphs.length} paragraph${article.paragraphs.length === 1 ? "" : "s"}`,
            hint: `cite #p1 to #p${article.paragraphs.length}; the article page numbers its paragraphs`,
          }),
        );
      }
      return paragraph;
    };

    data.actors.forEach((a, i) => {
      checkActor(file, ["actors", i, "id"], a.id);
      a.cites.forEach((c, j) => checkCite(["actors", i, "cites", j], c));
    });
    const listed = new Set(data.actors.map((a) => a.id as string));
    const duplicateActors = data.actors.filter((a, i) => data.actors.findIndex((b) => b.id === a.id) !== i);
    for (const a of duplicateActors)
      diagnostics.push(
        error({
          ...at(file, ["actors", data.actors.lastIndexOf(a), "id"]),
          message: `actor '${a.id}' is listed twice`,
          hint: "merge the two entries",
        }),
      );
    data.key_points.forEach((k, i) => k.cites.forEach((c, j) => checkCite(["key_points", i, "cites", j], c)));
    data.quotes.forEach((q, i) => {
      checkActor(file, ["quotes", i, "actor"], q.actor);
      const paragraph = checkCite(["quotes", i, "cite"], q.cite);
      if (paragraph && !quoteAppearsIn(q.text, paragraph.text))
        diagnostics.push(
          error({
            ...at(file, ["quotes", i, "text"]),
            message: `quote not found verbatim in ${formatParagraphRef(q.cite)}`,
            hint: "copy the words exactly as the paragraph gives them; mark left-out words with '...'",
          }),
        );
      if (actorById.has(q.actor) && !listed.has(q.actor))
        diagnostics.push(
          warning({
            ...at(file, ["quotes", i, "actor"]),
            message: `'${q.actor}' is quoted but not listed in actors`,
            hint: "add it to actors with its role in the story",
          }),
        );
    });
    data.events.forEach((e, i) => {
      e.actors.forEach((id, j) => checkActor(file, ["events", i, "actors", j], id));
      e.cites.forEach((c, j) => checkCite(["events", i, "cites", j], c));
    });
    data.updates.forEach((u, i) => u.cites.forEach((c, j) => checkCite(["updates", i, "cites", j], c)));
    data.topics.forEach((t, i) => {
      if (topicSlug(t) === "")
        diagnostics.push(
          error({
            ...at(file, ["topics", i]),
            message: `topic '${t}' has no letters or digits to make a page address from`,
          }),
        );
    });

    for (const ref of bodyReferencesOf(syntax, file.body)) {
      const line = file.bodyLine + ref.line - 1;
      if (ref.kind === "actor") {
        if (!actorById.has(ref.id) && !brokenActors.has(ref.id))
          diagnostics.push(unknownBodyActor(ref, { file: file.path, line, field: "body" }));
      } else if (ref.kind === "link") {
        const refused = refusedLink(ref);
        if (refused) diagnostics.push(error({ file: file.path, line, field: "body", ...refused }));
      } else {
        ref.refs.forEach((r, i) => {
          if (r) checkCite([], r, line);
          else
            diagnostics.push(
              error({
                file: file.path,
                line,
                field: "body",
                message: `'${ref.parts[i]}' in ${ref.raw} is not a citation`,
                hint: "cite a paragraph as [@article-slug#p3]; several as [@a#p3, @b#p1]",
              }),
            );
        });
      }
    }

    if (complete.has(file))
      validBriefs.push({
        ...data,
        id: file.slug as BriefId,
        file: file.path,
        body: file.body,
        bodyLine: file.bodyLine,
      });
  }

  return {
    content: {
      site,
      actors: actors.map(({ file, data }) => ({ ...data, id: file.slug as ActorId, file: file.path })),
      articles: validArticles,
      briefs: validBriefs,
    },
    diagnostics,
  };
}
