/** The command line of `npm run import`, parsed without side effects so it can be tested. */

export const USAGE = `usage: npm run import -- FILE.txt [--slug SLUG] [--force] [--content DIR]

Turns a scraped plain-text article into content/articles/<slug>.md.
  --slug SLUG    file name (and citation prefix) of the article; default: from the headline
  --force        overwrite an existing article file
  --content DIR  the content folder; default: content`;

export interface ImportArgs {
  readonly file: string;
  readonly slug?: string;
  readonly force: boolean;
  readonly contentDir: string;
}

export type ParsedArgs =
  | { readonly ok: true; readonly args: ImportArgs }
  | { readonly ok: false; readonly help?: boolean; readonly error?: string };

export function parseImportArgs(argv: readonly string[]): ParsedArgs {
  let file: string | undefined;
  let slug: string | undefined;
  let force = false;
  let contentDir = "content";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "" || (inline === undefined && v.startsWith("--")))
        throw new Error(`${flag} needs a value`);
      return v;
    };
    try {
      if (flag === "--help" || flag === "-h") return { ok: false, help: true };
      else if (flag === "--force" || flag === "-f") force = true;
      else if (flag === "--slug") slug = value();
      else if (flag === "--content") contentDir = value();
      else if (flag.startsWith("-") && flag !== "-") return { ok: false, error: `unknown option '${flag}'` };
      else if (file === undefined) file = arg;
      else return { ok: false, error: `one file at a time: got '${file}' and '${arg}'` };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }
  if (file === undefined) return { ok: false, error: "no file given" };
  return { ok: true, args: { file, slug, force, contentDir } };
}
