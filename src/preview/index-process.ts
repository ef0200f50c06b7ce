/**
 * The preview's search index, built in a process of its own at the lowest CPU priority (Pagefind's
 * indexer inherits it), so that the preview's process spends nothing on it: started by
 * src/preview/search-index.ts with an `IndexRequest` as its one argument.
 *
 * It reads the content as a build does (load → validate → model), writes each searchable page
 * (`data-pagefind-body`) into `pagesDir` when its HTML differs from the file already there, removes
 * pages the site no longer has, and runs the index stage (`indexPreview`) over the folder, which
 * writes the index (`pagefind/`, merged from its bundles) into it. Exits 0 and reports the number of
 * pages when the index is written; 3 when the content has errors (the preview reports those).
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { setPriority } from "node:os";
import path from "node:path";
import { renderPage } from "../../layouts/index.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { loadContent } from "../load/load-content.ts";
import { buildModel } from "../model/build-model.ts";
import { renderInputOf } from "../render/render-input.ts";
import { searchSortsOf } from "../render/search-sorts.ts";
import { renderSettingsOf } from "../render-settings.ts";
import { indexPreview } from "./preview-source.ts";
import { outputPathOf } from "../render/pages.ts";
import { validateContent } from "../validate/validate.ts";

export interface IndexRequest {
  readonly contentDir: string;
  readonly pathPrefix: string;
  readonly includeDrafts: boolean;
  readonly pagesDir: string;
}

/** What the process reports when it is done. */
export interface IndexReport {
  readonly pages: number;
}

try {
  setPriority(19);
} catch {
  // Not allowed here: index at normal priority.
}
// Stopped (the preview closed): Pagefind's indexer ends with us, when its input closes.
process.once("SIGTERM", () => process.exit(1));

const request = JSON.parse(process.argv[2] ?? "{}") as IndexRequest;
const written = await writePages(request);
if (written === undefined) process.exit(3);
const { pages, sortValues } = written;
await indexPreview(request.pagesDir, sortValues);
process.send?.({ pages } satisfies IndexReport);
process.exit(0);

/** Writes the site's searchable pages into `pagesDir` (how many, and their sort values); undefined when the content has errors. */
async function writePages(req: IndexRequest) {
  const loaded = await loadContent(req.contentDir);
  const validated = validateContent(loaded.files);
  if (hasErrors([...loaded.diagnostics, ...validated.diagnostics])) return undefined;
  const model = buildModel(validated.content, { pathPrefix: req.pathPrefix, includeDrafts: req.includeDrafts });
  const input = renderInputOf(model, await renderSettingsOf(model, { ...req, preview: req.includeDrafts }));
  const kept = new Set<string>();
  for (const page of input.pages) {
    const html = renderPage(page, input.context);
    // Pages without data-pagefind-body are not searchable; the index stage skips them anyway.
    if (!html.includes("data-pagefind-body")) continue;
    const file = path.join(req.pagesDir, outputPathOf(page.path));
    kept.add(file);
    if ((await readFile(file, "utf8").catch(() => undefined)) === html) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, html);
  }
  for (const entry of await readdir(req.pagesDir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && file.endsWith(".html") && !kept.has(file)) await rm(file, { force: true });
  }
  return { pages: kept.size, sortValues: searchSortsOf(input.pages) };
}
