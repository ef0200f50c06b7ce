/**
 * npm run import -- FILE.txt [MORE.txt ...] [--slug SLUG] [--force] [--content DIR]
 *
 * Imports each scraped plain-text article as content/articles/<slug>.md, in the order given,
 * stopping at the first that cannot be imported (those before it are written and reported): finds
 * the masthead and headline, splits the paragraphs, drops page boilerplate, and writes front matter
 * with every article field — empty, with a TODO comment, where the text does not say. The logic lives in
 * scripts/import/ as pure functions; this file only reads, writes and reports.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readContentFile } from "../src/load/read-file.ts";
import { isKebab } from "../src/validate/ids.ts";
import { parseImportArgs, USAGE, type ImportArgs } from "./import/args.ts";
import { parseArticleText } from "./import/parse.ts";
import { renderArticle, slugFromHeadline } from "./import/render.ts";
import { forTerminal } from "../src/text/escape.ts";

/** Scraped text for the terminal: quoted, with any control character shown, never sent. */
const quoted = (text: string) => forTerminal(JSON.stringify(text));

/** A problem to tell the user in one line; never a stack trace. */
class ImportError extends Error {}

/**
 * The file's text, read as the load stage reads content: a regular file only (a named pipe or
 * /dev/zero would never end), at most 2 MiB, checked before reading, and UTF-8 only.
 */
function readInput(file: string): string {
  const text = readContentFile(file, true);
  if (typeof text === "string") {
    if (text.includes("\u0000")) throw new ImportError(`'${file}' is not a plain-text file`);
    return text;
  }
  if (text.reason === "missing") throw new ImportError(`file not found: '${file}'`);
  if (text.reason === "too-large") throw new ImportError(`'${file}' is larger than 2 MiB; is it really one article?`);
  if (text.reason === "special") throw new ImportError(`'${file}' ${text.problem.replace("regular", "text")}`);
  if (text.reason === "not-utf8")
    throw new ImportError(`'${file}' line ${text.line}: not UTF-8 text; save it as UTF-8 and import it again`);
  throw new ImportError(`cannot read '${file}': ${text.problem}`);
}

async function main(argv: readonly string[]): Promise<number> {
  const parsedArgs = parseImportArgs(argv);
  if (!parsedArgs.ok) {
    if (parsedArgs.help) {
      console.log(USAGE);
      return 0;
    }
    console.error(`error: ${parsedArgs.error}\n${USAGE}`);
    return 2;
  }
  for (const file of parsedArgs.args.files) console.log(await importFile(file, parsedArgs.args));
  return 0;
}

/** Imports one file; returns the report to print. */
async function importFile(file: string, { force, contentDir, ...args }: ImportArgs): Promise<string> {
  const raw = readInput(file);
  if (raw.trim() === "") throw new ImportError(`'${file}' is empty`);
  const parsed = parseArticleText(raw);
  if (parsed.paragraphs.length === 0)
    throw new ImportError(`'${file}' has no article text (only a headline, masthead or boilerplate)`);

  const slug = args.slug ?? (parsed.headline ? slugFromHeadline(parsed.headline) : undefined);
  if (slug === undefined || slug === "")
    throw new ImportError(
      `'${file}' has no headline to make a file name from; pass --slug SLUG, such as --slug uk-halts-intel-sharing`,
    );
  if (!isKebab(slug))
    throw new ImportError(
      `'${slug}' is not a valid slug: use lower-case letters, digits and single hyphens, such as uk-halts-intel-sharing`,
    );

  const out = path.join(contentDir, "articles", `${slug}.md`);
  if (existsSync(out) && !force) throw new ImportError(`${out} already exists; pass --force to overwrite it`);

  const rendered = renderArticle(parsed, { importedFrom: path.basename(file) });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, rendered.text, { encoding: "utf8", flag: force ? "w" : "wx" });

  const { masthead } = parsed;
  const report = [
    `Imported ${file}`,
    `  headline:   ${parsed.headline ? quoted(parsed.headline) : "none found (title left for the editor)"}`,
    `  masthead:   ${masthead.outlet ? `outlet ${quoted(masthead.outlet)}${masthead.section ? `, section ${quoted(masthead.section)}` : ""}` : "none found"}`,
    ...(parsed.byline ? [`  byline:     ${quoted(parsed.byline)}`] : []),
    ...(parsed.published ? [`  published:  ${parsed.published}`] : []),
    `  paragraphs: ${parsed.paragraphs.length} (${parsed.style === "blank-line" ? "separated by blank lines" : "one per line"})`,
    `  removed:    ${parsed.removed.length === 0 ? "nothing" : `${parsed.removed.length} line${parsed.removed.length === 1 ? "" : "s"}`}`,
    ...parsed.removed.map((r) => `    line ${r.line} (${r.rule}): ${forTerminal(r.text)}`),
    ...(parsed.notes.length ? ["  check:", ...parsed.notes.map((n) => `    ${forTerminal(n)}`)] : []),
    `Wrote ${out}${force ? " (overwritten if it existed)" : ""}`,
    ...(rendered.todos.length
      ? [`TODO(editor) in ${out}:`, ...rendered.todos.map((t) => `  - ${t}`), "Then run npm run check."]
      : ["Run npm run check."]),
  ];
  return report.join("\n");
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof ImportError) console.error(`error: ${e.message}`);
    else if ((e as NodeJS.ErrnoException).code === "EEXIST")
      console.error("error: the article file appeared while importing; pass --force to overwrite it");
    else console.error(`error: ${(e as Error).message ?? String(e)}`);
    process.exitCode = 1;
  },
);
