import { slugify } from "../../src/validate/ids.ts";
import { mention, type ActorCast, type SyntheticActor } from "./actors.ts";
import type { SyntheticArticle, SyntheticQuote } from "./articles.ts";
import { isoDay } from "./dates.ts";
import type { Prose } from "./prose.ts";
import { ZipfSampler, type Random } from "./random.ts";
import { markdownFile } from "./yaml-file.ts";

/** The fixed topic pool; topics are drawn with Zipf-like popularity, as on a real site. */
const TOPICS = [
  "Intelligence sharing",
  "Sanctions",
  "Elections",
  "Trade policy",
  "Climate finance",
  "Energy security",
  "Arms control",
  "Migration",
  "Public health",
  "Cybersecurity",
  "Diplomacy",
  "Human rights",
  "Defence spending",
  "Central banks",
  "Inflation",
  "Food security",
  "Maritime disputes",
  "Border security",
  "Refugees",
  "Corruption",
  "Press freedom",
  "Judicial reform",
  "Peace talks",
  "Nuclear programme",
  "Space policy",
  "Artificial intelligence",
  "Telecoms",
  "Supply chains",
  "Critical minerals",
  "Oil and gas",
  "Renewable energy",
  "Water rights",
  "Agriculture",
  "Labour strikes",
  "Protests",
  "Coalition politics",
  "Constitutional reform",
  "Local government",
  "Taxation",
  "Public debt",
  "Development aid",
  "Pandemic response",
  "Organised crime",
  "Terrorism",
  "Extradition",
  "Data protection",
  "Disinformation",
  "Shipping",
  "Aviation",
  "Tourism",
] as const;

const topicPopularity = new ZipfSampler(TOPICS.length, 0.8);
const UPDATE_KINDS = ["correction", "development", "clarification"] as const;
const CONTEXTS = [
  "at a press conference",
  "in a statement",
  "in an interview",
  "in a speech to lawmakers",
  "on state television",
];

export interface SyntheticBrief {
  readonly slug: string;
  readonly text: string;
}

/**
 * A brief built on `sources`: every citation names one of their paragraphs, every quote is copied
 * from the paragraph it cites, and every quoted actor is listed among the brief's actors.
 */
export function generateBrief(
  random: Random,
  prose: Prose,
  cast: ActorCast,
  index: number,
  sources: readonly SyntheticArticle[],
): SyntheticBrief {
  const cite = (article = random.pick(sources)) => `${article.slug}#p${random.int(1, article.paragraphCount)}`;
  const cites = (min: number, max: number) => [...new Set(Array.from({ length: random.int(min, max) }, () => cite()))];

  const candidates: SyntheticQuote[] = sources.flatMap((s) => s.quotes);
  const quoted = random.shuffled(candidates).slice(0, random.int(0, Math.min(3, candidates.length)));
  const quoteSource = new Map(sources.flatMap((s) => s.quotes.map((q) => [q, s] as const)));

  // Quoted actors first, then the stories' own actors, then popular actors, up to 2–6 in all.
  const actors: SyntheticActor[] = [];
  const addActor = (a: SyntheticActor) => {
    if (!actors.includes(a)) actors.push(a);
  };
  quoted.forEach((q) => addActor(q.actor));
  const want = Math.max(actors.length, random.int(2, 6));
  for (const a of random.shuffled(sources.flatMap((s) => s.featured))) if (actors.length < want) addActor(a);
  for (let tries = 0; actors.length < want && tries < 100; tries++)
    addActor(cast.players[cast.playerPopularity.sample(random)]!);

  const lead = actors[0]!;
  const title = prose.headline([mention(random, lead)]);
  const slug = `${slugify(title.split(" ").slice(0, 6).join(" "))}-${index + 1}`;
  const day = Math.max(...sources.map((s) => s.day)) + random.int(0, 2);

  const partialDate = (d: number) => {
    const iso = isoDay(d);
    const g = random.next();
    return g < 0.6 ? iso : g < 0.85 ? iso.slice(0, 7) : iso.slice(0, 4);
  };

  const data = {
    title,
    date: isoDay(day),
    dek: prose.sentence(10, 20),
    status: "published",
    sources: sources.map((s) => s.slug),
    actors: actors.map((a) => ({
      id: a.id,
      role: prose.clause(3, 7).toLowerCase(),
      ...(random.chance(0.5) ? { stance: prose.sentence(6, 14) } : {}),
      cites: cites(0, 2),
    })),
    key_points: Array.from({ length: random.int(2, 5) }, () => ({ text: prose.sentence(10, 24), cites: cites(1, 2) })),
    quotes: quoted.map((q) => ({
      actor: q.actor.id,
      text: q.text,
      cite: `${quoteSource.get(q)!.slug}#p${q.paragraph}`,
      ...(random.chance(0.3) ? { context: random.pick(CONTEXTS) } : {}),
    })),
    events: Array.from({ length: random.int(1, 4) }, () => ({
      date: partialDate(day - random.int(0, 90)),
      what: prose.sentence(8, 16),
      actors: random
        .shuffled(actors)
        .slice(0, random.int(1, 2))
        .map((a) => a.id),
      cites: cites(1, 2),
    })),
    topics: topicPopularity.distinct(random, random.int(1, 3)).map((r) => TOPICS[r]!),
    ...(random.chance(0.1)
      ? {
          updates: [
            {
              date: isoDay(day + random.int(1, 30)),
              kind: random.pick(UPDATE_KINDS),
              text: prose.sentence(8, 16),
              cites: [cite()],
            },
          ],
        }
      : {}),
  };

  const link = (a: SyntheticActor) => (random.chance(0.5) ? `[[${a.id}]]` : `[[${mention(random, a)}|${a.id}]]`);
  const citation = () =>
    random.chance(0.25) && sources.length > 1 ? `[@${cite(sources[0])}, @${cite(sources[1])}]` : `[@${cite()}]`;
  const sentence = () => {
    const s = prose.clause(8, 20, random.chance(0.5) ? [link(random.pick(actors))] : []);
    return random.chance(0.6) ? `${s} ${citation()}.` : `${s}.`;
  };
  const paragraphs = Array.from({ length: random.int(3, 5) }, () =>
    Array.from({ length: random.int(2, 4) }, sentence).join(" "),
  );
  if (random.chance(0.5)) paragraphs.splice(paragraphs.length - 1, 0, "## Background");
  return { slug, text: markdownFile(data, paragraphs.join("\n\n")) };
}
