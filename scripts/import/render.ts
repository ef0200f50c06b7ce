/**
 * Writes an imported article as content/articles/<slug>.md: front matter with every field of the
 * article schema, then the paragraphs separated by blank lines (paragraph n is what `#pn` cites).
 * A field the text does not give is left empty — YAML's empty value, which the schema reads as
 * "not given" — with a `# TODO(editor): …` comment on its line.
 */
import { stringify } from "yaml";
import { isKebab, slugify } from "../../src/validate/ids.ts";
import { articleSchema } from "../../src/validate/schema.ts";
import type { ParsedArticle } from "./parse.ts";

/** Shown as the title when the source has no headline; the TODO on its line asks for a real one. */
export const PLACEHOLDER_TITLE = "Untitled article (editor: write a descriptive title)";

/** Every field of an article's front matter, in the order the importer writes them. */
export const ARTICLE_FIELDS = [
  "title",
  "title_source",
  "outlet",
  "section",
  "published",
  "url",
  "byline",
  "imported_from",
] as const;
type Field = (typeof ARTICLE_FIELDS)[number];

// The importer must write every field the schema has, and no other: fail loudly when they drift apart.
{
  const schemaFields = Object.keys(articleSchema.shape).sort().join(",");
  if ([...ARTICLE_FIELDS].sort().join(",") !== schemaFields)
    throw new Error(`scripts/import/render.ts: ARTICLE_FIELDS is out of step with articleSchema (${schemaFields})`);
}

export interface RenderOptions {
  /** The scraped file's name, for `imported_from`. */
  readonly importedFrom: string;
}

export interface RenderedArticle {
  readonly text: string;
  /** The TODO comments written, as `field: what to do`, for the importer's report. */
  readonly todos: readonly string[];
}

/** A YAML scalar for one value, quoted only when YAML needs it; never folded over lines. */
const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/**
 * The front matter and body of the article file. Values come only from the scraped text; what it
 * does not state is left empty for an editor, never guessed.
 */
export function renderArticle(parsed: ParsedArticle, opts: RenderOptions): RenderedArticle {
  const todos: string[] = [];
  const lines: string[] = [];
  const field = (name: Field, value: string | undefined, todo?: string) => {
    const comment = todo ? ` # TODO(editor): ${todo}` : "";
    if (todo) todos.push(`${name}: ${todo}`);
    lines.push(`${name}:${value === undefined ? "" : ` ${scalar(value)}`}${comment}`);
  };

  if (parsed.headline) {
    field("title", parsed.headline);
    field("title_source", "headline");
  } else {
    field("title", PLACEHOLDER_TITLE, "the source has no headline; write a descriptive title");
    field("title_source", "editor", "keep 'editor' while the title is yours, not the source's");
  }

  const outletName = parsed.masthead.outlet;
  const outletId = outletName ? slugify(outletName) : "";
  if (outletName && isKebab(outletId))
    field(
      "outlet",
      outletId,
      `masthead reads "${outletName}"; content/actors/${outletId}.yaml must exist (kind: media-outlet)`,
    );
  else
    field(
      "outlet",
      undefined,
      "the outlet's actor id (kind: media-outlet); no masthead found, leave empty if the source does not say",
    );

  field(
    "section",
    parsed.masthead.section,
    parsed.masthead.section ? undefined : "the outlet's section; not found in the text",
  );
  field(
    "published",
    parsed.published,
    parsed.published
      ? "check the date line read from the masthead"
      : "publication date, YYYY-MM-DD; not found in the text",
  );
  field("url", undefined, "where the article was published (https://…); not found in the text");
  field("byline", parsed.byline, parsed.byline ? undefined : "the author(s) as printed; not found in the text");
  field("imported_from", opts.importedFrom);

  const body = parsed.paragraphs.join("\n\n");
  return { text: `---\n${lines.join("\n")}\n---\n\n${body}\n`, todos };
}

/** Longest slug the importer derives from a headline; editors can pass --slug for another. */
const MAX_SLUG_CHARS = 60;

/** `UK Temporarily Halts Intelligence Sharing with US Over …` → `uk-temporarily-halts-intelligence-sharing-with-us`. */
export function slugFromHeadline(headline: string): string {
  const words = slugify(headline)
    .split("-")
    .filter((w) => w !== "");
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_CHARS && slug) break;
    slug = next;
  }
  slug = slug.slice(0, MAX_SLUG_CHARS).replace(/-+$/, "");
  // A cut slug should not end on a word that needs the next one: `…-sharing-with-us-over`.
  const parts = slug.split("-");
  while (parts.length > 1 && TRAILING_STOPWORDS.has(parts[parts.length - 1]!)) parts.pop();
  return parts.join("-");
}

const TRAILING_STOPWORDS = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "of",
  "on",
  "in",
  "to",
  "for",
  "with",
  "over",
  "by",
  "at",
  "from",
  "as",
]);
