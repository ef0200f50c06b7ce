/**
 * Absolute addresses, for what is read away from the site (feeds, the sitemap, canonical links,
 * JSON-LD, open data). The one rule: site.yaml's `url` (or BRIEFBOOK_URL over it, src/validate/site-url.ts)
 * gives the origin, and the path prefix the site's place under it, as every link on a page has it.
 * Without a `url` (a production build warns) the address is the prefixed path alone.
 */
import type { RenderContext } from "../src/render/context.ts";
import type { IsoDate } from "../src/validate/dates.ts";
import type { SitePath } from "../src/model/urls.ts";
import type { Brief } from "../src/model/types.ts";

export function absoluteUrl(ctx: RenderContext, path: SitePath): string {
  const href = ctx.href(path);
  const { url } = ctx.model.site;
  return url ? new URL(href, url).href : href;
}

/** When a brief last changed: its latest update's date, else its own. */
export const briefModified = (b: Brief): IsoDate =>
  b.updates.reduce<IsoDate>((latest, u) => (u.date > latest ? u.date : latest), b.date);

/** A content date as an instant, at midnight UTC: output dates come from content, never from the clock. */
export const instantOf = (d: IsoDate): Date => new Date(`${d}T00:00:00Z`);
