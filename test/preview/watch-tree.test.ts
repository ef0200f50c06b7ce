/**
 * The preview's file watcher (chokidar): the saves it must see, on a real folder. An editor that
 * writes a new file and renames it over the old one (vim, sed -i), a folder made after the watch
 * began, and a named pipe, which is reported but never opened (opening one waits for a writer).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { watchTree, type TreeWatcher } from "../../src/preview/watch-tree.ts";
import { eventually } from "./helpers.ts";

let root: string;
let watcher: TreeWatcher;
const seen: string[] = [];
/** Waits until `rel` is reported (again, if it was before). */
const reported = (rel: string) => {
  const before = seen.filter((s) => s === rel).length;
  return () => eventually(`${rel} reported`, async () => seen.filter((s) => s === rel).length > before || undefined);
};

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), "briefbook-watch-"));
  await mkdir(path.join(root, "briefs"));
  await writeFile(path.join(root, "briefs", "a.md"), "one");
  watcher = await watchTree(root, (rel) => seen.push(rel));
});

after(async () => {
  await watcher.close();
  await rm(root, { recursive: true, force: true });
});

test("a file saved by writing a new one and renaming it over the old is reported, every time", async () => {
  for (const text of ["two", "three"]) {
    const wait = reported("briefs/a.md");
    await writeFile(path.join(root, "briefs", ".a.md.tmp"), text);
    await rename(path.join(root, "briefs", ".a.md.tmp"), path.join(root, "briefs", "a.md"));
    await wait();
  }
});

test("a folder made after the watch began is watched, and so are folders made inside it", async () => {
  await mkdir(path.join(root, "articles", "deep"), { recursive: true });
  await eventually("the new folder reported", async () => seen.includes("articles/deep") || undefined);
  const wait = reported("articles/deep/b.md");
  await writeFile(path.join(root, "articles", "deep", "b.md"), "new");
  await wait();
});

test("a named pipe is reported and never opened: later edits are still seen", async () => {
  const wait = reported("briefs/pipe.md");
  execFileSync("mkfifo", [path.join(root, "briefs", "pipe.md")]);
  await wait();
  const edit = reported("briefs/a.md");
  await writeFile(path.join(root, "briefs", "a.md"), "after the pipe");
  await edit();
});

test("a watcher that keeps only .ts edits, as scripts/serve.ts's code-restart watcher does", async () => {
  const code = await mkdtemp(path.join(tmpdir(), "briefbook-watch-code-"));
  await mkdir(path.join(code, "render"));
  const edits: string[] = [];
  const w = await watchTree(code, (rel) => rel.endsWith(".ts") && edits.push(rel));
  try {
    await writeFile(path.join(code, "render", "notes.md"), "not code");
    await writeFile(path.join(code, "render", "page.ts"), "export {};");
    await eventually("the .ts edit", async () => edits.includes("render/page.ts") || undefined);
    assert.deepEqual([...new Set(edits)], ["render/page.ts"]);
  } finally {
    await w.close();
    await rm(code, { recursive: true, force: true });
  }
});
