/** The command line of `npm run import`, parsed without side effects so it can be tested. */
import { parseArgs } from "node:util";

export const USAGE = `usage: npm run import -- FILE.txt [MORE.txt ...] [--slug SLUG] [--force] [--content DIR]

Turns each scraped plain-text article into content/articles/<slug>.md.
  --slug SLUG    file name (and citation prefix), one file only; default: from the headline
  --force        overwrite an existing article file
  --content DIR  the content folder; default: content`;

export interface ImportArgs {
  /** One or more, in the order given. */
  readonly files: readonly string[];
  readonly slug?: string;
  readonly force: boolean;
  readonly contentDir: string;
}

export type ParsedArgs =
  | { readonly ok: true; readonly args: ImportArgs }
  | { readonly ok: false; readonly help?: boolean; readonly error?: string };

const OPTIONS = {
  slug: { type: "string" },
  force: { type: "boolean", short: "f" },
  content: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * `node:util` `parseArgs`, read token by token so that each mistake keeps its one-line message:
 * the first unknown option, or option without a value, in the order given.
 */
export function parseImportArgs(argv: readonly string[]): ParsedArgs {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    if (t.name === "help") return { ok: false, help: true };
    if (!Object.hasOwn(OPTIONS, t.name)) return { ok: false, error: `unknown option '${t.rawName}'` };
    const v = t.value;
    if (OPTIONS[t.name as keyof typeof OPTIONS].type === "string" && (!v || (!t.inlineValue && v.startsWith("--"))))
      return { ok: false, error: `${t.rawName} needs a value` };
  }
  const str = (v: string | boolean | undefined) => (typeof v === "string" ? v : undefined);
  const slug = str(values.slug);
  if (positionals.length === 0) return { ok: false, error: "no file given" };
  if (slug !== undefined && positionals.length > 1)
    return { ok: false, error: `--slug names one article: got ${positionals.length} files; import them one at a time` };
  return {
    ok: true,
    args: { files: positionals, slug, force: values.force === true, contentDir: str(values.content) ?? "content" },
  };
}
