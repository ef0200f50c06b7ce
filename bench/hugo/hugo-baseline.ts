import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildThenIndex, type BaselineRun } from "../baseline-run.ts";
import { convertCorpusToHugo } from "./convert-corpus.ts";

/** `hugo version`, or null when Hugo is not installed (Debian: `apt-get install hugo`). */
export function hugoVersion(): string | null {
  const r = spawnSync("hugo", ["version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * Hugo over the corpus converted to a minimal Hugo site, then Pagefind over Hugo's output.
 * The conversion is preparation and is not timed. Null when Hugo is absent.
 */
export async function runHugoBaseline(
  corpusDir: string,
  workDir: string,
  logFile: string,
): Promise<BaselineRun | null> {
  if (hugoVersion() === null) return null;
  const siteDir = path.join(workDir, "hugo-site");
  const outDir = path.join(workDir, "hugo-public");
  await convertCorpusToHugo(corpusDir, siteDir);
  return buildThenIndex(["hugo", "--source", siteDir, "--destination", outDir], outDir, { cwd: siteDir, logFile });
}
