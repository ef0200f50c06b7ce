import { z } from "zod";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../load/source-file.ts";
import { takenAddress } from "./addresses.ts";
import { bodyReferencesOf, briefingMarkdown, type BodyReference } from "./briefing-syntax.ts";
import type { MarkdownIt } from "markdown-it";
import { isKebab, type ActorId, type ArticleId, type BriefId } from "./ids.ts";
import { quoteChecker, type Paragraph } from "./paragraphs.ts";
import {
  checkActorFiles,
  checkArticle,
  checkBrief,
  locator,
  type KnownActors,
  type KnownArticles,
  type Locate,
  type Run,
} from "./references.ts";
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
import { didYouMean, nearest, suggester, type Suggest } from "./suggest.ts";

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

/** How to write each kind of YAML value zod can ask for, for an editor who wrote another. */
const WANTED: Partial<Record<string, { readonly what: string; readonly hint: string }>> = {
  string: {
    what: "text",
    hint: "write the text after the colon on the same line; put it in quotes if it starts with [ { - or contains ': '",
  },
  array: {
    what: "a list",
    hint: "write each item on its own line below the field, starting with '- ', or the whole list as [a, b]",
  },
  object: { what: "a group of fields", hint: "write its fields on the lines below, indented, one 'name: value' each" },
  number: { what: "a number", hint: "write a plain number without quotes, such as 50" },
  int: { what: "a whole number", hint: "write a plain whole number without quotes, such as 50" },
  boolean: { what: "true or false", hint: "write true or false, without quotes" },
};

/** Turns zod's issues into diagnostics an editor can act on. */
function schemaDiagnostics(
  file: SourceFile,
  issues: readonly z.core.$ZodIssue[],
  suggestField: Suggest,
  locate: Locate,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (p: readonly PropertyKey[]) => {
    const where = locate(file, p);
    return { ...where, field: where.field || undefined };
  };
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const p = [...path, key];
        const guess = suggestField(key);
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
      const wanted = WANTED[issue.expected];
      // zod's own wording ("Invalid input: expected array, received string") is replaced; the schema's is kept.
      const expected = issue.message.startsWith("Invalid input") && wanted ? `expected ${wanted.what}` : issue.message;
      out.push(
        error({
          ...at(path),
          message: `${expected}, found ${describeInput(input)}`,
          // Dates are text to YAML and zod alike; their schema's message says which form (dates.ts).
          ...(wanted
            ? { hint: /YYYY/.test(expected) ? "write the date as in the message, without quotes" : wanted.hint }
            : {}),
        }),
      );
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
  locate: Locate,
  salvaged?: Parsed<z.output<S>>[],
  kept?: ValidationCache["parsed"],
): Parsed<z.output<S>>[] {
  const suggestField = suggester(fieldNames(schema));
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
    // Its problem was reported when it was read; it counts as existing, so nothing refers to it as unknown.
    if (file.unreadable) continue;
    const taken = takenAddress(file.kind, file.slug);
    if (taken) diagnostics.push(error({ file: file.path, ...taken }));
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
    if (kept?.has(file)) {
      out.push({ file, data: kept.get(file) as z.output<S> });
      continue;
    }
    const result = schema.safeParse(file.data);
    if (result.success) {
      out.push({ file, data: result.data });
      kept?.set(file, result.data);
    } else {
      diagnostics.push(...schemaDiagnostics(file, result.error.issues, suggestField, locate));
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
 * What one validation can keep for the next (the preview validates after every edit), by loaded
 * file, which the preview keeps while the file is unchanged: a brief body's references (parsing
 * every body again was ~2 s of ~3.5 s at 10,000 briefs) and the schema's reading of a valid file.
 * What depends on other files (references between them) is checked again every time.
 */
export interface ValidationCache {
  readonly bodies: WeakMap<SourceFile, readonly BodyReference[]>;
  readonly parsed: WeakMap<SourceFile, unknown>;
}
export const validationCache = (): ValidationCache => ({ bodies: new WeakMap(), parsed: new WeakMap() });

/** Checks every file against the schema, then every reference between files. Reports all problems at once. */
export function validateContent(files: readonly SourceFile[], cache?: ValidationCache): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const at = locator();
  const byKind = (k: SourceFile["kind"]) => files.filter((f) => f.kind === k);

  const siteFile = byKind("site")[0];
  let site = siteSchema.parse({});
  if (siteFile) {
    const [parsed] = parseAll([siteFile], siteSchema, diagnostics, at);
    if (parsed) site = parsed.data;
  }

  const actors = duplicates(
    parseAll(byKind("actor"), actorSchema, diagnostics, at, undefined, cache?.parsed),
    "actor id",
    diagnostics,
  );
  // Files that failed the schema are still checked for everything else, but never published.
  const partialArticles: Parsed<ArticleData>[] = [];
  const partialBriefs: Parsed<BriefData>[] = [];
  const articles = duplicates(
    parseAll(byKind("article"), articleSchema, diagnostics, at, partialArticles, cache?.parsed),
    "article slug",
    diagnostics,
  );
  const briefs = duplicates(
    parseAll(byKind("brief"), briefSchema, diagnostics, at, partialBriefs, cache?.parsed),
    "brief slug",
    diagnostics,
  );

  const run: Run = {
    diagnostics,
    at,
    actors: knownActors(actors, failed(byKind("actor"), actors)),
    bodyReferences: bodyReferencesCached(briefingMarkdown("any"), cache?.bodies),
    quoteIn: quoteChecker(),
    topics: new Map(),
  };
  checkActorFiles(run);

  // Citations are checked against every readable article, including ones with a schema error.
  const complete = new Set<SourceFile>([...articles, ...briefs].map((p) => p.file));
  const readable = [...articles, ...partialArticles];
  const validArticles: ValidArticle[] = [];
  const articleById = new Map<string, ValidArticle>();
  for (const { file, data } of readable) {
    const paragraphs = checkArticle(run, file, data);
    const article = { ...data, id: file.slug as ArticleId, file: file.path, paragraphs, bodyLine: file.bodyLine };
    articleById.set(article.id, article);
    if (complete.has(file)) validArticles.push(article);
  }
  const known: KnownArticles = {
    byId: articleById,
    broken: failed(byKind("article"), readable),
    suggest: suggester(articleById.keys()),
  };

  const validBriefs: ValidBrief[] = [];
  for (const { file, data } of [...briefs, ...partialBriefs]) {
    checkBrief(run, known, file, data);
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

/**
 * Files that exist but failed the schema already have their own errors; references to them are
 * not reported again as "unknown", which would bury the one real problem under many false ones.
 */
function failed(files: readonly SourceFile[], ok: readonly { readonly file: SourceFile }[]): Set<string> {
  const fine = new Set(ok.map((p) => p.file.slug));
  return new Set(files.map((f) => f.slug).filter((slug) => !fine.has(slug)));
}

function knownActors(actors: readonly Parsed<ActorData>[], broken: Set<string>): KnownActors {
  const byId = new Map(actors.map((a) => [a.file.slug, a]));
  // Names and aliases lead a mistyped id to its actor: `[[rubio]]` → 'marco-rubio'.
  const aliases = new Map<string, string>();
  for (const a of actors) for (const n of [a.data.name, ...a.data.aliases]) aliases.set(n.toLowerCase(), a.file.slug);
  return { byId, broken, suggest: suggester(byId.keys(), aliases) };
}

/** A body's references, read once per loaded file when a cache is given. */
function bodyReferencesCached(syntax: MarkdownIt, cache: ValidationCache["bodies"] | undefined) {
  return (file: SourceFile): readonly BodyReference[] => {
    const kept = cache?.get(file);
    if (kept) return kept;
    const refs = bodyReferencesOf(syntax, file.body);
    cache?.set(file, refs);
    return refs;
  };
}
