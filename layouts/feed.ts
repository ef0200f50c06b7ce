import type { RenderContext } from "../src/render/context.ts";
import { feedPath, homePath } from "../src/model/urls.ts";
import { escapeXml } from "../src/text/escape.ts";

/** Feed readers need bounded feeds: the latest briefs only. */
const FEED_ENTRIES = 20;

/**
 * Atom feed of the latest briefs. Absolute links when `site.url` is set, else prefixed paths.
 * Written as XML, not through the `html` tag: every value goes through `escapeXml`, which also
 * drops the control characters XML 1.0 cannot carry (one would make readers refuse the feed).
 */
export function feed(ctx: RenderContext): string {
  const { site, briefs } = ctx.model;
  const origin = site.url ? new URL(site.url).origin : "";
  const abs = (p: Parameters<RenderContext["href"]>[0]) => escapeXml(origin + ctx.href(p));
  const latest = briefs.slice(0, FEED_ENTRIES);
  const updated = latest[0]?.date ?? "1970-01-01";
  const entries = latest.map(
    (b) => `<entry>
<title>${escapeXml(b.title)}</title>
<link href="${abs(b.path)}"/>
<id>${abs(b.path)}</id>
<updated>${escapeXml(b.date)}T00:00:00Z</updated>
<summary>${escapeXml(b.dek)}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">
<title>${escapeXml(site.title)}</title>
${site.tagline ? `<subtitle>${escapeXml(site.tagline)}</subtitle>` : ""}
<link href="${abs(homePath)}"/>
<link rel="self" href="${abs(feedPath)}"/>
<id>${abs(homePath)}</id>
<updated>${escapeXml(updated)}T00:00:00Z</updated>
${entries.join("")}
</feed>
`;
}
