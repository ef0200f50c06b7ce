/**
 * `npm run build -- --content DIR` with nothing to publish in DIR fails with one message and
 * leaves the site built before as it was (it used to replace it with an empty site).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { fixture } from "../helpers/content.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const build = (content: string, out: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--content", content, "--out", out], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });

test("a content folder with only site.yaml is an error, and the previous site stays", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "briefbook-empty-build-"));
  try {
    const out = path.join(dir, "_site");
    const good = build(fixture("valid-minimal"), out);
    assert.equal(good.status, 0, good.stderr);
    const before = await readFile(path.join(out, "index.html"), "utf8");

    const empty = path.join(dir, "content");
    await mkdir(path.join(empty, "briefs"), { recursive: true });
    await writeFile(path.join(empty, "site.yaml"), "title: Desk\n");
    const r = build(empty, out);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`no briefs, articles or actors found in ${empty}`));
    assert.match(r.stderr, /hint: check --content/);
    assert.doesNotMatch(r.stderr, /^\s+at /m, "a stack trace");
    assert.equal(await readFile(path.join(out, "index.html"), "utf8"), before);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
