import { slugify } from "../../src/validate/ids.ts";
import { mention, type ActorCast, type SyntheticActor } from "./actors.ts";
import { isoDay } from "./dates.ts";
import type { Prose } from "./prose.ts";
import type { Random } from "./random.ts";
import { capitalize, madeUpWord } from "./vocabulary.ts";
import { markdownFile } from "./yaml-file.ts";

/** A sentence in quotation marks in an article paragraph: what a brief may quote verbatim. */
export interface SyntheticQuote {
  /** 1-based paragraph number, as `#pN` cites it. */
  readonly paragraph: number;
  readonly actor: SyntheticActor;
  readonly text: string;
}

export interface SyntheticArticle {
  readonly slug: string;
  /** Days since the corpus's first day; the publication date. */
  readonly day: number;
  /** The actors the story is about; briefs built on it list them. */
  readonly featured: readonly SyntheticActor[];
  readonly paragraphCount: number;
  readonly quotes: readonly SyntheticQuote[];
  readonly text: string;
}

const SECTIONS = [
  "World",
  "Politics",
  "Business",
  "Europe",
  "Asia",
  "Africa",
  "Americas",
  "Middle East",
  "Security",
  "Climate",
  "Technology",
  "Analysis",
];

/** About 400 words in 6–10 paragraphs; 1–3 paragraphs quote a featured actor. */
export function generateArticle(
  random: Random,
  prose: Prose,
  cast: ActorCast,
  index: number,
  day: number,
): SyntheticArticle {
  const featured = cast.playerPopularity.distinct(random, random.int(2, 5)).map((r) => cast.players[r]!);
  const outlet = cast.outlets[cast.outletPopularity.sample(random)]!;
  const title = prose.headline([mention(random, featured[0]!)]);
  const slug = `${slugify(title.split(" ").slice(0, 5).join(" "))}-${index + 1}`;

  const paragraphCount = random.int(6, 10);
  const target = Math.round(400 / paragraphCount);
  const quoteAt = new Set(random.shuffled([...Array(paragraphCount).keys()]).slice(0, random.int(1, 3)));
  const quotes: SyntheticQuote[] = [];
  const paragraphs: string[] = [];
  for (let p = 0; p < paragraphCount; p++) {
    const sentences: string[] = [];
    let words = 0;
    if (quoteAt.has(p)) {
      const actor = random.pick(featured);
      const said = prose.clause(8, 16);
      quotes.push({ paragraph: p + 1, actor, text: said });
      sentences.push(
        random.chance(0.5)
          ? `"${said}," ${mention(random, actor)} said.`
          : `${mention(random, actor)} said: "${said}."`,
      );
      words += said.split(" ").length + 3;
    }
    while (words < target) {
      const s = prose.sentence(8, 18, random.chance(0.35) ? [mention(random, random.pick(featured))] : []);
      sentences.push(s);
      words += s.split(" ").length;
    }
    paragraphs.push(sentences.join(" "));
  }

  const byline = `${capitalize(madeUpWord(random, random.int(1, 2)))} ${capitalize(madeUpWord(random, random.int(2, 3)))}`;
  const published = isoDay(day);
  const text = markdownFile(
    {
      title,
      outlet: outlet.id,
      section: random.pick(SECTIONS),
      published,
      url: `https://${outlet.id}.example/${published.slice(0, 7).replace("-", "/")}/${slug}`,
      byline,
    },
    paragraphs.join("\n\n"),
  );
  return { slug, day, featured, paragraphCount, quotes, text };
}
