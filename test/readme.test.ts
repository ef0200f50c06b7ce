/** The README's folder map is how a newcomer finds their room: it must match the tree. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

test("the README's folder map lists exactly the repository's top-level folders", () => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const block = /## Folder map\s+```\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, "README.md has a '## Folder map' section with a code block");
  const mapped = new Set(
    block
      .split("\n")
      .map((line) => line.split(/\s+/)[0] ?? "")
      .filter((entry) => entry.endsWith("/"))
      .map((entry) => entry.slice(0, -1)),
  );
  const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n");
  const folders = new Set(tracked.filter((f) => f.includes("/")).map((f) => f.split("/")[0]!));
  assert.deepEqual([...mapped].sort(), [...folders].sort());
});
