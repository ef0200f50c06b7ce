/**
 * Issue #16's "two builds byte-identical", measured by the bench when asked (`--reproducible`):
 * our build runs a second time into another folder and every file of both outputs is hashed.
 * Off by default, as it doubles the build's time (~5 min more at N = 10,000);
 * test/scripts/reproducible-build.test.ts checks the same on the bundled content in `npm test`.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { runBriefbookBuild } from "./briefbook-build.ts";

export interface ReproducibleBuild {
  /** Files in either output. */
  readonly files: number;
  /** Files whose bytes differ, or that only one output has. */
  readonly differing_files: number;
  /** A few of them, for the log. */
  readonly examples: readonly string[];
}

async function fileHashes(root: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    hashes.set(
      path.relative(root, file),
      createHash("sha256")
        .update(await readFile(file))
        .digest("hex"),
    );
  }
  return hashes;
}

/** Files that differ between two output folders, by path relative to each. */
export async function compareOutputs(first: string, second: string): Promise<ReproducibleBuild> {
  const [a, b] = await Promise.all([fileHashes(first), fileHashes(second)]);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const differing = paths.filter((p) => a.get(p) !== b.get(p));
  return { files: paths.length, differing_files: differing.length, examples: differing.slice(0, 5) };
}

/** Builds `contentDir` once more beside `firstOut` and compares; the second output is removed after. Null if that build fails. */
export async function measureReproducible(
  contentDir: string,
  firstOut: string,
  logFile: string,
): Promise<ReproducibleBuild | null> {
  const secondOut = `${firstOut}-again`;
  try {
    const again = await runBriefbookBuild(contentDir, secondOut, logFile);
    return again?.run.ok ? await compareOutputs(firstOut, secondOut) : null;
  } finally {
    await rm(secondOut, { recursive: true, force: true });
  }
}
