/**
 * The check stage: every internal link, form target and asset reference in the rendered site resolves to a
 * file under the path prefix, and every `#fragment` to an element id on the target page.
 * Regex-based rather than a full HTML parser: the site's HTML comes from our own layouts, which
 * always quote attributes, and this stays fast at tens of thousands of pages.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

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

async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const idsOf = (text: string) => new Set(Array.from(text.matchAll(ID), (m) => m[1]!));

/** `notBuilt`: site folders deliberately absent from this build (`pagefind/` when indexing is off). */
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
  // target page → fragment → first page linking to it
  const fragments = new Map<string, Map<string, string>>();

  await inBatches(pages, 64, async (page) => {
    const text = await readFile(join(siteDir, page), "utf8");
    let ownIds: Set<string> | undefined;
    for (const m of text.matchAll(ATTR)) {
      const url = m[1]!.replace(/&amp;/g, "&");
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) continue; // external
      links++;
      const [pathAndQuery = "", fragment] = url.split("#", 2);
      const path = pathAndQuery.split("?")[0]!;
      if (path === "") {
        ownIds ??= idsOf(text);
        if (fragment && !ownIds.has(fragment))
          report(broken(page, url, `no element with id '${fragment}' on this page`));
        continue;
      }
      if (!path.startsWith("/")) {
        report(broken(page, url, "relative link; the layouts should only write links from the site root"));
        continue;
      }
      if (!path.startsWith(pathPrefix)) {
        report(broken(page, url, `does not start with the path prefix '${pathPrefix}'`));
        continue;
      }
      const rel = decodeURIComponent(path.slice(pathPrefix.length));
      if (notBuilt.some((folder) => rel.startsWith(folder))) continue;
      const target = rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
      if (!files.has(target)) {
        report(broken(page, url, "no such page in the built site"));
        continue;
      }
      if (fragment) {
        let wanted = fragments.get(target);
        if (!wanted) fragments.set(target, (wanted = new Map()));
        if (!wanted.has(fragment)) wanted.set(fragment, page);
      }
    }
  });

  await inBatches([...fragments], 64, async ([target, wanted]) => {
    const ids = idsOf(await readFile(join(siteDir, target), "utf8"));
    for (const [fragment, from] of wanted) {
      if (!ids.has(fragment))
        report(broken(from, `${target}#${fragment}`, `'${target}' has no element with id '${fragment}'`));
    }
  });

  if (more > 0) problems.push(error({ file: "_site", message: `…and ${more} more broken links` }));
  return { pages: pages.length, links, diagnostics: problems };
}

const broken = (page: string, url: string, why: string): Diagnostic =>
  error({
    file: page,
    message: `broken link '${url}': ${why}`,
    hint: "this is a bug in Briefbook's layouts or model, not in your content; please report it",
  });
