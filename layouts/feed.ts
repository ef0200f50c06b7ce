import { html } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";
import { feedPath, homePath } from "../src/model/urls.ts";

/** Feed readers need bounded feeds: the latest briefs only. */
const FEED_ENTRIES = 20;

/** Atom feed of the latest briefs. Absolute links when `site.url` is set, else prefixed paths. */
export function feed(ctx: RenderContext): string {
  const { site, briefs } = ctx.model;
  const origin = site.url ? new URL(site.url).origin : "";
  const abs = (p: Parameters<RenderContext["href"]>[0]) => origin + ctx.href(p);
  const latest = briefs.slice(0, FEED_ENTRIES);
  const updated = latest[0]?.date ?? "1970-01-01";
  return `<?xml version="1.0" encoding="utf-8"?>\n${
    html`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.language}">
<title>${site.title}</title>
${site.tagline ? html`<subtitle>${site.tagline}</subtitle>` : ""}
<link href="${abs(homePath)}"/>
<link rel="self" href="${abs(feedPath)}"/>
<id>${abs(homePath)}</id>
<updated>${updated}T00:00:00Z</updated>
${latest.map(
  (b) => html`<entry>
<title>${b.title}</title>
<link href="${abs(b.path)}"/>
<id>${abs(b.path)}</id>
<updated>${b.date}T00:00:00Z</updated>
<summary>${b.dek}</summary>
</entry>`,
)}
</feed>
`.value
  }`;
}
