/**
 * What search engines read first: /sitemap.xml (every page a reader can land on, with `lastmod`
 * from content dates, never the build's clock; past 50,000 addresses, an index of files) and
 * /robots.txt naming it. The sitemap protocol's XML is five elements deep in total; it is written
 * through escapeXml, like every XML text.
 */
import type { RenderContext } from "../src/render/context.ts";
import { isListedInSitemap, pagesOf, SITEMAP_URLS, type Page } from "../src/render/pages.ts";
import { sitemapPartPath, sitemapPath, type SitePath } from "../src/model/urls.ts";
import { publicationDate } from "../src/model/types.ts";
import type { ActorId } from "../src/validate/ids.ts";
import type { IsoDate } from "../src/validate/dates.ts";
import { escapeXml } from "../src/text/escape.ts";
import { absoluteUrl, briefModified } from "./site-address.ts";

const newest = (dates: readonly (IsoDate | undefined)[]): IsoDate | undefined =>
  dates.reduce<IsoDate | undefined>((a, d) => (d && (!a || d > a) ? d : a), undefined);

type ActorChanged = (id: ActorId) => IsoDate | undefined;

/**
 * An actor's newest mention, worked out once per actor: a much-named actor has a page per 50
 * mentions, and reading all its mentions for each of them made the sitemap quadratic (2.9 s of
 * CPU at 10,000 briefs).
 */
function actorChangedOf(ctx: RenderContext): ActorChanged {
  const known = new Map<ActorId, IsoDate | undefined>();
  return (id) => {
    if (!known.has(id)) known.set(id, newest(ctx.model.mentionsOf(id).map(publicationDate)));
    return known.get(id);
  };
}

/** When a page last changed, as far as content says; undefined when it does not. `siteChanged`: the newest brief's change, for the lists of every brief. */
function lastModified(page: Page, siteChanged: IsoDate | undefined, actorChanged: ActorChanged): IsoDate | undefined {
  switch (page.layout) {
    case "brief":
      return briefModified(page.brief);
    case "article":
      return page.article.published;
    case "actor":
      return actorChanged(page.actor.id);
    case "topic":
      return newest(page.topic.briefs.map(briefModified));
    case "outlet":
      return newest(page.outlet.articles.map((a) => a.published));
    case "home":
    case "briefs":
    case "timeline":
      return siteChanged;
    default:
      return undefined;
  }
}

const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** `<loc>` and, when content dates it, `<lastmod>`: the body of a `<url>` or of an index's `<sitemap>`. */
const located = (ctx: RenderContext, path: SitePath, modified: IsoDate | undefined) =>
  `<loc>${escapeXml(absoluteUrl(ctx, path))}</loc>${modified ? `<lastmod>${modified}</lastmod>` : ""}`;

/**
 * /sitemap.xml: every listed page (HTML pages less the search form and the not-found page) with its
 * last change; or, past the protocol's 50,000 addresses per file (`perFile`), an index of the files
 * `/sitemap-1.xml`, … (`part`), each dated by its newest page. The files are `pagesOf`'s sitemap pages.
 */
export function sitemap(ctx: RenderContext, part?: number, perFile: number = SITEMAP_URLS): string {
  // Once, not per page: the brief list and the timeline have a page per 50 items.
  const siteChanged = newest(ctx.model.briefs.map(briefModified));
  const actorChanged = actorChangedOf(ctx);
  const listed = pagesOf(ctx.model).filter(isListedInSitemap);
  const files = Math.ceil(listed.length / perFile);
  if (part === undefined && files > 1) {
    const entries = Array.from({ length: files }, (_, i) => {
      const pages = listed.slice(i * perFile, (i + 1) * perFile);
      const modified = newest(pages.map((page) => lastModified(page, siteChanged, actorChanged)));
      return `<sitemap>${located(ctx, sitemapPartPath(i + 1), modified)}</sitemap>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NAMESPACE}">\n${entries.join("\n")}\n</sitemapindex>\n`;
  }
  const pages = part === undefined ? listed : listed.slice((part - 1) * perFile, part * perFile);
  const urls = pages.map(
    (page) => `<url>${located(ctx, page.path, lastModified(page, siteChanged, actorChanged))}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NAMESPACE}">\n${urls.join("\n")}\n</urlset>\n`;
}

/** robots.txt: everything may be crawled; the sitemap's address must be absolute, so it needs the site's `url`. */
export function robots(ctx: RenderContext): string {
  const url = absoluteUrl(ctx, sitemapPath);
  const sitemapLine = /^https?:/.test(url)
    ? `Sitemap: ${url}`
    : "# Sitemap: set `url` in site.yaml (or BRIEFBOOK_URL) to name the sitemap here.";
  return `User-agent: *\nAllow: /\n\n${sitemapLine}\n`;
}
