/**
 * `npm run build -- --out X` replaces X. Each folder an editor could name by mistake (the content
 * folder, a folder above or inside it, a repository, `/`, the home folder, a folder of someone
 * else's files) is refused before any work: exit 2, one message naming what X is, no stack trace,
 * and X byte for byte as it was. Every case runs on temporary copies, never on this repository.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fixture } from "../helpers/content.ts";
import { runBuild, tempDir, treeHash } from "../publish/build-cli.ts";

describe("npm run build refuses an --out it may not replace", { concurrency: true }, () => {
  let dir: string;
  let content: string;
  let home: string;
  before(async () => {
    dir = await tempDir("refuse");
    content = path.join(dir, "work", "content");
    home = path.join(dir, "home");
    await cp(fixture("valid-minimal"), content, { recursive: true });
    await mkdir(home);
    await writeFile(path.join(home, ".profile"), "export EDITOR=vi\n");
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** Runs the build, expects one clear refusal and the folder `watched` unchanged. */
  async function refused(args: string[], watched: string, expected: RegExp, cwd?: string) {
    const before = await treeHash(watched);
    const { code, stdout, stderr } = await runBuild(["--content", content, ...args], { cwd, env: { HOME: home } });
    assert.equal(code, 2, `exit code\n${stdout}\n${stderr}`);
    const errors = stderr.split("\n").filter((l) => /\berror\b/.test(l));
    assert.equal(errors.length, 1, stderr);
    assert.match(errors[0]!, /^--out error: /);
    assert.match(errors[0]!, expected);
    assert.match(stderr, /hint: /);
    assert.doesNotMatch(stderr, /^\s+at /m, "no stack trace");
    assert.doesNotMatch(stdout, /Building/, "refused before any work");
    assert.equal(await treeHash(watched), before, `${watched} is unchanged`);
  }

  test("the content folder", () => refused(["--out", content], content, /is the content folder/));

  test("a folder above the content folder", () =>
    refused(["--out", path.dirname(content)], path.dirname(content), /holds the content folder/));

  test("a folder inside the content folder, existing or new", async () => {
    await refused(["--out", path.join(content, "briefs")], content, /is inside the content folder/);
    await refused(["--out", path.join(content, "site")], content, /is inside the content folder/);
    assert.equal(existsSync(path.join(content, "site")), false);
  });

  test("the root of a repository, as `--out .`", async () => {
    const repo = path.join(dir, "repo");
    await mkdir(path.join(repo, ".git"), { recursive: true });
    await writeFile(path.join(repo, ".git", "HEAD"), "ref: refs/heads/main\n");
    await writeFile(path.join(repo, "package.json"), '{ "name": "someone-elses-project" }\n');
    await refused(["--out", "."], repo, /is a git repository/, repo);
  });

  test("/", async () => {
    const rootBefore = await readdir("/");
    await refused(["--out", "/"], home, /is the root of the file system/);
    assert.deepEqual(await readdir("/"), rootBefore);
  });

  test("the home folder", () => refused(["--out", home], home, /is your home folder/));

  test("an existing folder of files a build did not write", async () => {
    const foreign = path.join(dir, "photos");
    await mkdir(foreign);
    await writeFile(path.join(foreign, "holiday.jpg"), "not really a photo");
    await refused(["--out", foreign], foreign, /holds files Briefbook did not write \(holiday\.jpg\)/);
  });

  test("a file", async () => {
    const file = path.join(dir, "notes", "notes.txt");
    await mkdir(path.dirname(file));
    await writeFile(file, "notes");
    await refused(["--out", file], path.dirname(file), /is a file, not a folder/);
  });
});
