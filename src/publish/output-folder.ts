/**
 * The output folder, replaced without a moment when it is missing or half-written.
 *
 *   _site → .briefbook/_site/build-<time>-<random>/     (a relative symbolic link)
 *   .briefbook/_site/lock                              (while a build runs)
 *   .briefbook/_site/build-<time>-<random>/            (the next version, being built)
 *
 * A build writes its version beside the current one, then renames a new link over `_site`:
 * rename(2) replaces the link in one step, so a reader (or a kill) sees the old site or the new
 * one, whole. Static servers, `tar --dereference` (GitHub Pages' upload) and our tests read
 * through the link. What a killed build leaves in `.briefbook/_site/` is removed by the next.
 *
 * An output that is a real folder (empty, or made by copying a build) is moved aside once and the
 * link put in its place: between those two renames `_site` does not exist. A kill in that window
 * leaves the old site in `.briefbook/_site/previous-*` until the next build replaces it.
 */
import { randomBytes } from "node:crypto";
import { access, lstat, mkdir, readdir, readlink, rename, rm, symlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { isOwnLink, MARKER, refusalOf, STORE, type OutputPlace } from "./guard.ts";
import { isProcessRunning, lockOutput, type LockOwner } from "./lock.ts";

const MARKER_TEXT = "This folder was written by Briefbook's build (npm run build), which replaces it on every build.\n";
const LOCK = "lock";

export interface OpenedOutput {
  /** Where this build writes; it becomes the output's new version when published. */
  readonly staging: string;
  /** Points the output at the staging folder in one rename, then removes the previous version. */
  publish(): Promise<void>;
  /** Removes the staging folder unless it was published, and lets the next build in. */
  close(): Promise<void>;
}

export type OpenResult =
  { readonly output: OpenedOutput } | { readonly refused: Diagnostic; readonly reason: "place" | "busy" };

/** Guard, lock, clean up after killed builds, and make a fresh staging folder holding the marker. */
export async function openOutput(place: OutputPlace): Promise<OpenResult> {
  const refusal = refusalOf(place);
  if (refusal) return { refused: refusal, reason: "place" };
  const outDir = resolve(place.outDir);
  const store = join(dirname(outDir), STORE, basename(outDir));
  await mkdir(store, { recursive: true });
  const lock = await lockOutput(join(store, LOCK));
  if ("busy" in lock) return { refused: busy(place.outDir, join(store, LOCK), lock.busy), reason: "busy" };
  try {
    await removeLeftovers(outDir, store);
    const staging = join(store, `build-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`);
    await mkdir(staging);
    await writeFile(join(staging, MARKER), MARKER_TEXT);
    let published = false;
    return {
      output: {
        staging,
        async publish() {
          await swapLink(outDir, store, staging).catch((e: unknown) => {
            const reason = e instanceof Error ? e.message : String(e);
            throw new Error(`could not publish: ${reason}; '${place.outDir}' still serves the previous version`);
          });
          published = true;
        },
        async close() {
          if (!published) await rm(staging, { recursive: true, force: true });
          await lock.held.release();
        },
      },
    };
  } catch (e) {
    await lock.held.release();
    throw e;
  }
}

function busy(shown: string, lockFile: string, owner: LockOwner): Diagnostic {
  return error({
    file: "--out",
    message: `another build (process ${owner.pid}, started ${owner.since || "at an unknown time"}) is writing '${shown}'`,
    hint: `wait for it to finish and build again; if no build is running, delete ${lockFile}`,
  });
}

/**
 * Until the rename, a failure undoes what this did (the new link, a folder moved aside), so the
 * output still serves the previous version and the store holds nothing the next build must clean.
 */
async function swapLink(outDir: string, store: string, staging: string): Promise<void> {
  // Without its marker the new version is not whole, or not there: a link to it would serve nothing.
  await access(join(staging, MARKER)).catch(() => {
    throw new Error(`the new version (${basename(staging)}) is missing`);
  });
  const next = join(store, `link-${randomBytes(3).toString("hex")}`);
  await symlink(`${STORE}/${basename(outDir)}/${basename(staging)}`, next);
  await pauseForTest("swap");
  const previous = await currentOf(outDir);
  try {
    if (previous.kind === "folder") {
      const aside = join(store, `previous-${randomBytes(3).toString("hex")}`);
      await rename(outDir, aside);
      await pauseForTest("migrate");
      await rename(next, outDir).catch(async (e: unknown) => {
        await rename(aside, outDir);
        throw e;
      });
      // The new site is live: what cannot be removed now the next build removes.
      await rm(aside, { recursive: true, force: true }).catch(() => undefined);
    } else {
      await rename(next, outDir);
    }
  } catch (e) {
    await rm(next, { force: true }).catch(() => undefined);
    throw e;
  }
  await pauseForTest("swapped");
  if (previous.kind === "link") await rm(join(store, previous.version), { recursive: true, force: true });
}

type Current = { readonly kind: "none" | "folder" } | { readonly kind: "link"; readonly version: string };

async function currentOf(outDir: string): Promise<Current> {
  try {
    const stat = await lstat(outDir);
    if (!stat.isSymbolicLink()) return { kind: "folder" };
    return isOwnLink(outDir) ? { kind: "link", version: basename(await readlink(outDir)) } : { kind: "none" };
  } catch {
    return { kind: "none" };
  }
}

/**
 * Everything in the store but the lock and the version the output points at was left by a build
 * that was killed (we hold the lock, so none is running). Its render or Pagefind process may still
 * be writing there for a moment: removal is best effort and the next build tries again. Also
 * removes the staging and old folders older Briefbooks made beside the output.
 */
async function removeLeftovers(outDir: string, store: string): Promise<void> {
  const current = await currentOf(outDir);
  const keep = new Set([LOCK, current.kind === "link" ? current.version : ""]);
  const name = basename(outDir);
  const leftovers = [
    ...(await readdir(store)).filter((e) => !keep.has(e) && !isLiveLockFile(e)).map((e) => join(store, e)),
    ...(await readdir(dirname(outDir)))
      .filter((e) => e.startsWith(`.briefbook-staging-${name}-`) || e.startsWith(`${name}.old-`))
      .map((e) => join(dirname(outDir), e)),
  ];
  await Promise.all(leftovers.map((path) => rm(path, { recursive: true, force: true }).catch(() => undefined)));
}

/** `lock.<pid>.draft` / `lock.<pid>.dead`: another build is taking the lock right now. */
function isLiveLockFile(entry: string): boolean {
  const match = /^lock\.(\d+)\./.exec(entry);
  return match !== null && isProcessRunning(Number(match[1]));
}

/**
 * Test-only: BRIEFBOOK_TEST_PAUSE_AT=swap|migrate|swapped makes the build stop at that step of
 * the swap, print `paused at <step>` and wait, so a test can kill it exactly there
 * (test/scripts/build-kill.test.ts). Never set it outside tests.
 */
async function pauseForTest(step: string): Promise<void> {
  if (process.env.BRIEFBOOK_TEST_PAUSE_AT !== step) return;
  process.stdout.write(`paused at ${step}\n`);
  await new Promise((resolvePause) => setTimeout(resolvePause, 60_000));
}
