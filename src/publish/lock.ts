/**
 * One build at a time per output folder. The lock is a file naming the build's process; it is
 * created with link(2), which fails if the file exists, so two builds cannot both create it. A
 * lock whose process is gone (a build that was killed) is taken over at once.
 *
 * Not proper-lockfile: it judges a lock stale by its age (an mtime refreshed on a timer), so the
 * build after a killed one would wait out the stale period, a build whose event loop stalls past
 * it would lose its lock while still running, and it keeps no process id to name in the message.
 * Limits: liveness is checked on this machine (a folder shared between machines is not covered),
 * and two builds taking over the same dead lock in the same instant could both win.
 */
import { hostname } from "node:os";
import { link, readFile, rename, unlink, writeFile } from "node:fs/promises";

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** When the build took the lock (ISO 8601). */
  readonly since: string;
}

interface HeldLock {
  release(): Promise<void>;
}

export type LockResult = { readonly held: HeldLock } | { readonly busy: LockOwner };

export async function lockOutput(file: string): Promise<LockResult> {
  const text = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusive(file, text)) return { held: { release: () => releaseLock(file, text) } };
    const owner = await ownerOf(file);
    if (owner === undefined) continue; // released in the meantime
    if (isRunning(owner)) return { busy: owner };
    await takeOver(file, owner);
  }
  return { busy: (await ownerOf(file)) ?? { pid: 0, host: hostname(), since: "" } };
}

async function createExclusive(file: string, text: string): Promise<boolean> {
  const draft = `${file}.${process.pid}.draft`;
  await writeFile(draft, text);
  try {
    await link(draft, file);
    return true;
  } catch (e) {
    if (codeOf(e) === "EEXIST") return false;
    throw e;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

async function ownerOf(file: string): Promise<LockOwner | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if (codeOf(e) === "ENOENT") return undefined;
    throw e;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return typeof owner.pid === "number" ? owner : { pid: 0, host: "", since: "" };
  } catch {
    return { pid: 0, host: "", since: "" }; // unreadable: no build can be holding it
  }
}

/**
 * Moves the dead build's lock aside and deletes it. If another build took it over and locked
 * between our read and the move, what we moved is that build's lock: it is put back.
 */
async function takeOver(file: string, dead: LockOwner): Promise<void> {
  const aside = `${file}.${process.pid}.dead`;
  try {
    await rename(file, aside);
  } catch (e) {
    if (codeOf(e) === "ENOENT") return;
    throw e;
  }
  const moved = await ownerOf(aside);
  if (moved && (moved.pid !== dead.pid || moved.since !== dead.since)) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function releaseLock(file: string, text: string): Promise<void> {
  const now = await readFile(file, "utf8").catch(() => "");
  if (now === text) await unlink(file);
}

/**
 * Whether the lock's build still runs here. Our own id is this process's lock only if taken since
 * it started; an older one is a previous life's (containers restart with the same ids).
 */
function isRunning(owner: LockOwner): boolean {
  if (owner.pid === process.pid) return Date.parse(owner.since) >= Math.floor(performance.timeOrigin);
  return isProcessRunning(owner.pid);
}

export function isProcessRunning(pid: number): boolean {
  if (pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === "EPERM";
  }
}

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code;
