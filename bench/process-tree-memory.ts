import { readdirSync, readFileSync } from "node:fs";

/**
 * Peak resident memory of a process and all its descendants, summed, sampled from /proc (Linux).
 * GNU time's `%M` reports the largest single process it waited for, so it misses native children
 * such as Pagefind's indexer; walking the tree catches them.
 */

/** Parent pid of every process, from /proc/<pid>/stat (field 4, after the parenthesised name). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(pid, Number(fields[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return parents;
}

/** `rootPid` and every process below it. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentPids()) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** VmRSS of one process in bytes; 0 when it has ended (or is a zombie, which has none). */
export function residentBytes(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export const treeResidentBytes = (rootPid: number): number =>
  processTree(rootPid).reduce((sum, pid) => sum + residentBytes(pid), 0);

/**
 * Samples the tree under `rootPid` every `intervalMs` until stopped; keeps the peak. Listing every
 * process costs a few milliseconds, so the tree is rediscovered only every `treeEveryMs`; in
 * between only its known members are read.
 */
export class ProcessTreeMemory {
  #peak = 0;
  #tree: number[] = [];
  #treeAt = -Infinity;
  readonly #timer: NodeJS.Timeout;

  constructor(
    readonly rootPid: number,
    intervalMs = 50,
    readonly treeEveryMs = 250,
  ) {
    this.sample();
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const now = performance.now();
    if (now - this.#treeAt >= this.treeEveryMs) {
      this.#tree = processTree(this.rootPid);
      this.#treeAt = now;
    }
    this.#peak = Math.max(
      this.#peak,
      this.#tree.reduce((sum, pid) => sum + residentBytes(pid), 0),
    );
  }

  /** Stops sampling; the peak in bytes. */
  stop(): number {
    clearInterval(this.#timer);
    return this.#peak;
  }
}
