/**
 * Runs the real build command (`scripts/build.ts`) as an editor would, from any folder, and
 * fingerprints folders so a test can tell "untouched", "the old site" and "the new site" apart.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fixture } from "../helpers/content.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUILD = path.join(ROOT, "scripts", "build.ts");
const TSX = import.meta.resolve("tsx");
const execFileAsync = promisify(execFile);

export const tempDir = (label: string) => mkdtemp(path.join(tmpdir(), `briefbook-${label}-`));

export interface RunningBuild {
  readonly child: ChildProcess;
  /** Resolves when stdout has a line matching `pattern`; rejects if the build exits first. */
  lineMatching(pattern: RegExp): Promise<string>;
  /** Exit code (null when killed), stdout and stderr, once the build has ended. */
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

export function startBuild(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const child = spawn(process.execPath, ["--import", TSX, BUILD, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, BRIEFBOOK_DEBUG: "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiting: { pattern: RegExp; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  const settle = () => {
    for (const w of [...waiting]) {
      const line = stdout.split("\n").find((l) => w.pattern.test(l));
      if (line === undefined) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(line);
    }
  };
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    settle();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => {
      for (const w of waiting.splice(0)) w.reject(new Error(`build ended before ${w.pattern}:\n${stdout}${stderr}`));
      resolve({ code, stdout, stderr });
    }),
  );
  return {
    child,
    done,
    lineMatching: (pattern: RegExp) =>
      new Promise<string>((resolve, reject) => {
        waiting.push({ pattern, resolve, reject });
        settle();
      }),
  } satisfies RunningBuild;
}

export const runBuild = (args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  startBuild(args, options).done;

export { treeHash } from "../helpers/tree-hash.ts";

/**
 * Which site a folder holds, whole, comparable between two builds of the same content: every
 * page's bytes, and the search index's files by name (Pagefind's filter files and their hashed
 * names differ from one run to the next), checked to include the metadata its entry file names.
 */
export async function siteFingerprint(dir: string): Promise<string> {
  const entry = JSON.parse(await readFile(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string }>;
  };
  for (const { hash } of Object.values(entry.languages))
    await readFile(path.join(dir, "pagefind", `pagefind.${hash}.pf_meta`));
  const hash = createHash("sha256");
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const files = entries.map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  for (const f of files) {
    if (f.startsWith(`pagefind${path.sep}`)) hash.update(f.replace(/_[0-9a-f]{7,}\./, "_#.")).update("\0");
    else
      hash
        .update(f)
        .update("\0")
        .update(await readFile(path.join(dir, f)));
  }
  return hash.digest("hex");
}

/** Two copies of the minimal fixture that build to different sites (the site title differs). */
export async function twoContents(dir: string): Promise<{ a: string; b: string }> {
  const a = path.join(dir, "content-a");
  const b = path.join(dir, "content-b");
  await cp(fixture("valid-minimal"), a, { recursive: true });
  await cp(fixture("valid-minimal"), b, { recursive: true });
  const site = await readFile(path.join(b, "site.yaml"), "utf8");
  await writeFile(path.join(b, "site.yaml"), site.replace(/^title: .*$/m, "title: Briefbook Second Desk"));
  return { a, b };
}

/**
 * Makes `folder` refuse new entries, so a publish into it fails for real: read-only for a user,
 * immutable (chattr +i) for root, who ignores modes. Undefined where neither works; checked by trying.
 */
export async function lockedAgainstNewEntries(folder: string): Promise<{ undo(): Promise<void> } | undefined> {
  const probe = path.join(folder, "probe");
  const refuses = () =>
    writeFile(probe, "").then(
      () => rm(probe).then(() => false),
      () => true,
    );
  await chmod(folder, 0o555);
  if (await refuses()) return { undo: () => chmod(folder, 0o755) };
  await chmod(folder, 0o755);
  const chattr = (flag: string) =>
    execFileAsync("chattr", [flag, folder]).then(
      () => true,
      () => false,
    );
  if ((await chattr("+i")) && (await refuses())) return { undo: () => chattr("-i").then(() => undefined) };
  await chattr("-i");
  return undefined;
}
