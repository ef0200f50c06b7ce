/**
 * The editors' warnings and the fact-check lint: everything here is a warning (the build goes on),
 * found by reading valid content only. Each statement of a brief (dek, key point, actor role and
 * stance, event, update) is read against the paragraphs it cites: a number, date or proper name
 * none of them holds, a hedge ("reportedly") the statement drops, or no citation at all. Besides:
 * actors named in a brief but not listed in it, quotes whose punctuation differs from the
 * source's, articles no brief cites and actors nothing mentions. Pure and linear: each cited
 * paragraph is read once per run, and a file's YAML is parsed only to place a warning in it.
 */
import { fieldPath, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { fieldLines, type FieldLines } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { blockLine } from "./block-lines.ts";
import { actorNameFinder, type FindActors } from "./actor-names.ts";
import { eventTimeOf, supportsTime } from "./event-times.ts";
import { keepsHedge } from "./hedges.ts";
import { formatParagraphRef, type ActorId, type ParagraphRef } from "./ids.ts";
import type { Paragraph } from "./paragraphs.ts";
import { sourceWording } from "./quote-wording.ts";
import { contentWords, drawsOn, ParagraphFacts, termsOf, type Term } from "./statement-terms.ts";
import type { ValidArticle, ValidBrief, ValidContent } from "./validate.ts";

type Where = Pick<Diagnostic, "file" | "line" | "field">;

/** A cited paragraph, read once: what it holds, and (when first asked) which actors it names. */
interface CitedParagraph {
  readonly ref: string;
  readonly facts: ParagraphFacts;
  /** True when the paragraph or one before it names the actor (so "he" is fine), or one belonging to it. */
  names(actor: ActorId): boolean;
  /** The article's publication date, a fact about every paragraph of it. */
  readonly published: string | undefined;
}

interface Run {
  readonly out: Diagnostic[];
  readonly findActors: FindActors;
  readonly paragraph: (ref: ParagraphRef) => CitedParagraph | undefined;
  /** The paragraph a citation names, as written. */
  readonly paragraphText: (ref: ParagraphRef) => string | undefined;
  /** The actors an actor belongs to, nearest first. */
  readonly affiliations: (actor: string) => string[];
  /** Actors a brief names in its text, listed or not: they are mentioned. */
  readonly named: Set<string>;
  /** Each article's outlet, by article id. */
  readonly outletOf: ReadonlyMap<string, string>;
  readonly at: (file: string, path: readonly PropertyKey[]) => Where;
}

/** One statement of a brief and the paragraphs it cites. */
interface Statement {
  readonly path: readonly PropertyKey[];
  readonly text: string;
  readonly cites: readonly ParagraphRef[];
  /** Whom the statement is about when its text does not say: an actor's name, for its role and stance. */
  readonly subject?: string;
  /** For an update: a development is news and needs a source; a correction or clarification is about the brief. */
  readonly development?: boolean;
}

/**
 * What the fact-check of one brief found, kept between runs (the preview checks after every edit)
 * while the brief, its source articles and the actors' names are the same objects and text.
 */
interface BriefReading {
  readonly sources: readonly (ValidArticle | undefined)[];
  readonly actorsVersion: number;
  readonly warnings: readonly Diagnostic[];
  readonly named: ReadonlySet<string>;
}

/** A fact-check's memory between runs, kept by validation's cache (validate.ts). */
export interface FactCheckMemo {
  readonly briefs: WeakMap<ValidBrief, BriefReading>;
  /** The actors' names, aliases and affiliations last seen, and a number that changes with them. */
  actors: { key: string; version: number };
}
export const factCheckMemo = (): FactCheckMemo => ({ briefs: new WeakMap(), actors: { key: "", version: 0 } });

/** Warnings for valid content, once it has no errors. `files` are the loaded files, to give each warning its line. */
export function factCheck(content: ValidContent, files: readonly SourceFile[], memo?: FactCheckMemo): Diagnostic[] {
  // A file that could not be read has its error already, and without it the site is not whole:
  // its citations and mentions are missing, so "no brief cites" and the like would be false.
  if (files.some((f) => f.unreadable)) return [];
  const run = runOf(content, files);
  const nameOf = new Map(content.actors.map((a) => [a.id as string, a.name]));
  const actorsVersion = memo ? actorsVersionOf(memo, content) : 0;
  const articleById = new Map(content.articles.map((a) => [a.id as string, a]));
  for (const brief of content.briefs) {
    const sources = brief.sources.map((id) => articleById.get(id));
    let reading = memo?.briefs.get(brief);
    const same = reading?.actorsVersion === actorsVersion && reading.sources.every((a, i) => a === sources[i]);
    if (!reading || !same) {
      reading = {
        sources,
        actorsVersion,
        ...checkBriefStatements({ ...run, out: [], named: new Set() }, brief, nameOf),
      };
      memo?.briefs.set(brief, reading);
    }
    run.out.push(...reading.warnings);
    for (const actor of reading.named) run.named.add(actor);
  }
  checkUnusedArticles(run, content);
  checkUnmentionedActors(run, content);
  return run.out;
}

/** Every warning about one brief, and the actors its text names. */
function checkBriefStatements(run: Run, brief: ValidBrief, nameOf: ReadonlyMap<string, string>) {
  for (const s of statementsOf(brief, nameOf)) checkStatement(run, brief, s);
  checkEventTimes(run, brief);
  checkUncitedActors(run, brief);
  checkNamedActors(run, brief);
  checkQuoteWording(run, brief);
  return { warnings: run.out, named: run.named };
}

/** A number that changes whenever an actor's id, names or affiliation does (all a brief's warnings depend on). */
function actorsVersionOf(memo: FactCheckMemo, content: ValidContent): number {
  const key = content.actors
    .map((a) => `${a.id}\t${a.name}\t${a.aliases.join("\t")}\t${a.affiliation ?? ""}`)
    .join("\n");
  if (key !== memo.actors.key) memo.actors = { key, version: memo.actors.version + 1 };
  return memo.actors.version;
}

function runOf(content: ValidContent, files: readonly SourceFile[]): Run {
  const findActors = actorNameFinder(content.actors);
  const articleById = new Map(content.articles.map((a) => [a.id as string, a]));
  const articles = new Map(content.articles.map((a) => [a.id as string, a.paragraphs]));
  const read = new Map<Paragraph, CitedParagraph>();
  const affiliations = affiliationsOf(content);
  const firstNamed = firstNamedIn(findActors, affiliations);
  const filesByPath = new Map(files.map((f) => [f.path, f]));
  // A file's YAML is parsed again only when a warning's line cannot be read off its lines, and then once.
  const lines = new Map<string, FieldLines>();
  const outlets = new Map(content.articles.flatMap((a) => (a.outlet ? [[a.id as string, a.outlet as string]] : [])));
  return {
    out: [],
    findActors,
    affiliations,
    named: new Set(),
    paragraphText: (ref) => articles.get(ref.article)?.[ref.paragraph - 1]?.text,
    outletOf: outlets,
    paragraph(ref) {
      const paragraph = articles.get(ref.article)?.[ref.paragraph - 1];
      if (!paragraph) return undefined;
      let cited = read.get(paragraph);
      if (!cited) {
        const article = articleById.get(ref.article)!;
        const names = (actor: ActorId) => (firstNamed(article).get(actor) ?? Infinity) <= ref.paragraph;
        const facts = new ParagraphFacts(paragraph.text);
        // Named by the article's own id: `ref` may be cut from a brief's body, whose file's whole
        // text every warning naming the paragraph would keep alive until the build ends.
        const named = formatParagraphRef({ article: article.id, paragraph: ref.paragraph });
        cited = { ref: named, facts, names, published: article.published };
        read.set(paragraph, cited);
      }
      return cited;
    },
    at(file, path) {
      const source = filesByPath.get(file);
      if (!source) return { file, field: fieldPath(path) };
      let line = blockLine(source.yaml, source.yamlLine, path);
      if (line === undefined) {
        let of = lines.get(file);
        if (!of) lines.set(file, (of = fieldLines(source)));
        line = of(path);
      }
      return { file, line, field: fieldPath(path) };
    },
  };
}

/** Each actor's affiliations, nearest first: `marco-rubio` → [`united-states`]. */
function affiliationsOf(content: ValidContent): (actor: string) => string[] {
  const affiliation = new Map(content.actors.flatMap((a) => (a.affiliation ? [[a.id as string, a.affiliation]] : [])));
  return (actor) => {
    const chain: string[] = [];
    // Bounded: validation refuses an actor affiliated with itself, not a longer loop.
    for (let a = affiliation.get(actor); a !== undefined && chain.length < 5; a = affiliation.get(a)) chain.push(a);
    return chain;
  };
}

/**
 * For each article (read when first cited), the paragraph number where each actor is first named,
 * counting the actors named ones belong to ("Rubio" names the United States too) and the outlet
 * (a fact about the whole article, though its text rarely names it).
 */
function firstNamedIn(findActors: FindActors, affiliations: (actor: string) => string[]) {
  const read = new WeakMap<ValidArticle, Map<string, number>>();
  return (article: ValidArticle): ReadonlyMap<string, number> => {
    let first = read.get(article);
    if (!first) {
      first = new Map(article.outlet ? [[article.outlet as string, 1]] : []);
      article.paragraphs.forEach((p, i) => {
        for (const m of findActors(p.text))
          for (const a of [m.actor, ...affiliations(m.actor)]) if (!first!.has(a)) first!.set(a, i + 1);
      });
      read.set(article, first);
    }
    return first;
  };
}

const BODY_CITATION = /@([a-z0-9]+(?:-[a-z0-9]+)*)#p([1-9][0-9]{0,4})/g;

/** Every paragraph the brief cites, front matter and body, once each: what its dek sums up. */
function everythingCited(brief: ValidBrief): ParagraphRef[] {
  const refs = new Map<string, ParagraphRef>();
  const add = (r: ParagraphRef) => refs.set(formatParagraphRef(r), r);
  for (const list of [brief.actors, brief.key_points, brief.events, brief.updates])
    for (const s of list) s.cites.forEach(add);
  brief.quotes.forEach((q) => add(q.cite));
  for (const m of brief.body.matchAll(BODY_CITATION))
    add({ article: m[1] as ParagraphRef["article"], paragraph: Number(m[2]) });
  return [...refs.values()];
}

/** The statements the lint reads, in the order they stand in the file. */
function statementsOf(brief: ValidBrief, nameOf: ReadonlyMap<string, string>): Statement[] {
  const out: Statement[] = [{ path: ["dek"], text: brief.dek, cites: everythingCited(brief) }];
  brief.actors.forEach((a, i) => {
    const about = { cites: a.cites, subject: nameOf.get(a.id) };
    out.push({ path: ["actors", i, "role"], text: a.role, ...about });
    if (a.stance !== undefined) out.push({ path: ["actors", i, "stance"], text: a.stance, ...about });
  });
  brief.key_points.forEach((k, i) => out.push({ path: ["key_points", i, "text"], text: k.text, cites: k.cites }));
  brief.events.forEach((e, i) => out.push({ path: ["events", i, "what"], text: e.what, cites: e.cites }));
  brief.updates.forEach((u, i) =>
    out.push({ path: ["updates", i, "text"], text: u.text, cites: u.cites, development: u.kind === "development" }),
  );
  return out;
}

/** An event's `date`, or the month and day its `when` names, that none of its cited paragraphs gives. */
function checkEventTimes(run: Run, brief: ValidBrief): void {
  brief.events.forEach((e, i) => {
    const time = eventTimeOf(e.date, e.when);
    const cited = e.cites.flatMap((r) => run.paragraph(r) ?? []);
    if (time === undefined || cited.length === 0) return;
    if (
      supportsTime(
        time,
        cited.map((c) => ({ text: c.facts.text, published: c.published })),
      )
    )
      return;
    const field = e.date !== undefined ? "date" : "when";
    run.out.push(
      warning({
        ...run.at(brief.file, ["events", i, field]),
        message: `${time.shown} is in none of the cited paragraphs (${cited.map((c) => c.ref).join(", ")}), nor their articles' dates`,
        hint:
          field === "date"
            ? "check the date against the source: correct it, cite the paragraph that gives it, or put the source's own words in 'when:'"
            : "check the time against the source: quote the source's own words for it, or cite the paragraph that gives it",
      }),
    );
  });
}

function checkStatement(run: Run, brief: ValidBrief, s: Statement): void {
  // A role and its stance share their cites: "cites nothing" is told once, on the actor (checkUncitedActors).
  if (s.cites.length === 0) {
    if (s.path[0] === "updates" && s.development)
      run.out.push(
        warning({
          ...run.at(brief.file, s.path),
          message: "this development cites nothing, so a reader cannot check it",
          hint: "add 'cites: [article-slug#pN]' with the paragraph that says it",
        }),
      );
    return;
  }
  const cited = s.cites.flatMap((r) => run.paragraph(r) ?? []);
  if (cited.length === 0) return;
  const refs = cited.map((c) => c.ref).join(", ");
  const missing = missingFacts(run, s, cited);
  if (missing.length > 0)
    run.out.push(
      warning({
        ...run.at(brief.file, s.path),
        message: `${quoted(missing)} ${missing.length === 1 ? "is" : "are"} in none of the cited paragraphs (${refs})`,
        hint: "check it against the source: correct it, or cite the paragraph that says it",
      }),
    );
  const hedge = droppedHedge(s, cited);
  if (hedge)
    run.out.push(
      warning({
        ...run.at(brief.file, s.path),
        message: `${hedge.ref} says '${hedge.word}', and the statement drops it`,
        hint: `keep the hedge ('reportedly', 'according to …', 'alleged'): the source does not vouch for this itself`,
      }),
    );
}

const quoted = (words: readonly string[]) => words.map((w) => `'${w}'`).join(", ");

/** The statement's numbers, dates and names (actors by any of their names) that no cited paragraph holds. */
function missingFacts(run: Run, s: Statement, cited: readonly CitedParagraph[]): string[] {
  const missing = new Set<string>();
  const mentions = run.findActors(s.text);
  // An actor is named by any of its names ("UK" for "Britain"); failing that, its words are looked
  // for as any name is ("Venezuela" in "Venezuelan", "US" in "US military").
  for (const m of mentions) {
    const name = s.text.slice(m.start, m.end);
    const named = cited.some((c) => c.names(m.actor));
    if (!named && !termsOf(name, [], false).every((t) => cited.some((c) => c.facts.holds(t)))) missing.add(name);
  }
  for (const term of termsOf(s.text, mentions))
    if (!cited.some((c) => c.facts.holds(term)) && !countsTheBrief(s, term)) missing.add(term.text);
  return [...missing];
}

/**
 * A number in words in a correction or clarification, which is about the brief: "eight of its
 * nineteen paragraphs" counts the article's parts, which no paragraph says. Figures in digits are checked.
 */
const countsTheBrief = (s: Statement, term: Term) =>
  s.development === false && term.kind === "number" && !DIGIT.test(term.text);
const DIGIT = /\d/;

/** The first hedge of a cited sentence the statement draws on but does not keep. */
function droppedHedge(s: Statement, cited: readonly CitedParagraph[]): { ref: string; word: string } | undefined {
  let words: Set<string> | undefined;
  for (const c of cited)
    for (const sentence of c.facts.hedgedSentences)
      if (
        drawsOn((words ??= contentWords(s.text)), sentence) &&
        !keepsHedge(`${s.subject ?? ""} ${s.text}`, sentence.hedge)
      )
        return { ref: c.ref, word: sentence.hedge.words };
  return undefined;
}

/**
 * An actor whose stance, or a role naming someone or giving a number or date, cites nothing. A
 * bare role ("carried out the strikes") only says which part of the story the actor is, and the
 * schema lets it stand without citations.
 */
function checkUncitedActors(run: Run, brief: ValidBrief): void {
  brief.actors.forEach((a, i) => {
    if (a.cites.length > 0) return;
    const others = run.findActors(a.role).filter((m) => m.actor !== a.id);
    if (a.stance === undefined && others.length === 0 && termsOf(a.role, run.findActors(a.role)).length === 0) return;
    run.out.push(
      warning({
        ...run.at(brief.file, ["actors", i, a.stance === undefined ? "role" : "stance"]),
        message: `the ${a.stance === undefined ? "role" : "stance"} of '${a.id}' cites nothing, so a reader cannot check it`,
        hint: "add 'cites: [article-slug#pN]' with the paragraphs that give its role and stance",
      }),
    );
  });
}

/** Actor links, citations and code, blanked so only the brief's plain words are searched for names. */
const NOT_PLAIN = /\[\[[^\]\n]*\]\]|\[@[^\]\n]*\]|`[^`\n]*`/g;
const blank = (text: string) => text.replace(NOT_PLAIN, (m) => " ".repeat(m.length));

/** An actor the brief names in its body, dek or key points (not as a link) but does not list under actors. */
function checkNamedActors(run: Run, brief: ValidBrief): void {
  // The outlets of its sources need no listing (the brief reports what they published), nor what a
  // listed actor belongs to ("the US Secretary of State" with Rubio listed).
  const outlets = brief.sources.flatMap((id) => run.outletOf.get(id) ?? []);
  const actors = brief.actors.flatMap((a) => [a.id, ...run.affiliations(a.id)]);
  const listed = new Set<string>([...actors, ...outlets]);
  const alreadyListed = (actor: string) => {
    run.named.add(actor);
    if (listed.has(actor)) return true;
    listed.add(actor);
    return false;
  };
  const texts: { path: readonly PropertyKey[]; text: string }[] = [
    { path: ["dek"], text: brief.dek },
    ...brief.key_points.map((k, i) => ({ path: ["key_points", i, "text"], text: k.text })),
  ];
  for (const { path, text } of texts)
    for (const m of run.findActors(text)) {
      if (alreadyListed(m.actor)) continue;
      run.out.push(notListed(run.at(brief.file, path), text.slice(m.start, m.end), m.actor));
    }
  const body = blank(brief.body);
  for (const m of run.findActors(body)) {
    if (alreadyListed(m.actor)) continue;
    const line = brief.bodyLine + (body.slice(0, m.start).match(/\n/g)?.length ?? 0);
    run.out.push(notListed({ file: brief.file, line, field: "body" }, body.slice(m.start, m.end), m.actor));
  }
}

// `name` is cut from the brief's text: copied, so that the warning does not keep the whole file's
// text alive until the build ends (~16 MB of files for 27,000 warnings at 20,000 documents).
const notListed = (where: Where, name: string, actor: string) =>
  warning({
    ...where,
    message: `'${structuredClone(name)}' names actor '${actor}', which is not listed in this brief's actors`,
    hint: `add '${actor}' to actors with its role in the story (or link it as [[${actor}]] if it only passes by)`,
  });

/** A quote accepted with other quotation marks or dashes than its source's: the page shows the source's. */
function checkQuoteWording(run: Run, brief: ValidBrief): void {
  brief.quotes.forEach((q, i) => {
    const paragraph = run.paragraphText(q.cite);
    const source = paragraph === undefined ? undefined : sourceWording(q.text, paragraph);
    if (source !== undefined)
      run.out.push(
        warning({
          ...run.at(brief.file, ["quotes", i, "text"]),
          message: `the quote's punctuation differs from ${formatParagraphRef(q.cite)}; the page shows the source's: ${source}`,
          hint: "copy the quote from the paragraph to keep its quotation marks, apostrophes and dashes",
        }),
      );
  });
}

function checkUnusedArticles(run: Run, content: ValidContent): void {
  const used = new Set(content.briefs.flatMap((b) => b.sources));
  for (const a of content.articles)
    if (!used.has(a.id))
      run.out.push(
        warning({
          ...run.at(a.file, ["title"]),
          message: `no brief cites the article '${a.id}'`,
          hint: `cite it from a brief (sources: [${a.id}]), or remove it if it is not needed`,
        }),
      );
}

function checkUnmentionedActors(run: Run, content: ValidContent): void {
  const mentioned = new Set<string>(run.named);
  for (const a of content.actors) if (a.affiliation) mentioned.add(a.affiliation);
  for (const a of content.articles) if (a.outlet) mentioned.add(a.outlet);
  for (const b of content.briefs) {
    b.actors.forEach((a) => mentioned.add(a.id));
    b.quotes.forEach((q) => mentioned.add(q.actor));
    b.events.forEach((e) => e.actors.forEach((id) => mentioned.add(id)));
    for (const m of b.body.matchAll(/\[\[(?:[^\]\n]*\|)?([^\]|\n]*)\]\]/g)) mentioned.add(m[1]!.trim());
  }
  for (const a of content.actors)
    if (!mentioned.has(a.id))
      run.out.push(
        warning({
          ...run.at(a.file, ["name"]),
          message: `nothing mentions the actor '${a.id}'`,
          hint: "list it in a brief's actors, link it as [[" + a.id + "]], or remove the file if it is not needed",
        }),
      );
}
