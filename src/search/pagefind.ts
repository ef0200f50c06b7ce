/**
 * The index stage: Pagefind over the rendered site, through its Node API so that every failure
 * becomes a diagnostic rather than a log line.
 */
import { readFile } from "node:fs/promises";
import * as pagefind from "pagefind";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

export interface IndexResult {
  readonly pages: number;
  readonly diagnostics: readonly Diagnostic[];
}

export interface IndexOptions {
  /** The rendered site (the staging folder). */
  readonly siteDir: string;
  /** How many pages carry `data-pagefind-body`: the model's count of briefs, articles and actors. Unchecked when absent (preview). */
  readonly expectedPages?: number;
  /** Forces one language; without it Pagefind reads each page's `<html lang>` (the preview does). */
  readonly language?: string;
}

const fail = (message: string, hint?: string): Diagnostic =>
  error({ file: "pagefind", message, ...(hint ? { hint } : {}) });

export async function buildSearchIndex(opts: IndexOptions): Promise<IndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex(opts.language ? { forceLanguage: opts.language } : {});
    if (!index) return { pages: 0, diagnostics: [fail(`Pagefind could not start: ${errors.join("; ")}`)] };
    const added = await index.addDirectory({ path: opts.siteDir });
    if (added.errors.length > 0) return { pages: 0, diagnostics: added.errors.map((e) => fail(`Pagefind: ${e}`)) };
    const written = await index.writeFiles({ outputPath: `${opts.siteDir}/pagefind` });
    if (written.errors.length > 0) return { pages: 0, diagnostics: written.errors.map((e) => fail(`Pagefind: ${e}`)) };
    // addDirectory's page_count counts every HTML file it read; the entry file counts what was indexed.
    const pages = await indexedPages(opts.siteDir);
    const diagnostics =
      opts.expectedPages === undefined || pages === opts.expectedPages
        ? []
        : [
            fail(
              `Pagefind indexed ${pages} pages, but the site has ${opts.expectedPages} briefs, articles and actors`,
              "every brief, article and actor page must carry data-pagefind-body once (see layouts/)",
            ),
          ];
    return { pages, diagnostics };
  } catch (e) {
    return { pages: 0, diagnostics: [fail(`Pagefind failed: ${e instanceof Error ? e.message : String(e)}`)] };
  } finally {
    await pagefind.close();
  }
}

async function indexedPages(siteDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(`${siteDir}/pagefind/pagefind-entry.json`, "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}
