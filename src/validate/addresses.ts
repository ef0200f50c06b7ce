/**
 * Names content may not take, because the site's generated addresses need them. Every page
 * address is `/<folder>/<id>/` (an id is a file name or a topic's slug), and a paginated list at
 * `/<folder>/` continues at `/<folder>/page/2/`. The model builds its addresses from these same
 * constants (src/model/urls.ts), so validation and the output cannot drift apart. The clashes:
 * - an id `page` in a folder whose list is paginated: briefs, actors, and outlets (`/outlets/`);
 * - the actor id `outlet-not-stated`: `/outlets/outlet-not-stated/` lists articles with no outlet;
 * - a topic whose slug is too long to be a folder name (and an address anyone can read);
 * - two topics that differ in more than case, spacing and accents but share a slug (`C++`, `C#`):
 *   one page would list both under the first one's name.
 */
import type { ContentKind } from "../load/source-file.ts";
import { topicSlug } from "./ids.ts";

/** The path segment before a list's page number: `/briefs/page/2/`. */
export const PAGE_SEGMENT = "page";
/** The outlet address segment of articles whose outlet the source does not name. */
export const UNSTATED_OUTLET = "outlet-not-stated";
/** A topic's slug names a folder (at most 255 bytes on common file systems); this keeps it readable too. */
const MAX_TOPIC_SLUG = 100;

export interface AddressProblem {
  readonly message: string;
  readonly hint: string;
}

/** Folders whose list pages continue under `page/`: a file with that name would sit among them. */
const PAGINATED: Partial<Record<ContentKind, string>> = { brief: "/briefs/", actor: "/actors/" };

/** Why a content file may not have this name, or undefined when it may. */
export function takenAddress(kind: ContentKind, slug: string): AddressProblem | undefined {
  const folder = PAGINATED[kind];
  const rename = `rename the file (and every reference to '${slug}') to another id`;
  if (folder && slug === PAGE_SEGMENT)
    return {
      message: `the id '${PAGE_SEGMENT}' is kept for page numbers: ${folder}${PAGE_SEGMENT}/2/ is the second page of the list${kind === "actor" ? `, and so is /outlets/${PAGE_SEGMENT}/2/ for an outlet` : ""}`,
      hint: rename,
    };
  if (kind === "actor" && slug === UNSTATED_OUTLET)
    return {
      message: `the id '${UNSTATED_OUTLET}' is kept for /outlets/${UNSTATED_OUTLET}/, the list of articles whose outlet is not stated`,
      hint: rename,
    };
  return undefined;
}

/** Why a topic cannot have a page address, or undefined when it can. */
export function topicAddressProblem(topic: string): AddressProblem | undefined {
  const slug = topicSlug(topic);
  if (slug === "")
    return {
      message: `topic '${topic}' has no letters or digits to make a page address from`,
      hint: "write the topic in words, such as 'Intelligence sharing'",
    };
  if (slug.length > MAX_TOPIC_SLUG)
    return {
      message: `topic '${topic.slice(0, 40)}…' is too long for a page address: /topics/${slug.slice(0, 20)}…/ would be ${slug.length} characters, at most ${MAX_TOPIC_SLUG} fit`,
      hint: "shorten the topic to a few words, such as 'Intelligence sharing'; say the rest in the brief",
    };
  return undefined;
}

/** How a topic is told apart from another: case, accents, spaces and hyphens aside. */
const topicKey = (topic: string) =>
  topic
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s_-]+/g, " ")
    .trim();

/** Where a topic was first written: its name and the file that named it. */
export interface TopicSeen {
  readonly topic: string;
  readonly file: string;
}

/**
 * Why `topic` cannot share its page with the topic first seen at the same address, or undefined:
 * the same topic written again (in any case or spacing) shares it on purpose.
 */
export function sharedTopicAddress(topic: string, first: TopicSeen): AddressProblem | undefined {
  if (topicKey(topic) === topicKey(first.topic)) return undefined;
  return {
    message: `topics '${first.topic}' (${first.file}) and '${topic}' would share the page /topics/${topicSlug(topic)}/`,
    hint: `write the topic in words that set it apart, such as '${topic.replace(/#/g, " sharp").replace(/\+/g, " plus")}'`,
  };
}
