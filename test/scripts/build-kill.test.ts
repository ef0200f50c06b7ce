/**
 * A build can be killed at any moment (Ctrl-C, an out-of-memory killer, a CI timeout). Whatever
 * the moment, the output path must hold the previous site or the new one, every file of it, and
 * the next build must clean up and publish. Each kill is a real SIGKILL of `scripts/build.ts`;
 * the swap's steps are reached with the test-only BRIEFBOOK_TEST_PAUSE_AT hook
 * (src/publish/output-folder.ts), and also by killing at spread moments after indexing.
 * "The old site" is checked byte for byte; "the new site" against a reference build of the same
 * content (siteFingerprint: Pagefind's index is not byte-reproducible between runs).
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { cp, lstat, readdir, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runBuild, siteFingerprint, startBuild, tempDir, treeHash, twoContents } from "../publish/build-cli.ts";

/** Processes started by a build carrying `marker` in their environment (the render child, Pagefind). */
async function processesMarked(marker: string): Promise<number[]> {
  const found: number[] = [];
  for (const pid of (await readdir("/proc")).filter((e) => /^\d+$/.test(e))) {
    const environ = await readFile(`/proc/${pid}/environ`, "utf8").catch(() => "");
    if (environ.includes(`BRIEFBOOK_TEST_RUN=${marker}`)) found.push(Number(pid));
  }
  return found;
}

/** Waits until no process of the killed build is left (orphans stop once their parent is gone). */
async function noOrphansOf(marker: string): Promise<void> {
  if (!existsSync("/proc/self/environ")) return;
  for (let i = 0; i < 100 && (await processesMarked(marker)).length > 0; i++) await sleep(100);
  assert.deepEqual(await processesMarked(marker), [], "the killed build's child processes stopped");
}

describe("a build killed at any moment leaves the old site or the new one, whole", () => {
  let dir: string;
  let out: string;
  const content: Record<"a" | "b", string> = { a: "", b: "" };
  const site: Record<"a" | "b", string> = { a: "", b: "" };

  before(async () => {
    dir = await tempDir("kill");
    Object.assign(content, await twoContents(dir));
    out = path.join(dir, "out", "site");
    const reference = path.join(dir, "reference", "site");
    const built = await Promise.all([
      runBuild(["--content", content.a, "--out", out]),
      runBuild(["--content", content.b, "--out", reference]),
    ]);
    for (const b of built) assert.equal(b.code, 0, b.stderr);
    site.a = await siteFingerprint(out);
    site.b = await siteFingerprint(reference);
    assert.notEqual(site.a, site.b);
  });
  after(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  /**
   * Starts a build of `which`, kills it once `ready` resolves, and tells what the output holds
   * then: "old" (byte for byte what it held before), "new" (the whole site of `which`) or neither.
   * Only a kill at spread moments may come too late, after the build has finished.
   */
  async function killed(
    which: "a" | "b",
    ready: (run: ReturnType<typeof startBuild>) => Promise<unknown>,
    { pause = "", mayFinish = false } = {},
  ) {
    const before = await treeHash(out);
    const marker = randomUUID();
    const run = startBuild(["--content", content[which], "--out", out], {
      env: { BRIEFBOOK_TEST_RUN: marker, BRIEFBOOK_TEST_PAUSE_AT: pause },
    });
    await ready(run);
    run.child.kill("SIGKILL");
    const { code } = await run.done;
    assert.ok(code === null || (mayFinish && code === 0), `killed, not finished (exit code ${code})`);
    await noOrphansOf(marker);
    if ((await treeHash(out)) === before) return "old";
    return (await siteFingerprint(out).catch(() => "")) === site[which] ? "new" : "neither";
  }

  test("killed while rendering: the old site, whole", async () => {
    assert.equal(await killed("b", (run) => run.lineMatching(/^\s+model\s/)), "old");
  });

  test("killed while indexing and checking links: the old site, whole", async () => {
    assert.equal(await killed("b", (run) => run.lineMatching(/^\s+render\s/)), "old");
  });

  test("killed with the new link made but not yet renamed over the output: the old site", async () => {
    assert.equal(await killed("b", (run) => run.lineMatching(/^paused at swap$/), { pause: "swap" }), "old");
  });

  test("killed after the rename, before the old version is removed: the new site", async () => {
    assert.equal(await killed("b", (run) => run.lineMatching(/^paused at swapped$/), { pause: "swapped" }), "new");
  });

  test("killed at spread moments after indexing: always one site or the other, whole", async () => {
    const seen = [];
    for (const delay of [0, 2, 6]) {
      const next = (await siteFingerprint(out)) === site.a ? "b" : "a";
      const now = await killed(
        next,
        async (run) => {
          await Promise.all([run.lineMatching(/^\s+index\s/), run.lineMatching(/^\s+check\s/)]);
          await sleep(delay);
        },
        { mayFinish: true },
      );
      assert.notEqual(now, "neither", `after a kill ${delay} ms after indexing`);
      seen.push(`${delay} ms: ${now}`);
    }
    console.log(`kills after indexing: ${seen.join(", ")}`);
  });

  test("the next build takes over the dead builds' lock, removes their leftovers and publishes", async () => {
    const { code, stderr } = await runBuild(["--content", content.a, "--out", out]);
    assert.equal(code, 0, stderr);
    assert.equal(await siteFingerprint(out), site.a);
    assert.deepEqual(await readdir(path.dirname(out)), [".briefbook", "site"]);
    const versions = await readdir(path.join(path.dirname(out), ".briefbook", "site"));
    assert.equal(versions.length, 1, `only the published version is kept: ${versions.join(", ")}`);
  });
});

describe("the one-time move from an output that is a real folder to the link", () => {
  let dir: string;
  after(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  test("a kill in its window (between two renames) keeps the old site whole beside it, and the next build publishes", async () => {
    dir = await tempDir("migrate");
    const { a, b } = await twoContents(dir);
    const built = path.join(dir, "built", "site");
    assert.equal((await runBuild(["--content", a, "--out", built])).code, 0);
    const out = path.join(dir, "out", "site");
    await cp(built, out, { recursive: true, dereference: true }); // a real folder carrying the marker
    const old = await treeHash(out);

    const run = startBuild(["--content", b, "--out", out], { env: { BRIEFBOOK_TEST_PAUSE_AT: "migrate" } });
    await run.lineMatching(/^paused at migrate$/);
    run.child.kill("SIGKILL");
    await run.done;
    const store = path.join(dir, "out", ".briefbook", "site");
    const aside = (await readdir(store)).filter((e) => e.startsWith("previous-"));
    assert.equal(existsSync(out), false, "the documented window: the output path is missing");
    assert.equal(aside.length, 1);
    assert.equal(await treeHash(path.join(store, aside[0]!)), old, "the old site is whole, beside it");

    const next = await runBuild(["--content", b, "--out", out]);
    assert.equal(next.code, 0, next.stderr);
    assert.ok((await lstat(out)).isSymbolicLink());
    assert.equal((await readdir(store)).length, 1);
  });
});

describe("two builds into one output at once", () => {
  let dir: string;
  after(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  test("the second is refused, naming the first build's process, and the first publishes a whole site", async () => {
    dir = await tempDir("concurrent");
    const { a } = await twoContents(dir);
    const out = path.join(dir, "site");
    const first = startBuild(["--content", a, "--out", out]);
    await first.lineMatching(/^\s+load\s/); // the lock is taken before the render process starts
    // Frozen (not ended) while the second runs, so the first cannot finish before it: still a live process.
    first.child.kill("SIGSTOP");
    const second = await runBuild(["--content", a, "--out", out]).finally(() => first.child.kill("SIGCONT"));
    assert.equal(second.code, 1, second.stderr);
    assert.match(second.stderr, new RegExp(`another build \\(process ${first.child.pid}, started .*\\) is writing`));
    assert.match(second.stderr, /Build refused; .* was left as it was/);
    const done = await first.done;
    assert.equal(done.code, 0, done.stderr);
    assert.ok(existsSync(path.join(out, "index.html")) && existsSync(path.join(out, "pagefind", "pagefind.js")));
  });
});
