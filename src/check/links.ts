/**
 * The check stage: every internal link, form target and asset reference in the rendered site resolves to a
 * file under the path prefix, and every `#fragment` to an element id on the target page.
 * Regex-based rather than a full HTML parser: the site's HTML comes from our own layouts, which
 * always quote attributes, and this stays fast at tens of thousands of pages.
 */
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, posix } from "node:path";
import { decodeHTMLAttribute } from "entities";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { isAllowedHref, schemeOf } from "../text/url-policy.ts";

export interface LinkCheckResult {
  readonly pages: number;
  readonly links: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Enough to act on; the rest are counted. */
const MAX_REPORTED = 50;
const ATTR = /\s(?:href|src|action)="([^"]*)"/g;
const ID = /\sid="([^"]+)"/g;

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      posix.join(
        posix
          .relative(root, e.parentPath ?? e.path)
          .split("\\")
          .join("/"),
        e.name,
      ),
    );
}

const idsOf = (text: string) => new Set(Array.from(text.matchAll(ID), (m) => m[1]!));

/** `notBuilt`: site folders not to look into: the search index, written at the same time by another process. */
export async function checkLinks(
  siteDir: string,
  pathPrefix: string,
  notBuilt: readonly string[] = [],
): Promise<LinkCheckResult> {
  const files = new Set(await listFiles(siteDir));
  const pages = [...files].filter((f) => f.endsWith(".html"));
  const problems: Diagnostic[] = [];
  let links = 0;
  let more = 0;
  const report = (d: Diagnostic) => (problems.length < MAX_REPORTED ? problems.push(d) : more++);
  // A site repeats its links (navigation, actor links) on thousands of pages: each is resolved once.
  const resolved = new Map<string, ResolvedLink>();
  // target page → fragment → first page linking to it
  const fragments = new Map<string, Map<string, string>>();

  // Synchronous reads: ~3x faster than fs/promises for 20,000 small files, and nothing else
  // in this process needs the event loop meanwhile (Pagefind works in its own process).
  for (const [n, page] of pages.entries()) {
    // Let the event loop breathe now and then (~50 ms of work at most): the index stage shares it,
    // answering Pagefind's messages and preparing its next bundle meanwhile.
    if (n % 100 === 99) await new Promise(setImmediate);
    const text = readFileSync(join(siteDir, page), "utf8");
    let ownIds: Set<string> | undefined;
    for (const m of text.matchAll(ATTR)) {
      let link = resolved.get(m[1]!);
      if (!link) {
        // A copy: the match is a slice of the page's text, and as a key it would keep the whole
        // page alive (all 23,000 pages at 20,000 documents: the check ran out of a 384 MB heap).
        const raw = Buffer.from(m[1]!).toString();
        resolved.set(raw, (link = resolveLink(raw, pathPrefix, files, notBuilt)));
      }
      if (link.kind === "external") continue;
      links++;
      if (link.kind === "refused") report(refused(page, link.url, link.scheme));
      else if (link.kind === "broken") report(broken(page, link.url, link.why));
      else if (link.kind === "same-page") {
        ownIds ??= idsOf(text);
        if (!ownIds.has(link.fragment))
          report(broken(page, link.url, `no element with id '${link.fragment}' on this page`));
      } else if (link.kind === "page" && link.fragment) {
        let wanted = fragments.get(link.target);
        if (!wanted) fragments.set(link.target, (wanted = new Map()));
        if (!wanted.has(link.fragment)) wanted.set(link.fragment, page);
      }
    }
  }

  for (const [target, wanted] of fragments) {
    const ids = idsOf(readFileSync(join(siteDir, target), "utf8"));
    for (const [fragment, from] of wanted) {
      if (!ids.has(fragment))
        report(broken(from, `${target}#${fragment}`, `'${target}' has no element with id '${fragment}'`));
    }
  }

  if (more > 0) problems.push(error({ file: "_site", message: `…and ${more} more broken links` }));
  return { pages: pages.length, links, diagnostics: problems };
}

type ResolvedLink =
  | { readonly kind: "external" }
  | { readonly kind: "refused"; readonly url: string; readonly scheme: string }
  | { readonly kind: "unchecked" }
  | { readonly kind: "same-page"; readonly url: string; readonly fragment: string }
  | { readonly kind: "page"; readonly target: string; readonly fragment?: string }
  | { readonly kind: "broken"; readonly url: string; readonly why: string };

/** What an href/src/action value points at in the built site; pure, so the caller can memoise it. */
function resolveLink(
  raw: string,
  pathPrefix: string,
  files: ReadonlySet<string>,
  notBuilt: readonly string[],
): ResolvedLink {
  // As the browser reads it: `&#106;avascript&colon;` is `javascript:`.
  const url = raw.includes("&") ? decodeHTMLAttribute(raw) : raw;
  // `data:,` is the empty document: the layouts' "no favicon" icon (layouts/base.ts), nothing in it can run.
  if (url === "data:,") return { kind: "external" };
  const scheme = schemeOf(url);
  if (scheme !== undefined) return isAllowedHref(url) ? { kind: "external" } : { kind: "refused", url: raw, scheme };
  if (url.startsWith("//")) return { kind: "external" };
  const [pathAndQuery = "", fragment] = url.split("#", 2);
  const path = pathAndQuery.split("?")[0]!;
  if (path === "") return fragment ? { kind: "same-page", url, fragment } : { kind: "unchecked" };
  if (!path.startsWith("/"))
    return { kind: "broken", url, why: "relative link; the layouts should only write links from the site root" };
  if (!path.startsWith(pathPrefix))
    return { kind: "broken", url, why: `does not start with the path prefix '${pathPrefix}'` };
  const rel = decodeURIComponent(path.slice(pathPrefix.length));
  if (notBuilt.some((folder) => rel.startsWith(folder))) return { kind: "unchecked" };
  const target = rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
  if (!files.has(target)) return { kind: "broken", url, why: "no such page in the built site" };
  return fragment ? { kind: "page", target, fragment } : { kind: "page", target };
}

/** Only http(s) and mailto: links may leave the site: anything else could run script in a reader's browser. */
const refused = (page: string, url: string, scheme: string): Diagnostic =>
  error({
    file: page,
    message: `link '${url}' uses the scheme '${scheme}', which the site never publishes`,
    hint: "look for it in the url fields and Markdown links of the content behind this page; if it is not there, please report it as a bug in Briefbook",
  });

const broken = (page: string, url: string, why: string): Diagnostic =>
  error({
    file: page,
    message: `broken link '${url}': ${why}`,
    hint: "this is a bug in Briefbook's layouts or model, not in your content; please report it",
  });
