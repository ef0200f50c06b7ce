/**
 * Which folders a build may replace. `--out` names a folder the build deletes and rewrites, so a
 * slip (`--out .`, `--out content`, `--out ~`) must be refused before any work starts: the output
 * folder is Briefbook's own, or a new or empty one, and nothing else.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** Written into every output a build makes: how a later build knows the folder is its to replace. */
export const MARKER = ".briefbook-output";
/** Beside each output: its versions, staging folders and lock (`.briefbook/<output name>/`). */
export const STORE = ".briefbook";

export interface OutputPlace {
  readonly outDir: string;
  readonly contentDir: string;
  /** The Briefbook repository itself (the folder holding its package.json and .git). */
  readonly repository: string;
  readonly home: string;
}

/** The one reason `place.outDir` may not be built into, or undefined when it may. */
export function refusalOf(place: OutputPlace): Diagnostic | undefined {
  const out = canonical(place.outDir);
  const refuse = (why: string, hint = PICK_NEW) => error({ file: "--out", message: `'${place.outDir}' ${why}`, hint });
  if (dirname(out) === out) return refuse("is the root of the file system; the build would replace it");
  const guarded = [
    [real(place.repository), "the Briefbook repository"],
    [real(place.home), "your home folder"],
  ] as const;
  for (const [folder, what] of guarded)
    if (out === folder) return refuse(`is ${what}; the build would replace it with the site`);
  if (existsSync(join(out, ".git"))) return refuse("is a git repository; the build would replace it with the site");
  const content = real(place.contentDir);
  if (out === content) return refuse("is the content folder; the build would replace your content with the site");
  if (within(content, out))
    return refuse("holds the content folder; the build would replace it, content and all, with the site");
  if (within(out, content)) return refuse("is inside the content folder; the site would be read back as content");
  for (const [folder, what] of guarded)
    if (within(folder, out)) return refuse(`holds ${what}; the build would replace it with the site`);
  if (out.split(sep).includes(STORE)) return refuse(`is inside a ${STORE}/ folder, where builds keep their versions`);
  return refusalOfExisting(out, place.outDir, refuse);
}

const PICK_NEW = "pass --out a new folder, or one an earlier build made (the default is _site)";

/** What is already at the output path: nothing, an empty folder, or a Briefbook output is fine. */
function refusalOfExisting(
  out: string,
  shown: string,
  refuse: (why: string, hint?: string) => Diagnostic,
): Diagnostic | undefined {
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    return undefined; // nothing there yet
  }
  if (stat.isSymbolicLink()) {
    if (isOwnLink(out)) return undefined;
    return refuse("is a symbolic link Briefbook did not make; the build would replace it");
  }
  if (!stat.isDirectory()) return refuse("is a file, not a folder");
  const entries = readdirSync(out);
  if (entries.length === 0 || entries.includes(MARKER)) return undefined;
  const some = entries.slice(0, 3).join(", ") + (entries.length > 3 ? ", …" : "");
  return refuse(
    `holds files Briefbook did not write (${some}); the build would delete them`,
    `${PICK_NEW}. If it is a site built by an older Briefbook (before outputs carried a ${MARKER} ` +
      `file), check it and delete it once: rm -r '${shown}'`,
  );
}

/** The link a build makes: `<name>` → `.briefbook/<name>/<version>`, relative, so the folder can move. */
export function isOwnLink(out: string): boolean {
  const target = readlinkSync(out);
  const parts = target.split("/");
  return parts.length === 3 && parts[0] === STORE && parts[1] === basename(out) && /^[\w.-]+$/.test(parts[2]!);
}

/**
 * The path with its parent's symbolic links resolved (`/tmp` → `/private/tmp`), but not the last
 * part: the output itself is a link a build made, and it is compared as the path the editor gave.
 */
function canonical(path: string): string {
  const absolute = resolve(path);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realOrAsGiven(parent), basename(absolute));
}

/** The path with every symbolic link resolved, as far as it exists. */
const real = (path: string) => realOrAsGiven(resolve(path));

function realOrAsGiven(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realOrAsGiven(parent), basename(path));
  }
}

/** True when `inner` is `outer` or lies under it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
