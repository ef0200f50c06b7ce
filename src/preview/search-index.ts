/**
 * Search in the preview (issue #4), kept off the path from an edit to the browser (issue #5):
 * after a rebuild has settled, the searchable pages are rendered into `<cacheDir>/pages/` (only
 * those whose HTML changed are written), Pagefind indexes that folder through the index stage
 * (`indexPreview`) in a low-priority child process, and the finished bundles (`pagefind/`,
 * `pagefind-2/`, …) move to a folder of their own that the server then serves. A browser in the
 * middle of a search keeps being served the previous bundles' files until the next index is done.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { outputPathOf } from "../render/pages.ts";
import type { PreviewSite } from "./site.ts";

const INDEX_PROCESS = fileURLToPath(new URL("./index-process.ts", import.meta.url));
const TSX_LOADER = import.meta.resolve("tsx");

/** Pages rendered between two looks at the event loop, so that requests and edits are not kept waiting. */
const CHUNK = 100;

const isBundle = (name: string) => name.startsWith("pagefind");

export interface SearchIndexOptions {
  /** The preview's own folder; the index lives under it. */
  readonly dir: string;
  readonly site: PreviewSite;
  /** How long a rebuild must settle before indexing starts (ms). */
  readonly delay?: number;
  readonly log: (line: string) => void;
}

export class PreviewSearchIndex {
  readonly #opts: SearchIndexOptions;
  readonly #pagesDir: string;
  /** Output file → hash of the HTML written there. */
  readonly #written = new Map<string, string>();
  readonly #dirs = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  /** An index is wanted: scheduled, or asked for while one was being built. */
  #wanted = false;
  #closed = false;
  /** The Pagefind process while it runs. */
  #indexer: ChildProcess | undefined;
  #bundles = 0;
  /** The newest finished bundles' folder, and the one before it. */
  #current: string | undefined;
  #previous: string | undefined;

  constructor(opts: SearchIndexOptions) {
    this.#opts = opts;
    this.#pagesDir = path.join(opts.dir, "pages");
  }

  /** Asks for a new index once the site has settled; cheap to call after every rebuild. */
  schedule(): void {
    if (this.#closed) return;
    this.#wanted = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#running ??= this.#loop().finally(() => (this.#running = undefined));
    }, this.#opts.delay ?? 1000);
  }

  /** Resolves once no index is scheduled or being built. */
  async idle(): Promise<void> {
    while (this.#wanted || this.#running) await (this.#running ?? new Promise((r) => setTimeout(r, 50)));
  }

  /**
   * Where a bundle file (`pagefind/pagefind.js`, `pagefind-2/…`) may be, newest index first: a
   * search begun before the newest index was swapped in still finds its fragments in the previous one.
   * Undefined for any other path.
   */
  bundleFiles(rel: string): string[] | undefined {
    if (!isBundle(rel.split("/")[0] ?? "")) return undefined;
    return [this.#current, this.#previous].flatMap((dir) => (dir ? [path.join(dir, rel)] : []));
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#wanted = false;
    this.#indexer?.kill();
    await this.#running;
  }

  async #loop(): Promise<void> {
    // A schedule() still waiting for the site to settle starts its own run.
    while (this.#wanted && !this.#timer && !this.#closed) {
      this.#wanted = false;
      try {
        const start = performance.now();
        const indexed = await this.#index();
        if (indexed !== undefined)
          this.#opts.log(
            `search index updated: ${indexed} pages in ${((performance.now() - start) / 1000).toFixed(1)} s`,
          );
      } catch (e) {
        this.#opts.log(`search index failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** One index of the current site; undefined when a newer rebuild made it pointless or it failed. */
  async #index(): Promise<number | undefined> {
    const { site } = this.#opts;
    const input = site.input;
    const generation = site.generation;
    if (!input) return undefined;
    if (this.#written.size === 0) {
      await rm(this.#pagesDir, { recursive: true, force: true });
      this.#dirs.clear();
    }

    const seen = new Set<string>();
    for (let from = 0; from < input.pages.length; from += CHUNK) {
      const writes: Promise<void>[] = [];
      for (const page of input.pages.slice(from, from + CHUNK)) {
        const html = site.render(page);
        // Pages without data-pagefind-body are not searchable; Pagefind would skip them anyway.
        if (!html.includes("data-pagefind-body")) continue;
        const file = outputPathOf(page.path);
        seen.add(file);
        const hash = createHash("sha1").update(html).digest("hex");
        if (this.#written.get(file) === hash) continue;
        this.#written.set(file, hash);
        writes.push(this.#write(file, html));
      }
      await Promise.all(writes);
      await new Promise((r) => setImmediate(r));
      // A newer rebuild schedules its own index.
      if (site.generation !== generation || this.#closed) return undefined;
    }
    for (const file of [...this.#written.keys()])
      if (!seen.has(file)) {
        this.#written.delete(file);
        await rm(path.join(this.#pagesDir, file), { force: true });
      }

    for (const name of await readdir(this.#pagesDir))
      if (isBundle(name)) await rm(path.join(this.#pagesDir, name), { recursive: true, force: true });
    if (!(await this.#indexInChildProcess())) return undefined;
    const bundles = (await readdir(this.#pagesDir)).filter(isBundle);
    if (bundles.length === 0) return undefined;
    const into = path.join(this.#opts.dir, `bundles-${++this.#bundles}`);
    await rm(into, { recursive: true, force: true });
    await mkdir(into, { recursive: true });
    for (const name of bundles) await rename(path.join(this.#pagesDir, name), path.join(into, name));
    const stale = this.#previous;
    this.#previous = this.#current;
    this.#current = into;
    if (stale) await rm(stale, { recursive: true, force: true });
    return seen.size;
  }

  async #write(file: string, html: string): Promise<void> {
    const abs = path.join(this.#pagesDir, file);
    const dir = path.dirname(abs);
    if (!this.#dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.#dirs.add(dir);
    }
    await writeFile(abs, html);
  }

  /**
   * Runs the index stage over the pages in a child process at the lowest priority: Pagefind then
   * takes only the CPU that rebuilds and page requests leave over.
   */
  #indexInChildProcess(): Promise<boolean> {
    if (this.#closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const child = fork(INDEX_PROCESS, [this.#pagesDir], {
        execArgv: ["--import", TSX_LOADER],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      this.#indexer = child;
      child.on("error", () => resolve(false));
      child.on("exit", (code) => {
        this.#indexer = undefined;
        resolve(code === 0 && !this.#closed);
      });
    });
  }
}
