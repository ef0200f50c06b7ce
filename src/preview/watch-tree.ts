/**
 * Watches a folder and every folder under it, one watcher per folder. Node 20's
 * `fs.watch(…, { recursive: true })` on Linux watches each file instead, and stops reporting a file
 * once an editor saves it by writing a new file and renaming it over the old one (vim, sed -i,
 * many IDEs); a folder's watcher sees every such save, costs one watcher per folder rather than
 * one per file, and is set up in milliseconds at 20,000 files.
 */
import { watch, type FSWatcher } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";

export interface TreeWatcher {
  /** Resolves once every folder's watcher is closed. */
  close(): Promise<void>;
}

/**
 * Calls `changed` with the path (relative to `root`, `/`-separated) of every file or folder that
 * is added, changed, renamed or removed under `root`; new folders are watched as they appear.
 */
export async function watchTree(
  root: string,
  changed: (rel: string) => void,
  failed: (e: Error) => void = () => {},
): Promise<TreeWatcher> {
  root = path.resolve(root);
  const watchers = new Map<string, FSWatcher>();
  const relOf = (abs: string) => path.relative(root, abs).split(path.sep).join("/");

  /**
   * Watches `dir` and the folders under it. For a folder that appeared while watching (`found`),
   * what it already holds is reported too: it was made before its watcher (`mkdir -p`, a copy).
   */
  async function add(dir: string, found = false): Promise<void> {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => {
        const abs = name ? path.join(dir, name.toString()) : dir;
        changed(relOf(abs));
        if (event === "rename") void follow(abs);
      });
    } catch (e) {
      // Gone before it could be watched: its parent's watcher reports that.
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") failed(e as Error);
      return;
    }
    watcher.on("error", (e) => (drop(dir), failed(e)));
    watchers.set(dir, watcher);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) await add(abs, found);
      // Reported once watched, so an edit made after the report is never missed.
      if (found) changed(relOf(abs));
    }
  }

  /** A name appeared or disappeared: watch a new folder, forget a removed one. */
  async function follow(abs: string): Promise<void> {
    const stat = await lstat(abs).catch(() => undefined);
    if (stat?.isDirectory()) await add(abs, true);
    else if (!stat) drop(abs);
  }

  function drop(dir: string): void {
    for (const [d, w] of watchers)
      if (d === dir || d.startsWith(dir + path.sep)) {
        w.close();
        watchers.delete(d);
      }
  }

  await add(root);
  return {
    async close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
