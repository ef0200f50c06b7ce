/**
 * The output folder's life on a real disk: what a build leaves there (a link to one version in
 * `.briefbook/<name>/`, carrying the marker), how it replaces it, how an output from before the
 * link (a real folder) is taken over once, what killed builds leave and the next one removes, and
 * the lock. Staged "sites" are a few files: rendering is not what these tests are about.
 */
import { test, describe, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { lstat, mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { openOutput, type OpenedOutput } from "../../src/publish/output-folder.ts";
import { MARKER } from "../../src/publish/guard.ts";
import { lockOutput } from "../../src/publish/lock.ts";
import { lockedAgainstNewEntries, tempDir } from "./build-cli.ts";

let dir: string;
let out: string;
let store: string;
beforeEach(async () => {
  dir = await tempDir("output");
  out = path.join(dir, "site");
  store = path.join(dir, ".briefbook", "site");
  await mkdir(path.join(dir, "content"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const place = () => ({
  outDir: out,
  contentDir: path.join(dir, "content"),
  repository: "/nonexistent",
  home: "/nowhere",
});

async function opened(): Promise<OpenedOutput> {
  const result = await openOutput(place());
  assert.ok("output" in result, JSON.stringify(result));
  return result.output;
}

/** One build's worth of publishing: a page saying `text`. */
async function publishPage(text: string): Promise<void> {
  const output = await opened();
  await writeFile(path.join(output.staging, "index.html"), text);
  await output.publish();
  await output.close();
}

describe("publishing into the output folder", () => {
  test("makes the output a link to a version carrying the marker, and keeps only the current version", async () => {
    await publishPage("first");
    await publishPage("second");
    assert.ok((await lstat(out)).isSymbolicLink());
    assert.match(await readlink(out), /^\.briefbook\/site\/build-[\w-]+$/, "relative, so the folder can move");
    assert.equal(await readFile(path.join(out, "index.html"), "utf8"), "second");
    assert.ok(existsSync(path.join(out, MARKER)));
    assert.deepEqual(await readdir(store), [path.basename(await readlink(out))]);
  });

  test("takes over an output that is a real folder once: a copied build (with the marker), or an empty folder", async () => {
    for (const existing of [{ [MARKER]: "", "index.html": "copied" }, {}]) {
      await rm(out, { recursive: true, force: true });
      await mkdir(out);
      for (const [name, text] of Object.entries(existing)) await writeFile(path.join(out, name), text);
      await publishPage("new");
      assert.ok((await lstat(out)).isSymbolicLink());
      assert.equal(await readFile(path.join(out, "index.html"), "utf8"), "new");
      assert.equal((await readdir(store)).length, 1);
    }
  });

  test("what killed builds left beside the output and in its store is removed by the next build", async () => {
    await publishPage("current");
    const current = path.basename(await readlink(out));
    const leftovers = [
      path.join(store, "build-killed-123456"),
      path.join(store, "previous-abcdef"),
      path.join(dir, ".briefbook-staging-site-1a2b3c4d"), // older Briefbooks' staging folder
      path.join(dir, "site.old-1a2b3c4d"),
    ];
    for (const folder of leftovers) await mkdir(folder);
    await symlink(".briefbook/site/build-killed-123456", path.join(store, "link-abcdef"));
    const output = await opened();
    for (const folder of leftovers) assert.equal(existsSync(folder), false, folder);
    assert.deepEqual((await readdir(store)).sort(), [current, "lock", path.basename(output.staging)].sort());
    await output.close();
    assert.deepEqual(await readdir(store), [current], "closing without publishing removes the staging folder");
  });

  test("refuses a symbolic link it did not make, and an output inside a .briefbook folder", async () => {
    await symlink(path.join(dir, "content"), out);
    const link = await openOutput(place());
    assert.ok("refused" in link && /is a symbolic link Briefbook did not make/.test(link.refused.message));
    const inside = await openOutput({ ...place(), outDir: path.join(dir, ".briefbook", "x") });
    assert.ok("refused" in inside && /inside a \.briefbook\/ folder/.test(inside.refused.message));
  });

  test("GitHub Pages' upload (tar --dereference) packs the site through the link", async () => {
    await publishPage("packed");
    const { stdout } = await promisify(execFile)("tar", ["--dereference", "-C", out, "-cf", "-", "."], {
      encoding: "buffer",
    });
    assert.ok(stdout.includes(Buffer.from("packed")) && stdout.includes(Buffer.from("./index.html")));
  });
});

describe("the output's lock", () => {
  test("a second build into the same output is refused while the first holds it, naming its process", async () => {
    const first = await opened();
    const second = await openOutput(place());
    assert.ok("refused" in second);
    assert.equal(second.reason, "busy");
    assert.match(second.refused.message, new RegExp(`another build \\(process ${process.pid}, `));
    await first.close();
  });

  test("a lock with this process's id from before it started is a previous life's (containers reuse ids)", async () => {
    await mkdir(store, { recursive: true });
    const before = new Date(performance.timeOrigin - 60_000).toISOString();
    await writeFile(path.join(store, "lock"), JSON.stringify({ pid: process.pid, host: "here", since: before }));
    const taken = await lockOutput(path.join(store, "lock"));
    assert.ok("held" in taken);
    await taken.held.release();
  });

  test("a lock left by a build that died is taken over at once", async () => {
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.on("exit", resolve));
    await mkdir(store, { recursive: true });
    await writeFile(path.join(store, "lock"), JSON.stringify({ pid: dead.pid, host: "here", since: "then" }));
    await publishPage("after a killed build");
    assert.deepEqual(await readdir(store), [path.basename(await readlink(out))], "the lock was released");
  });

  test("a lock held by a running process is respected and named", async () => {
    const alive = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      await mkdir(store, { recursive: true });
      await writeFile(path.join(store, "lock"), JSON.stringify({ pid: alive.pid, host: "here", since: "now" }));
      const result = await openOutput(place());
      assert.ok("refused" in result);
      assert.match(result.refused.message, new RegExp(`another build \\(process ${alive.pid}, started now\\)`));
      assert.match(result.refused.hint ?? "", /if no build is running, delete .*lock/);
    } finally {
      alive.kill();
    }
  });
});

describe("a publish that fails", () => {
  /** The output's page and the store's entries, as a reader and the next build see them. */
  const served = async () => ({
    link: await readlink(out),
    page: await readFile(path.join(out, "index.html"), "utf8"),
    store: (await readdir(store)).sort(),
  });

  test("because the new version is missing leaves the previous site serving, and the next build publishes", async () => {
    await publishPage("previous");
    const before = await served();
    const output = await opened();
    await writeFile(path.join(output.staging, "index.html"), "next");
    await rm(output.staging, { recursive: true, force: true });
    await assert.rejects(
      output.publish(),
      /^Error: could not publish: the new version \(build-[\w-]+\) is missing; '.*site' still serves the previous version$/,
    );
    await output.close();
    assert.deepEqual(await served(), before, "the previous version is served, and nothing is left beside it");
    await publishPage("after");
    assert.equal(await readFile(path.join(out, "index.html"), "utf8"), "after");
  });

  const refusing = [
    ["the new link cannot be made in the store", () => store],
    ["the link cannot be renamed over the output", () => dir],
  ] as const;
  for (const [what, folder] of refusing) {
    test(`because ${what} leaves the previous site serving, with nothing left beside it`, async (t) => {
      await publishPage("previous");
      const before = await served();
      const output = await opened();
      await writeFile(path.join(output.staging, "index.html"), "next");
      // A folder that refuses new entries: read-only for a user, immutable for root (who ignores modes).
      const locked = await lockedAgainstNewEntries(folder());
      if (!locked) {
        await output.close();
        return t.skip("cannot make a folder refuse new entries here (no chmod effect, no chattr)");
      }
      try {
        await assert.rejects(
          output.publish(),
          /^Error: could not publish: .*(EACCES|EPERM).*; '.*site' still serves the previous version$/,
        );
        assert.equal(await readFile(path.join(out, "index.html"), "utf8"), "previous");
      } finally {
        await locked.undo();
      }
      await output.close();
      assert.deepEqual(await served(), before, "the previous version is served, and no new link is left");
    });
  }
});
