/**
 * The preview's search index, in a process of its own at the lowest CPU priority (Pagefind's
 * indexer inherits it): started by src/preview/search-index.ts with the folder to index.
 * Exits 0 when the index stage wrote its bundles; problems are printed by `indexPreview`.
 */
import { setPriority } from "node:os";
import { close } from "pagefind";
import { indexPreview } from "../pipeline.ts";

// Stopped (the preview closed or a newer index is wanted): stop Pagefind's indexer with it.
process.once("SIGTERM", () => void close().finally(() => process.exit(1)));

try {
  setPriority(19);
} catch {
  // Not allowed here: index at normal priority.
}
const siteDir = process.argv[2];
if (!siteDir) throw new Error("usage: index-process.ts SITE_DIR");
await indexPreview(siteDir);
process.exit(0);
