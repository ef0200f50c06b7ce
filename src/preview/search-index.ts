/**
 * Search in the preview (issue #4), kept off the path from an edit to the browser (issue #5): once
 * the site has settled after a rebuild, a low-priority child process (`index-process.ts`) writes the
 * searchable pages into `<dir>/pages/` and runs the index stage over them; the finished index
 * (`pagefind/`, merged from its bundles as in a build) then moves to a folder of its own that the
 * server serves. A browser in the middle of a search keeps being served the previous index's files
 * until the next index is done. The preview's own process does none of this work, so edits never wait for it.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { IndexReport, IndexRequest } from "./index-process.ts";

const INDEX_PROCESS = fileURLToPath(new URL("./index-process.ts", import.meta.url));
const TSX_LOADER = import.meta.resolve("tsx");

const isBundle = (name: string) => name.startsWith("pagefind");

export interface SearchIndexOptions {
  /** The preview's own folder; the index lives under it. */
  readonly dir: string;
  readonly contentDir: string;
  readonly pathPrefix: string;
  readonly includeDrafts: boolean;
  /** How long a rebuild must settle before indexing starts (ms). */
  readonly delay?: number;
  readonly log: (line: string) => void;
}

export class PreviewSearchIndex {
  readonly #opts: SearchIndexOptions;
  readonly #pagesDir: string;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  /** An index is wanted: scheduled, or asked for while one was being built. */
  #wanted = false;
  #closed = false;
  /** The indexing process while it runs. */
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
   * Where an index file (`pagefind/pagefind.js`, `pagefind/fragment/…`) may be, newest index first: a
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

  /** One index of the content as it is now; undefined when it could not be made. */
  async #index(): Promise<number | undefined> {
    await mkdir(this.#pagesDir, { recursive: true });
    const report = await this.#inChildProcess();
    if (!report) return undefined;
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
    return report.pages;
  }

  /** Runs `index-process.ts`; its report, or undefined when it failed or the content has errors. */
  #inChildProcess(): Promise<IndexReport | undefined> {
    if (this.#closed) return Promise.resolve(undefined);
    const { contentDir, pathPrefix, includeDrafts } = this.#opts;
    const request: IndexRequest = { contentDir, pathPrefix, includeDrafts, pagesDir: this.#pagesDir };
    return new Promise((resolve) => {
      const child = fork(INDEX_PROCESS, [JSON.stringify(request)], {
        execArgv: ["--import", TSX_LOADER],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      this.#indexer = child;
      let report: IndexReport | undefined;
      child.on("message", (m: IndexReport) => (report = m));
      child.on("error", () => resolve(undefined));
      child.on("exit", (code) => {
        this.#indexer = undefined;
        resolve(code === 0 && !this.#closed ? report : undefined);
      });
    });
  }
}
