import { rm } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "./briefbook-build.ts";
import { runMeasured, type MeasuredRun } from "./measured-process.ts";
import { outputStats, type OutputStats } from "./output-stats.ts";

/** A baseline generator's run followed by Pagefind over its output, each timed and measured on its own. */
export interface BaselineRun {
  /** The generator alone (Hugo, or bare Eleventy). */
  readonly build: MeasuredRun;
  /** Pagefind over the generator's output; null when the build failed. */
  readonly pagefind: MeasuredRun | null;
  readonly output: OutputStats | null;
}

/** Pagefind's CLI (the version the project pins) over a built site, writing `<siteDir>/pagefind`. */
export function runPagefind(siteDir: string, logFile: string): Promise<MeasuredRun> {
  return runMeasured(path.join(REPO_ROOT, "node_modules", ".bin", "pagefind"), ["--site", siteDir], {
    cwd: REPO_ROOT,
    logFile,
  });
}

/** Empties `outDir`, runs the generator command (which must write there), then Pagefind. */
export async function buildThenIndex(
  command: readonly [string, ...string[]],
  outDir: string,
  options: { readonly cwd: string; readonly logFile: string },
): Promise<BaselineRun> {
  await rm(outDir, { recursive: true, force: true });
  const [file, ...args] = command;
  const build = await runMeasured(file, args, options);
  const pagefind = build.ok ? await runPagefind(outDir, options.logFile) : null;
  return { build, pagefind, output: await outputStats(outDir) };
}
