import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMeasured, type MeasuredRun } from "./measured-process.ts";

/** The repository root (this file is bench/briefbook-build.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The line the build prints when BRIEFBOOK_TIMINGS_JSON=1; the contract is described in bench/run.ts. */
export const TIMINGS_PREFIX = "BRIEFBOOK_TIMINGS ";
export const STAGES = ["load", "validate", "model", "render", "index", "check"] as const;
export type Stage = (typeof STAGES)[number];

export interface BuildTimings {
  readonly stages: Readonly<Record<Stage, number | null>>;
  readonly pages: number | null;
}

/** The last well-formed timings line; stages it lacks are null. Null when there is none. */
export function parseTimings(lines: readonly string[]): BuildTimings | null {
  for (const line of [...lines].reverse()) {
    let data: unknown;
    try {
      data = JSON.parse(line.slice(TIMINGS_PREFIX.length));
    } catch {
      continue;
    }
    if (!data || typeof data !== "object") continue;
    const record = data as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
    const stages = Object.fromEntries(STAGES.map((s) => [s, num(record[s])])) as Record<Stage, number | null>;
    return { stages, pages: num(record.pages) };
  }
  return null;
}

export interface BriefbookRun {
  readonly run: MeasuredRun;
  readonly timings: BuildTimings | null;
}

const BUILD_SCRIPT = path.join(REPO_ROOT, "scripts", "build.ts");

/**
 * Our production build, as `npm run build -- --content DIR --out OUT` runs it: the same tsx
 * command from package.json, started directly so npm's own process is not counted in the memory
 * figure. Null when scripts/build.ts does not exist (yet).
 */
export async function runBriefbookBuild(
  contentDir: string,
  outDir: string,
  logFile: string,
): Promise<BriefbookRun | null> {
  if (!existsSync(BUILD_SCRIPT)) return null;
  await rm(outDir, { recursive: true, force: true });
  const run = await runMeasured(
    path.join(REPO_ROOT, "node_modules", ".bin", "tsx"),
    [BUILD_SCRIPT, "--content", contentDir, "--out", outDir],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, BRIEFBOOK_TIMINGS_JSON: "1" },
      logFile,
      keepPrefix: TIMINGS_PREFIX,
    },
  );
  return { run, timings: parseTimings(run.keptLines) };
}
