/**
 * The reference checks of one brief: sources, actors, citations (in front matter and in the body),
 * verbatim quotes, topics and links in the body.
 */
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../load/source-file.ts";
import { checkUrl, schemeOf } from "../text/url-policy.ts";
import { sharedTopicAddress, topicAddressProblem, type AddressProblem } from "./addresses.ts";
import type { ActorLinkRef, CitationRef, LinkRef } from "./briefing-syntax.ts";
import { formatParagraphRef, topicSlug } from "./ids.ts";
import {
  bodyPlace,
  checkActor,
  checkCitation,
  type CitingBrief,
  type KnownActors,
  type KnownArticles,
  type Run,
  type Where,
} from "./reference-index.ts";
import type { BriefData } from "./schema.ts";
import { didYouMean } from "./suggest.ts";

/** A topic's page address and why it cannot have one; the same few topics recur in every brief. */
export type TopicAddresses = Map<string, { readonly slug: string; readonly problem: AddressProblem | undefined }>;

/**
 * Checks one brief. With `references` false only its topics are checked (they depend on every
 * other brief): the caller knows the rest reported nothing against the same actors and articles.
 * True when the checks other than topics reported nothing.
 */
export function checkBrief(
  run: Run,
  articles: KnownArticles,
  topics: TopicAddresses,
  file: SourceFile,
  data: BriefData,
  references = true,
): boolean {
  const start = run.diagnostics.length;
  const brief = references ? checkFrontMatter(run, articles, file, data) : undefined;
  const beforeTopics = run.diagnostics.length;
  data.topics.forEach((t, i) => {
    const problem = topicProblem(run, topics, t, file);
    if (problem) run.diagnostics.push(error({ ...run.at(file, ["topics", i]), ...problem }));
  });
  const afterTopics = run.diagnostics.length;
  if (brief) checkBody(run, articles, brief);
  return beforeTopics === start && run.diagnostics.length === afterTopics;
}

function checkFrontMatter(run: Run, articles: KnownArticles, file: SourceFile, data: BriefData): CitingBrief {
  const brief: CitingBrief = { file, sources: checkSources(run, articles, file, data.sources) };
  const seen = new Set<string>();
  // A misspelt id counts as the actor it was meant to be: its quote is not "not listed" as well.
  const listed = new Set<string>();
  data.actors.forEach((a, i) => {
    listed.add(checkActor(run, file, ["actors", i, "id"], a.id) ? a.id : (run.actors.suggest(a.id) ?? a.id));
    a.cites.forEach((c, j) => checkCitation(run, articles, brief, c, ["actors", i, "cites", j]));
    // Each repeated entry is its own mistake, reported where it stands.
    if (seen.has(a.id))
      run.diagnostics.push(
        error({
          ...run.at(file, ["actors", i, "id"]),
          message: `actor '${a.id}' is listed twice`,
          hint: "merge the two entries",
        }),
      );
    seen.add(a.id);
  });
  data.key_points.forEach((k, i) =>
    k.cites.forEach((c, j) => checkCitation(run, articles, brief, c, ["key_points", i, "cites", j])),
  );
  checkQuotes(run, articles, brief, data, listed);
  data.events.forEach((e, i) => {
    e.actors.forEach((id, j) => checkActor(run, file, ["events", i, "actors", j], id));
    e.cites.forEach((c, j) => checkCitation(run, articles, brief, c, ["events", i, "cites", j]));
  });
  data.updates.forEach((u, i) =>
    u.cites.forEach((c, j) => checkCitation(run, articles, brief, c, ["updates", i, "cites", j])),
  );
  return brief;
}

/** A topic without a page address, or one that would take another topic's page; the first topic at each address keeps it. */
function topicProblem(run: Run, topics: TopicAddresses, topic: string, file: SourceFile) {
  let address = topics.get(topic);
  if (!address) topics.set(topic, (address = { slug: topicSlug(topic), problem: topicAddressProblem(topic) }));
  if (address.problem) return address.problem;
  const first = run.topics.get(address.slug);
  if (!first) run.topics.set(address.slug, { topic, file: file.path });
  // The same topic again (most of them) shares its page on purpose; only another spelling needs a look.
  return first && first.topic !== topic ? sharedTopicAddress(topic, first) : undefined;
}

function checkSources(run: Run, articles: KnownArticles, file: SourceFile, slugs: readonly string[]): Set<string> {
  const sources = new Set<string>();
  if (slugs.length === 0)
    run.diagnostics.push(
      warning({
        ...run.at(file, ["sources"]),
        message: "this brief names no source articles, so nothing in it can be cited or checked",
        hint: "list the articles it summarises: sources: [article-slug] (import one with npm run import)",
      }),
    );
  slugs.forEach((slug, i) => {
    if (articles.byId.has(slug)) sources.add(slug);
    else if (!articles.broken.has(slug)) {
      const guess = articles.suggest(slug);
      // Citations of the article meant are then not reported as "not in this brief's sources" as well.
      if (guess) sources.add(guess);
      run.diagnostics.push(
        error({
          ...run.at(file, ["sources", i]),
          message: `unknown article '${slug}'${didYouMean(guess)}`,
          hint: guess
            ? `change it to '${guess}'`
            : "sources name files in content/articles/ without '.md'; import one with npm run import",
        }),
      );
    }
  });
  return sources;
}

function checkQuotes(
  run: Run,
  articles: KnownArticles,
  brief: CitingBrief,
  data: BriefData,
  listed: ReadonlySet<string>,
): void {
  data.quotes.forEach((q, i) => {
    checkActor(run, brief.file, ["quotes", i, "actor"], q.actor);
    const paragraph = checkCitation(run, articles, brief, q.cite, ["quotes", i, "cite"]);
    if (paragraph && !run.quoteIn(q.text, paragraph))
      run.diagnostics.push(
        error({
          ...run.at(brief.file, ["quotes", i, "text"]),
          message: `quote not found verbatim in ${formatParagraphRef(q.cite)}`,
          hint: "copy the words exactly as the paragraph gives them; mark left-out words with '...'",
        }),
      );
    if (run.actors.byId.has(q.actor) && !listed.has(q.actor))
      run.diagnostics.push(
        warning({
          ...run.at(brief.file, ["quotes", i, "actor"]),
          message: `'${q.actor}' is quoted but not listed in actors`,
          hint: "add it to actors with its role in the story",
        }),
      );
  });
}

/** The body's actor links, citations and links, read with the grammar the model renders with. */
function checkBody(run: Run, articles: KnownArticles, brief: CitingBrief): void {
  const { file } = brief;
  for (const ref of run.bodyReferences(file)) {
    if (ref.kind === "actor") {
      if (!run.actors.byId.has(ref.id) && !run.actors.broken.has(ref.id))
        run.diagnostics.push(unknownBodyActor(run.actors, ref, bodyPlace(file, ref)));
    } else if (ref.kind === "link") {
      const refused = refusedLink(ref);
      if (refused) run.diagnostics.push(error({ ...bodyPlace(file, ref), ...refused }));
    } else checkBodyCitation(run, articles, brief, ref);
  }
}

function checkBodyCitation(run: Run, articles: KnownArticles, brief: CitingBrief, ref: CitationRef) {
  ref.refs.forEach((r, i) => {
    if (r) checkCitation(run, articles, brief, r, ref);
    else
      run.diagnostics.push(
        error({
          ...bodyPlace(brief.file, ref),
          message: `'${ref.parts[i]}' in ${ref.raw} is not a citation`,
          hint: "cite a paragraph as [@article-slug#p3]; several as [@a#p3, @b#p1]",
        }),
      );
  });
}

function unknownBodyActor(actors: KnownActors, ref: ActorLinkRef, where: Where): Diagnostic {
  if (ref.id === "")
    return error({
      ...where,
      message: `actor link '${ref.raw}' names no actor`,
      hint: "write [[actor-id]] or [[shown text|actor-id]]",
    });
  const guess = actors.suggest(ref.id);
  return error({
    ...where,
    message: `unknown actor '[[${ref.id}]]'${didYouMean(guess)}`,
    hint: guess
      ? `write [[${ref.text ? `${ref.text}|` : ""}${guess}]]`
      : "link actors as [[actor-id]] or [[shown text|actor-id]]",
  });
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
