/**
 * The search comparison's reference: one Pagefind run over every indexed page of a built site,
 * given the pages one by one in URL order (code point order), which is the order the merge numbers
 * pages in (src/search/merge/pages.ts) and the one `test/search/merge.test.ts` proves it equal to.
 *
 * Pagefind's CLI over the folder (the reference before) numbers pages in the order its walk finds
 * them, which the file system decides; Pagefind breaks equal scores by page number, so at 10,000
 * briefs one query's 10th result differed from ours by a tie. This run is untimed by the build's
 * figures and needs the memory one Pagefind run over the whole site takes (~4.7 GiB at 10,000).
 *
 *   npx tsx bench/search/reference-index.ts SITE OUTPUT_SUBDIR [LANGUAGE]
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { byCodePoint } from "../../src/search/merge/format.ts";
import { PagefindProcess } from "../../src/search/pagefind-process.ts";

/** An element opening with the attribute, as the index stage looks for it. */
const BODY_ATTRIBUTE = /<[a-z][^>]*\sdata-pagefind-body[\s=>/]/i;

/** `/briefs/x/` for `briefs/x/index.html`, as Pagefind writes a folder's page URL. */
const urlOf = (file: string) =>
  `/${file
    .split(path.sep)
    .join("/")
    .replace(/(^|\/)index\.html$/, "$1")}`;

/** The site's pages carrying `data-pagefind-body`, as [file, URL], in code point order of URL. */
async function indexedPagesInUrlOrder(siteDir: string): Promise<[string, string][]> {
  const files = (await readdir(siteDir, { recursive: true })).filter(
    (f) => f.endsWith(".html") && !f.startsWith("pagefind"),
  );
  const pages: [string, string][] = [];
  for (const file of files) {
    const html = await readFile(path.join(siteDir, file), "utf8");
    if (BODY_ATTRIBUTE.test(html)) pages.push([file, urlOf(file)]);
  }
  return pages.sort((a, b) => byCodePoint(a[1], b[1]));
}

async function writeReference(siteDir: string, outputSubdir: string, language: string | undefined) {
  const pages = await indexedPagesInUrlOrder(siteDir);
  const pagefind = new PagefindProcess();
  try {
    const created = await pagefind.request({ type: "NewIndex", config: { force_language: language } });
    if (created.type === "Error") throw new Error(String(created.message));
    const { index_id } = created;
    for (const [file, url] of pages) {
      const file_contents = await readFile(path.join(siteDir, file), "utf8");
      const added = await pagefind.request({ type: "AddFile", index_id, url, file_contents });
      if (added.type === "Error") throw new Error(`${file}: ${String(added.message)}`);
    }
    // Fetched and written here: Pagefind answers WriteFiles before its files are whole.
    const got = await pagefind.request({ type: "GetFiles", index_id });
    if (got.type === "Error") throw new Error(String(got.message));
    const out = path.join(siteDir, outputSubdir);
    await rm(out, { recursive: true, force: true });
    for (const f of got.files as { path: string; content: string }[]) {
      await mkdir(path.dirname(path.join(out, f.path)), { recursive: true });
      await writeFile(path.join(out, f.path), Buffer.from(f.content, "base64"));
    }
    console.log(`indexed ${pages.length} pages in URL order into ${outputSubdir}/`);
  } finally {
    await pagefind.close();
  }
}

const [site, subdir, language, ...rest] = process.argv.slice(2);
if (!site || !subdir || rest.length > 0) {
  console.error("usage: tsx bench/search/reference-index.ts SITE OUTPUT_SUBDIR [LANGUAGE]");
  process.exitCode = 2;
} else {
  writeReference(site, subdir, language).catch((e: unknown) => {
    console.error(`reference index: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
