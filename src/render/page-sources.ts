import type { Page } from "./pages.ts";

/** The content file a page is made from, when it is made from one. */
export function sourceFileOf(page: Page): string | undefined {
  switch (page.layout) {
    case "brief":
      return page.brief.file;
    case "article":
      return page.article.file;
    case "actor":
      return page.actor.file;
    case "topic":
      return page.topic.briefs[0]?.file;
    default:
      return undefined;
  }
}

/** Each page made from one content file, by its output file as the link check names it. */
export function pageSourcesOf(pages: readonly Page[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const page of pages) {
    const source = sourceFileOf(page);
    if (source) out[`${page.path.slice(1)}${page.path.endsWith("/") ? "index.html" : ""}`] = source;
  }
  return out;
}
