/**
 * The files `npm run new` writes: every field of the schema present, in the schema's order, each
 * under a comment with the schema's own description, so the scaffold can never drift from what
 * validation accepts. Lists start empty, with a commented example entry showing each sub-field.
 * Values an editor must give are left empty with a `# TODO(editor)` comment: `npm run check`
 * then names each one until it is filled, and nothing half-written passes as finished.
 */
import { stringify } from "yaml";
import type { z } from "zod";
import { slugify } from "../../src/validate/ids.ts";
import { actorSchema, articleSchema, briefSchema } from "../../src/validate/schema.ts";

export const SCAFFOLD_KINDS = ["brief", "actor", "article"] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

const SCHEMAS: Record<ScaffoldKind, z.ZodObject> = { brief: briefSchema, actor: actorSchema, article: articleSchema };
const FOLDERS: Record<ScaffoldKind, string> = { brief: "briefs", actor: "actors", article: "articles" };
const ENDINGS: Record<ScaffoldKind, string> = { brief: ".md", actor: ".yaml", article: ".md" };

/**
 * Example values for the sub-fields of list entries, shown commented out. Keyed by `list.field`;
 * a test checks every sub-field of the schema has one.
 */
export const ENTRY_EXAMPLES: Readonly<Record<string, string>> = {
  "actors.id": "united-kingdom",
  "actors.role": "suspended intelligence sharing with the US",
  "actors.stance": "reportedly no longer wants to be complicit in the strikes",
  "actors.cites": "[article-slug#p3]",
  "key_points.text": "One statement, in your words, that the cited paragraphs support.",
  "key_points.cites": "[article-slug#p3, other-article#p1]",
  "quotes.actor": "marco-rubio",
  "quotes.text": '"The words, exactly as the paragraph gives them"',
  "quotes.cite": "article-slug#p5",
  "quotes.context": "Speaking to the press on Wednesday",
  "events.date": "2026-11-12",
  // Single-quoted whole: a value that starts with a quote and goes on after it is a YAML error.
  "events.when": `'"last September" (year not stated)'`,
  "events.what": "What happened, in one sentence.",
  "events.actors": "[united-kingdom]",
  "events.cites": "[article-slug#p2]",
  topics: "Intelligence sharing",
  "updates.date": "2026-11-24",
  "updates.kind": "correction",
  "updates.text": "What changed, and why.",
  "updates.cites": "[article-slug#p4]",
  aliases: "UK",
  sources: "article-slug",
};

export interface ScaffoldRequest {
  readonly kind: ScaffoldKind;
  /** The brief's or article's title, or the actor's name. */
  readonly title: string;
  /** Today, YYYY-MM-DD: a new brief is dated the day it is written. */
  readonly today: string;
  /** Source articles of a new brief, by slug. */
  readonly sources?: readonly string[];
  /** A new actor's kind. */
  readonly actorKind?: string;
  /** The JSON Schema's address relative to the new file, for the YAML language server's modeline. */
  readonly schemaRef?: string;
}

export interface Scaffold {
  /** Relative to the content folder: `briefs/<slug>.md`. */
  readonly path: string;
  readonly slug: string;
  readonly text: string;
}

/** Kebab-case from the title, cut at a word boundary so file names and URLs stay readable. */
export function slugOf(title: string, max = 60): string {
  const slug = slugify(title);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : max);
}

const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/** The schema under optional/default/preprocess wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  const inner = (def.innerType ?? def.out) as z.ZodType | undefined;
  return def.type !== "array" && def.type !== "object" && inner ? unwrap(inner) : schema;
}

const typeOf = (schema: z.ZodType) => (unwrap(schema) as unknown as { def: { type: string } }).def.type;
const isRequired = (schema: z.ZodType) => !schema.safeParse(undefined).success;
const optionsOf = (schema: z.ZodType) => (unwrap(schema) as unknown as { options?: readonly string[] }).options;

/** A commented example entry for a list field: each sub-field with its example and meaning. */
function exampleEntry(list: string, element: z.ZodType): string[] {
  if (typeOf(element) !== "object") return [`#   - ${ENTRY_EXAMPLES[list] ?? ""}`];
  const shape = (unwrap(element) as z.ZodObject).shape;
  return Object.entries(shape).map(([key, field], i) => {
    const required = isRequired(field) ? "" : " (optional)";
    return `#   ${i === 0 ? "- " : "  "}${key}: ${ENTRY_EXAMPLES[`${list}.${key}`] ?? ""}  # ${field.description ?? ""}${required}`;
  });
}

/** Front matter lines: every field of `schema` under its description. */
function frontMatter(schema: z.ZodObject, given: Record<string, string | readonly string[] | undefined>): string[] {
  const lines: string[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    const options = optionsOf(field);
    const optional = isRequired(field) ? "" : " Optional.";
    lines.push(`# ${field.description ?? key}${optional}`);
    const value = given[key];
    if (typeOf(field) === "array") {
      const list = Array.isArray(value) ? value : [];
      if (list.length > 0) lines.push(`${key}:`, ...list.map((v) => `  - ${scalar(v)}`));
      else lines.push(`${key}: []${isRequired(field) ? ` # TODO(editor): add at least one` : ""}`);
      const element = (unwrap(field) as unknown as { element: z.ZodType }).element;
      if (list.length === 0) lines.push("# For example:", ...exampleEntry(key, element));
    } else if (typeof value === "string") lines.push(`${key}: ${scalar(value)}`);
    else {
      const todo = isRequired(field)
        ? ` # TODO(editor): required${options ? `; one of: ${options.join(", ")}` : ""}`
        : options
          ? ` # one of: ${options.join(", ")}`
          : "";
      lines.push(`${key}:${todo}`);
    }
  }
  return lines;
}

const BRIEF_BODY = `Write the brief here, in Markdown, replacing this paragraph. Link an actor's page with
\`[[actor-id]]\` or \`[[shown text|actor-id]]\`, and cite the paragraph that says a thing with
\`[@article-slug#p3]\`, or several at once with \`[@article-slug#p3, @other-article#p1]\` (without the
backticks, which keep these examples from being read as links). Paragraph numbers are shown on
each article's page.
`;

/** The file for a new brief, actor or article. */
export function scaffold(req: ScaffoldRequest): Scaffold {
  const slug = slugOf(req.title);
  const path = `${FOLDERS[req.kind]}/${slug}${ENDINGS[req.kind]}`;
  const given: Record<string, string | readonly string[] | undefined> =
    req.kind === "brief"
      ? { title: req.title, date: req.today, status: "draft", sources: req.sources ?? [] }
      : req.kind === "actor"
        ? { name: req.title, kind: req.actorKind }
        : { title: req.title, title_source: "headline" };
  const modeline = req.schemaRef ? [`# yaml-language-server: $schema=${req.schemaRef}`] : [];
  const fields = [...modeline, ...frontMatter(SCHEMAS[req.kind], given)];
  if (req.kind === "actor") return { path, slug, text: `${fields.join("\n")}\n` };
  const body = req.kind === "brief" ? BRIEF_BODY : "";
  const after =
    req.kind === "article"
      ? "# Below the closing line: the article's text, one paragraph per block (a blank line between\n# paragraphs). Paragraph n is what briefs cite as #pn.\n"
      : "";
  return { path, slug, text: `---\n${fields.join("\n")}\n${after}---\n${body}` };
}
