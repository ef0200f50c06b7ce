import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateActors } from "./actors.ts";
import { generateArticle, type SyntheticArticle } from "./articles.ts";
import { generateBrief } from "./briefs.ts";
import { SPAN_DAYS } from "./dates.ts";
import { Prose } from "./prose.ts";
import { Random } from "./random.ts";
import { buildVocabulary } from "./vocabulary.ts";
import { yamlText } from "./yaml-file.ts";

/**
 * A deterministic synthetic corpus in Briefbook's content schema: N articles, N briefs, N/10
 * actors. Same `n` and `seed` ⇒ byte-identical files. Bump GENERATOR_VERSION whenever the output
 * changes, so cached corpora (keyed by n, seed and version) are regenerated.
 */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20_251_101;

/** Written beside the content so a later step can time typical searches with terms that occur. */
export const QUERIES_FILE = "bench-queries.json";
/** Marks a folder as a finished corpus; holds n, seed and version. */
const MARKER_FILE = ".briefbook-bench-corpus.json";

export interface BenchQueries {
  /** The most frequent made-up word: in most documents. */
  readonly common: string;
  /** A word of frequency rank ~1,000. */
  readonly medium: string;
  /** A word that occurs only a few times in the whole corpus. */
  readonly rare: string;
  /** The name of the actor that appears in the most stories. */
  readonly actor: string;
}

export interface Corpus {
  readonly n: number;
  readonly seed: number;
  /** Relative path → file text, in writing order. */
  readonly files: ReadonlyMap<string, string>;
  /** Articles plus briefs: the documents the build publishes and indexes. */
  readonly documents: number;
  readonly actors: number;
  readonly queries: BenchQueries;
}

export function generateCorpus(n: number, seed = DEFAULT_SEED): Corpus {
  if (!Number.isInteger(n) || n < 1) throw new Error(`corpus size must be a positive integer, not ${n}`);
  const random = new Random(seed);
  const vocabulary = buildVocabulary(random);
  const prose = new Prose(random, vocabulary);
  const cast = generateActors(random, prose, Math.max(20, Math.round(n / 10)));
  const files = new Map<string, string>();

  files.set(
    "site.yaml",
    yamlText({
      title: "Briefbook bench",
      tagline: `Synthetic corpus: ${n} articles, ${n} briefs`,
      language: "en",
      url: "https://bench.example/",
      per_page: 50,
    }),
  );
  for (const a of cast.actors) {
    const { id, ...fields } = a;
    files.set(`actors/${id}.yaml`, yamlText(fields));
  }

  const articles: SyntheticArticle[] = [];
  for (let i = 0; i < n; i++) {
    const day = Math.floor((i * SPAN_DAYS) / n) + random.int(0, 3);
    const article = generateArticle(random, prose, cast, i, day);
    articles.push(article);
    files.set(`articles/${article.slug}.md`, article.text);
  }

  // Brief i summarises article i, and often one or two of the 40 before it.
  for (let i = 0; i < n; i++) {
    const extra = Math.min(i, random.chance(0.4) ? 0 : random.chance(0.66) ? 1 : 2);
    const earlier = random.shuffled(articles.slice(Math.max(0, i - 40), i)).slice(0, extra);
    const brief = generateBrief(random, prose, cast, i, [articles[i]!, ...earlier]);
    files.set(`briefs/${brief.slug}.md`, brief.text);
  }

  const { words, functionWords } = vocabulary;
  const counts = prose.counts;
  const firstUsed = (from: number, ok: (c: number) => boolean) => {
    for (let r = from; r < words.length; r++) if (ok(counts[r]!)) return words[r]!;
    for (let r = from - 1; r >= functionWords; r--) if (ok(counts[r]!)) return words[r]!;
    return words[functionWords]!;
  };
  const queries: BenchQueries = {
    common: firstUsed(functionWords, (c) => c > 0),
    medium: firstUsed(1_000, (c) => c > 0),
    rare: firstUsed(Math.floor(words.length * 0.6), (c) => c >= 1 && c <= 3),
    actor: cast.players[0]!.name,
  };
  files.set(QUERIES_FILE, `${JSON.stringify(queries, null, 2)}\n`);
  return { n, seed, files, documents: 2 * n, actors: cast.actors.length, queries };
}

interface Marker {
  readonly n: number;
  readonly seed: number;
  readonly version: number;
}

/** True when `dir` holds a finished corpus of this size, seed and generator version. */
export async function isCorpus(dir: string, n: number, seed: number): Promise<boolean> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, MARKER_FILE), "utf8")) as Marker;
    return m.n === n && m.seed === seed && m.version === GENERATOR_VERSION;
  } catch {
    return false;
  }
}

/**
 * Writes the corpus into `dir`. Refuses a non-empty folder that is not an earlier corpus, so a
 * mistyped path never deletes someone's content; an earlier corpus is replaced.
 */
export async function writeCorpus(dir: string, corpus: Corpus): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  if (entries.length > 0) {
    if (!entries.includes(MARKER_FILE))
      throw new Error(`${dir} is not empty and holds no generated corpus; pick another folder`);
    await rm(dir, { recursive: true, force: true });
  }
  for (const sub of ["actors", "articles", "briefs"]) await mkdir(path.join(dir, sub), { recursive: true });
  const files = [...corpus.files];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const [rel, text] = files[next++]!;
      await writeFile(path.join(dir, rel), text);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const marker: Marker = { n: corpus.n, seed: corpus.seed, version: GENERATOR_VERSION };
  await writeFile(path.join(dir, MARKER_FILE), `${JSON.stringify(marker)}\n`);
}
