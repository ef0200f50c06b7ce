/**
 * The preview's copy of the content folder: every file as the load stage read it, kept in memory,
 * so that an edit re-reads only the files it touched instead of all 20,000.
 *
 * Changed files are read by the load stage itself (`loadPaths`, the rules of `loadContent` for a
 * few paths), so the preview can never disagree with a build about what a file says, which files
 * count, or what is wrong with one. Nothing is copied: copying a named pipe would wait forever.
 */
import { lstat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { loadContent, loadPaths } from "../load/load-content.ts";
import type { SourceFile } from "../load/source-file.ts";

/** The folders and files the load stage reads; anything else in the content folder is not content. */
const CONTENT = /^(actors|articles|briefs)\/|^site\.ya?ml$/;
/** More changes than this at once (a branch switch) are cheaper to take by reading everything again. */
const MANY = 500;

export class ContentStore {
  readonly #contentDir: string;
  /** Relative path → file, and the load diagnostics about each path. */
  #files = new Map<string, SourceFile>();
  #problems = new Map<string, readonly Diagnostic[]>();
  #ordered: SourceFile[] | undefined;

  constructor(contentDir: string) {
    this.#contentDir = path.resolve(contentDir);
  }

  /** Every file, in the order `loadContent` gives them (sorted by relative path, which is its order). */
  get files(): readonly SourceFile[] {
    this.#ordered ??= [...this.#files.keys()].sort().map((rel) => this.#files.get(rel)!);
    return this.#ordered;
  }

  /** The file at a relative path, as last read: a new object whenever the file was read again. */
  get(rel: string): SourceFile | undefined {
    return this.#files.get(rel);
  }

  get diagnostics(): readonly Diagnostic[] {
    return [...this.#problems.values()].flat();
  }

  /** Reads the whole folder, as a build does. */
  async loadAll(): Promise<void> {
    const loaded = await loadContent(this.#contentDir);
    this.#files = new Map(loaded.files.map((f) => [f.path, f]));
    this.#problems = new Map();
    for (const d of loaded.diagnostics) this.#problems.set(d.file, [...(this.#problems.get(d.file) ?? []), d]);
    this.#ordered = undefined;
  }

  /**
   * Re-reads the given paths (relative to the content folder, as a file watcher reports them):
   * changed and new files are read again, deleted ones (or everything under a deleted folder)
   * dropped. A new or renamed folder is read whole by reading the content folder again.
   * Returns how many files it looked at.
   */
  async update(changed: Iterable<string>): Promise<number> {
    const rels = [...new Set([...changed].map((c) => c.split(path.sep).join("/")))].filter(
      (rel) => CONTENT.test(rel) && !rel.split("/").some((part) => part.startsWith(".")),
    );
    if (rels.length === 0) return 0;
    if (rels.length > MANY) {
      await this.loadAll();
      return this.#files.size;
    }
    const existing: string[] = [];
    for (const rel of rels) {
      this.#forget(rel);
      const stat = await lstat(path.join(this.#contentDir, rel)).catch(() => undefined);
      if (stat?.isDirectory()) {
        await this.loadAll();
        return this.#files.size;
      }
      if (stat) existing.push(rel);
    }
    const loaded = await loadPaths(this.#contentDir, existing);
    for (const f of loaded.files) this.#files.set(f.path, f);
    for (const d of loaded.diagnostics) this.#problems.set(d.file, [...(this.#problems.get(d.file) ?? []), d]);
    this.#ordered = undefined;
    return rels.length;
  }

  /** Drops a path and, if it was a folder, everything under it. */
  #forget(rel: string): void {
    const under = `${rel}/`;
    for (const key of [...this.#files.keys()]) if (key === rel || key.startsWith(under)) this.#files.delete(key);
    for (const key of [...this.#problems.keys()]) if (key === rel || key.startsWith(under)) this.#problems.delete(key);
  }
}
