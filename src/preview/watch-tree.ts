/**
 * Watches a folder and everything under it with chokidar (the watcher Eleventy itself uses), which
 * watches folders made after the watch began and never opens a file (a named pipe would block).
 *
 * Chokidar 4 alone misses saves on Linux: when an editor saves by writing a new file and renaming
 * it over the old one (vim, sed -i, many IDEs) twice within about 50 ms (format-on-save, a script),
 * the last save is never reported and the preview would stay stale. The folder's own watcher does
 * see every such rename, and chokidar passes it on as a `raw` event; those of the folders are
 * reported too (a file's own watcher names only itself, which chokidar reports anyway).
 */
import path from "node:path";
import { watch } from "chokidar";

export interface TreeWatcher {
  close(): Promise<void>;
}

/**
 * Calls `changed` with the path (relative to `root`, `/`-separated) of every file or folder that
 * is added, changed, renamed or removed under `root`. Resolves once every folder under it is watched.
 */
export async function watchTree(
  root: string,
  changed: (rel: string) => void,
  failed: (e: Error) => void = () => {},
): Promise<TreeWatcher> {
  root = path.resolve(root);
  const report = (abs: string) => changed(path.relative(root, abs).split(path.sep).join("/"));
  // The folders chokidar watches: the scan lists them (before `ready`), events add and remove them.
  const folders = new Set<string>();
  let ready = false;
  // Symbolic links are reported, not followed: the watch never leaves `root`.
  const watcher = watch(root, { followSymlinks: false });
  watcher.on("all", (event, abs) => {
    if (event === "addDir") folders.add(abs);
    else if (event === "unlinkDir") folders.delete(abs);
    if (ready) report(abs);
  });
  watcher.on("raw", (_event, name, details) => {
    const dir = (details as { watchedPath?: string }).watchedPath;
    if (ready && dir && name && folders.has(dir)) report(path.join(dir, name));
  });
  watcher.on("error", (e) => failed(e instanceof Error ? e : new Error(String(e))));
  await new Promise<void>((resolve) => watcher.once("ready", resolve));
  ready = true;
  return { close: () => watcher.close() };
}
