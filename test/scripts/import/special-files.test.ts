/**
 * The importer reads the one file it is given as the load stage reads content: a named pipe or a
 * device is refused at once with the file named (it used to wait forever, or read /dev/zero until
 * memory ran out), as is text that is not UTF-8.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), "briefbook-import-special-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the importer as an editor would, killed after 20 s so that a hang fails the test instead of stalling it. */
function run(file: string) {
  const content = path.join(tmp, "content");
  const r = spawnSync("npx", ["tsx", "scripts/import-article.ts", file, "--content", content], {
    cwd: root,
    encoding: "utf8",
    timeout: 20_000,
  });
  const stderr = r.stderr
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("npm warn"))
    .join("\n");
  return { status: r.status, signal: r.signal, stderr, wrote: existsSync(content) };
}

test("a named pipe is refused at once, naming it", () => {
  const fifo = path.join(tmp, "article.txt");
  execFileSync("mkfifo", [fifo]);
  const r = run(fifo);
  assert.equal(r.signal, null, "the importer hung on the named pipe");
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `error: '${fifo}' is a named pipe, not a text file`);
  assert.equal(r.wrote, false);
});

test("/dev/zero is refused at once, without reading it", () => {
  const r = run("/dev/zero");
  assert.equal(r.signal, null, "the importer kept reading /dev/zero");
  assert.equal(r.status, 1);
  assert.equal(r.stderr, "error: '/dev/zero' is a device, not a text file");
});

test("text that is not UTF-8 is refused with its line", () => {
  const latin1 = path.join(tmp, "latin1.txt");
  writeFileSync(latin1, Buffer.concat([Buffer.from("Headline\n\nCaf"), Buffer.from([0xe9]), Buffer.from(" opens.\n")]));
  const r = run(latin1);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `error: '${latin1}' line 3: not UTF-8 text; save it as UTF-8 and import it again`);
});
