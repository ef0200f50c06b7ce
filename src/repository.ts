/**
 * The repository's own folders (layouts, public files), found from this file so builds and the
 * preview work from any working directory. Shared by the orchestrator, the render stage and the
 * preview; it imports no stage.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPOSITORY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const LAYOUTS_DIR = join(REPOSITORY_DIR, "layouts");
export const PUBLIC_DIR = join(REPOSITORY_DIR, "public");

/** A hash of the stylesheet's content, for its address: browsers never keep a stale one. */
export async function stylesheetVersion(): Promise<string> {
  const css = await readFile(join(PUBLIC_DIR, "css", "site.css"));
  return createHash("sha256").update(css).digest("hex").slice(0, 10);
}
