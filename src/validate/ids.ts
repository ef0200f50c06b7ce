import { z } from "zod";

/**
 * Ids are nominal: an `ArticleId` cannot be passed where an `ActorId` belongs, although both are
 * kebab-case strings at run time. Each is minted only by its schema or guard below.
 */
export type ActorId = string & z.$brand<"ActorId">;
export type ArticleId = string & z.$brand<"ArticleId">;
export type BriefId = string & z.$brand<"BriefId">;
/** A topic's URL slug (`intelligence-sharing`), derived from the topic's name. */
export type TopicSlug = string & z.$brand<"TopicSlug">;

/** Lower-case words of letters and digits joined by single hyphens: `marco-rubio`, `un-ohchr`. */
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const kebab = (what: string) =>
  z.string({ error: `expected ${what}: a kebab-case id such as 'united-kingdom'` }).regex(KEBAB, {
    error: `expected ${what}: lower-case letters, digits and single hyphens, such as 'united-kingdom'`,
  });

export const actorIdSchema = kebab("an actor id").brand<"ActorId">();
export const articleIdSchema = kebab("an article slug").brand<"ArticleId">();
export const briefIdSchema = kebab("a brief slug").brand<"BriefId">();

export const isKebab = (s: string): boolean => KEBAB.test(s);
export const isActorId = (s: string): s is ActorId => KEBAB.test(s);

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS: Record<string, string> = { æ: "ae", ø: "o", ß: "ss", ł: "l", đ: "d", ð: "d", þ: "th", œ: "oe", ı: "i" };

/** `Intelligence sharing` → `intelligence-sharing`; accents folded so URLs stay ASCII. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøßłđðþœı]/g, (c) => LETTERS[c]!)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export const topicSlug = (name: string): TopicSlug => slugify(name) as TopicSlug;

/**
 * A paragraph of a source article, as briefs cite it: `uk-halts-intel#p3`.
 * Paragraphs are numbered from 1 in the order the article's body gives them.
 */
export interface ParagraphRef {
  readonly article: ArticleId;
  readonly paragraph: number;
}

const PARAGRAPH_REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)#p([1-9][0-9]{0,4})$/;

export function parseParagraphRef(text: string): ParagraphRef | undefined {
  const m = PARAGRAPH_REF.exec(text.trim());
  return m ? { article: m[1] as ArticleId, paragraph: Number(m[2]) } : undefined;
}

export const formatParagraphRef = (ref: ParagraphRef): string => `${ref.article}#p${ref.paragraph}`;

export const paragraphRefSchema = z
  .string({ error: "expected a citation such as 'article-slug#p3'" })
  .transform((text, ctx) => {
    const ref = parseParagraphRef(text);
    if (!ref) {
      ctx.addIssue({
        code: "custom",
        message: `'${text}' is not a citation: write the article slug, '#p' and the paragraph number, such as 'uk-halts-intel#p3'`,
      });
      return z.NEVER;
    }
    return ref;
  });
