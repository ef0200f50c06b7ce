import type { SiteModel } from "../model/types.ts";

type Counted = readonly unknown[];

/** What each stage did, in a few words for a person watching the build (`npm run build` prints them). */
export const summaries = {
  load: (r: { readonly files: Counted }) => `${r.files.length} files`,
  validate: ({ content: c }: { readonly content: { briefs: Counted; articles: Counted; actors: Counted } }) =>
    `${c.briefs.length} briefs, ${c.articles.length} articles, ${c.actors.length} actors`,
  model: (m: SiteModel) =>
    `${m.briefs.length} briefs published, ${m.topics.length} topics, ${m.timeline.length} events`,
  // Files, not pages: feeds, the sitemap and open data are written too; the check stage counts the HTML pages.
  render: (r: { readonly pages: number; readonly failure?: unknown }) => (r.failure ? "failed" : `${r.pages} files`),
  index: (r: { readonly pages: number }) => `${r.pages} pages indexed`,
  check: (r: { readonly links: number; readonly pages: number }) => `${r.links} links in ${r.pages} pages`,
} as const;
