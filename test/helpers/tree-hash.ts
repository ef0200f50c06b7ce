/** A hash of every file's path and bytes under `dir` (followed through a link at `dir`, as `_site` is). */
import { createHash } from "node:crypto";
import { readdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";

export async function treeHash(dir: string): Promise<string> {
  const root = await realpath(dir);
  const hash = createHash("sha256");
  const entries = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const files = entries.map((e) => path.join(e.parentPath, e.name)).sort();
  for (const f of files)
    hash
      .update(path.relative(root, f))
      .update("\0")
      .update(await readFile(f));
  return hash.digest("hex");
}
