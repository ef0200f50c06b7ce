/** The options every Briefbook command shares, read from argv and the environment. */
import { parseArgs } from "node:util";

export interface CommonArgs {
  readonly contentDir: string;
  readonly outDir: string;
  readonly pathPrefix: string;
  readonly drafts: boolean;
}

/** `some-repo`, `/some-repo`, `/some-repo/` → `/some-repo/`; empty → `/`. */
export function normalizePathPrefix(prefix: string | undefined): string {
  const parts = (prefix ?? "").split("/").filter(Boolean);
  return parts.length === 0 ? "/" : `/${parts.join("/")}/`;
}

export function commonArgs(argv: readonly string[], usage: string): CommonArgs {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        content: { type: "string", default: "content" },
        out: { type: "string", default: "_site" },
        pathprefix: { type: "string" },
        drafts: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    return {
      contentDir: values.content,
      outDir: values.out,
      pathPrefix: normalizePathPrefix(values.pathprefix ?? process.env.PATH_PREFIX),
      drafts: values.drafts,
    };
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
    process.exit(2);
  }
}
