/**
 * The content schema: the single source of truth for what editors may write and for the types the
 * rest of the build uses (inferred below, never restated). The `.describe()` texts are the field
 * meanings docs/content-model.md shows; keep its tables in step when a field changes.
 */
import { z } from "zod";
import { isoDateSchema, partialDateSchema } from "./dates.ts";
import { actorIdSchema, articleIdSchema, paragraphRefSchema } from "./ids.ts";
import { canonicalLanguage, LANGUAGE_HINT } from "./language.ts";
import { firstControlCharacter } from "../text/escape.ts";
import { checkUrl, type UrlUse } from "../text/url-policy.ts";

/** YAML's empty value (`field:` with nothing after it) means "not given", like leaving the field out. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null ? undefined : v), schema.optional());

/**
 * Refuses control characters (escape sequences, NUL, DEL, C1): invisible in an editor, yet they
 * make the feed invalid XML and can drive the terminal a report is printed in. Tabs and line
 * breaks are text. The hint travels in the issue's params (schema-issues.ts puts it on the diagnostic).
 */
const refuseControlCharacters = (what: string) => (s: string, ctx: z.RefinementCtx) => {
  const found = firstControlCharacter(s);
  if (found === undefined) return;
  ctx.addIssue({
    code: "custom",
    message: `${what} contains the invisible control character ${found}, which breaks the feed and terminals`,
    params: { hint: `delete the ${found} character (retype the text around it, or paste it as plain text)` },
  });
};

const text = (what: string) =>
  z
    .string({ error: `expected ${what} as text` })
    .trim()
    .min(1, { error: `${what} is empty` })
    .superRefine(refuseControlCharacters(what));

/**
 * An address readers are sent to: http(s) only (plus mailto: where the field means an address),
 * however the scheme is spelt (`JaVaScRiPt:`, `java<TAB>script:`), so that no `javascript:`,
 * `data:` or `vbscript:` link from content is ever published. Kept as the editor wrote it, trimmed.
 */
const address = (what: string, use: UrlUse = "web") =>
  z
    .string({ error: `expected ${what} as a full web address starting with https://` })
    .superRefine(refuseControlCharacters(what))
    // Runs only when the refinement above passed (zod stops a pipe at the first failing step).
    .transform((raw, ctx) => {
      const verdict = checkUrl(raw, use);
      if (verdict.ok) return raw.trim();
      ctx.addIssue({
        code: "custom",
        message: `${verdict.why}: ${what} becomes a link readers follow, so it must be a web address`,
        params: { hint: verdict.hint },
      });
      return z.NEVER;
    });

export const ACTOR_KINDS = [
  "country",
  "person",
  "organisation",
  "government-body",
  "legislature",
  "military",
  "international-body",
  "media-outlet",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const actorSchema = z
  .strictObject({
    name: text("the actor's name").describe("Display name: `United Kingdom`, `Marco Rubio`."),
    kind: z.enum(ACTOR_KINDS).describe(`What sort of actor this is: ${ACTOR_KINDS.map((k) => `\`${k}\``).join(", ")}.`),
    aliases: z
      .array(text("an alias"))
      .default([])
      .describe("Other names that link here and find this actor in search: `UK`, `Britain`. Case-sensitive."),
    affiliation: optional(actorIdSchema).describe(
      "The actor this one belongs to or acts for, by id: `marco-rubio` → `united-states`.",
    ),
    role: optional(text("the role")).describe("Position or function, as the sources give it: `US Secretary of State`."),
    description: optional(text("the description")).describe("One or two sentences shown on the actor page."),
  })
  .describe("content/actors/<id>.yaml — one actor; the file name is its id.");

export const articleSchema = z
  .strictObject({
    title: text("the title").describe("The source's headline, or a descriptive title when it has none."),
    title_source: z
      .enum(["headline", "editor"])
      .default("headline")
      .describe(
        "`headline` when `title` is the source's own; `editor` when the source has none and an editor wrote it.",
      ),
    outlet: optional(actorIdSchema).describe(
      "The media outlet that published it, by actor id (`kind: media-outlet`). Leave empty when the source does not say.",
    ),
    section: optional(text("the section")).describe("The outlet's section: `World News`."),
    published: optional(isoDateSchema).describe(
      "Publication date, YYYY-MM-DD. Leave empty when the source does not say.",
    ),
    url: optional(address("the article's address")).describe("Where the article was published."),
    byline: optional(text("the byline")).describe("The author(s), as printed."),
    imported_from: optional(text("the import source")).describe(
      "The scraped file this article was imported from (written by `npm run import`).",
    ),
  })
  .describe("content/articles/<slug>.md — a source article; body = its text, one paragraph per block.");

const citations = (what: string) =>
  z
    .array(paragraphRefSchema, { error: `expected a list of citations such as [article-slug#p3] for ${what}` })
    .min(1, { error: `${what} needs at least one citation, such as [article-slug#p3]` });

const briefActorSchema = z.strictObject({
  id: actorIdSchema.describe("The actor's id."),
  role: text("the actor's role in the story").describe(
    "The part it plays in this story: `suspended intelligence sharing`.",
  ),
  stance: optional(text("the stance")).describe("Its position, as the sources report it."),
  cites: z.array(paragraphRefSchema).default([]).describe("Paragraphs that support the role and stance."),
});

const keyPointSchema = z.strictObject({
  text: text("the key point").describe("One statement, in the editor's words."),
  cites: citations("a key point").describe("The paragraphs that say it: `[article-slug#p3, other#p1]`."),
});

const quoteSchema = z.strictObject({
  actor: actorIdSchema.describe("Who said it."),
  text: text("the quote").describe(
    "The words, verbatim as in the cited paragraph (curly or straight quotes alike; `...` marks an omission).",
  ),
  cite: paragraphRefSchema.describe("The paragraph that contains the quote: `article-slug#p5`."),
  context: optional(text("the context")).describe("When or where it was said, if the source says."),
});

const eventSchema = z
  .strictObject({
    date: optional(partialDateSchema).describe("When, as far as the source says: `2025`, `2025-09` or `2025-09-14`."),
    when: optional(text("when")).describe(
      'The source\'s own words for the time when no date can be given: `"last September" (year not stated)`.',
    ),
    what: text("what happened").describe("What happened, in one sentence."),
    actors: z.array(actorIdSchema).default([]).describe("Who took part, by id."),
    cites: citations("an event").describe("The paragraphs that report it."),
  })
  .refine((e) => e.date !== undefined || e.when !== undefined, {
    error: "an event needs a `date`, or a `when` giving the source's own words for the time",
  });

const updateSchema = z.strictObject({
  date: isoDateSchema.describe("When the brief was updated."),
  kind: z.enum(["correction", "development", "clarification"]).describe("What sort of update."),
  text: text("the update").describe("What changed."),
  cites: z.array(paragraphRefSchema).default([]).describe("Paragraphs that support it, if any."),
});

const BRIEF_STATUSES = ["draft", "published"] as const;

export const briefSchema = z
  .strictObject({
    title: text("the title").describe("The brief's headline."),
    date: isoDateSchema.describe("When the brief was written or last substantially revised, YYYY-MM-DD."),
    dek: text("the dek").describe("One-line summary shown under the title and in lists."),
    status: z.enum(BRIEF_STATUSES).describe("`draft` briefs are checked but not published; `published` ones are."),
    // None is a warning (check-briefs.ts), not an error: a brief may be drafted before its sources are imported.
    sources: z.array(articleIdSchema).default([]).describe("The articles it summarises, by slug."),
    actors: z.array(briefActorSchema).default([]).describe("The actors in the story, each with its role and stance."),
    key_points: z.array(keyPointSchema).default([]).describe("What a reader must know, each with its citations."),
    quotes: z.array(quoteSchema).default([]).describe("Who said what, verbatim, with the paragraph that reports it."),
    events: z.array(eventSchema).default([]).describe("What happened when; shown on the timeline."),
    topics: z.array(text("a topic")).default([]).describe("Topic names; each gets a page at /topics/<slug>/."),
    updates: z.array(updateSchema).default([]).describe("Dated corrections and developments, newest last."),
  })
  .describe("content/briefs/<slug>.md — an editor's summary; body = Markdown with actor links and citations.");

/** A host name such as `briefs.example.org`: letters, digits and hyphens in dot-separated labels. */
const DOMAIN_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export const siteSchema = z.strictObject({
  title: text("the site title").default("Briefbook").describe("The site's name, in the header and feed."),
  tagline: optional(text("the tagline")).describe("A line under the site's name on the home page."),
  language: z
    .string({ error: "expected a language tag as text" })
    .trim()
    .refine((tag) => canonicalLanguage(tag) !== undefined, {
      error: (issue) => `'${String(issue.input).slice(0, 40)}' is not a language tag`,
      params: { hint: LANGUAGE_HINT },
    })
    .transform((tag) => canonicalLanguage(tag)!)
    .default("en")
    .describe(
      "The content's language (BCP 47), for `<html lang>`, search, dates and numbers, and the interface's words (English, French, German or Spanish by the primary subtag: `fr-CA` reads French; any other language reads English, with a warning).",
    ),
  url: optional(address("the site's address")).describe(
    "The public address of the site, for the feed's absolute links.",
  ),
  domain: optional(
    z
      .string({ error: "expected the custom domain as text" })
      .trim()
      .superRefine((name, ctx) => {
        if (DOMAIN_NAME.test(name)) return;
        const bare = name.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split(/[/?#:]/)[0] ?? "";
        ctx.addIssue({
          code: "custom",
          message: `'${name.slice(0, 60)}' is not a domain name`,
          params: {
            hint: `write the name alone, as GitHub Pages' custom domain setting has it: \`domain: ${DOMAIN_NAME.test(bare) ? bare : "briefs.example.org"}\``,
          },
        });
      }),
  ).describe(
    "A custom domain the site is served at, such as `briefs.example.org`: the build writes a CNAME file naming it, the site lives at `/`, and `https://<domain>/` is its address when `url` is not given.",
  ),
  per_page: z
    .number()
    .int()
    .min(5)
    .max(500)
    .default(50)
    .describe("Items per page on lists such as actor pages and the timeline."),
});

export type ActorData = z.output<typeof actorSchema>;
export type ArticleData = z.output<typeof articleSchema>;
export type BriefData = z.output<typeof briefSchema>;
export type BriefActor = z.output<typeof briefActorSchema>;
export type KeyPoint = z.output<typeof keyPointSchema>;
export type Quote = z.output<typeof quoteSchema>;
export type BriefEvent = z.output<typeof eventSchema>;
export type Update = z.output<typeof updateSchema>;
export type SiteData = z.output<typeof siteSchema>;
