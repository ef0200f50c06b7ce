import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildThenIndex, type BaselineRun } from "../baseline-run.ts";
import { REPO_ROOT } from "../briefbook-build.ts";

const BUILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "build.ts");

/** Bare Eleventy over the corpus's Markdown files (see build.ts), then Pagefind over its output. */
export function runBareEleventyBaseline(corpusDir: string, workDir: string, logFile: string): Promise<BaselineRun> {
  const outDir = path.join(workDir, "bare-eleventy");
  return buildThenIndex([process.execPath, "--import", "tsx", BUILD, corpusDir, outDir], outDir, {
    cwd: REPO_ROOT,
    logFile,
  });
}
