import type { Diagnostic } from "../diagnostics/diagnostic.ts";
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

/** A problem found in an output page, told against the content file the page is made from. */
export function aboutSource(d: Diagnostic, pageSources: Readonly<Record<string, string>>): Diagnostic {
  const source = pageSources[d.file];
  return source
    ? { ...d, file: source, message: `on its page /${d.file.replace(/index\.html$/, "")}: ${d.message}` }
    : d;
}
