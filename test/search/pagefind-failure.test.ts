/**
 * When Pagefind itself fails (a panic, or the system killing it), the build gets one diagnostic
 * saying so, with a hint: no Rust backtrace on the terminal, no build that never ends (Node used
 * to exit with code 13 and no message, because the request waiting on the dead process never
 * settled).
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { IndexResult } from "../../src/search/pagefind.ts";
import { buildSearchIndex } from "../../src/search/pagefind.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const INDEX_SITE = fileURLToPath(new URL("./helpers/index-site.ts", import.meta.url));

/** A rendered site of `count` searchable pages, with enough words that indexing takes a moment. */
async function siteOf(count: number): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "briefbook-pagefind-fail-"));
  const words = Array.from({ length: 400 }, (_, i) => `word${i.toString(36)}`).join(" ");
  for (let i = 0; i < count; i++) {
    await mkdir(path.join(dir, "briefs", `b${i}`), { recursive: true });
    const html = `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Brief ${i}</h1><p>${words} page${i}</p></main></body></html>`;
    await writeFile(path.join(dir, "briefs", `b${i}`, "index.html"), html);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Pagefind processes started by this test's process. */
function pagefindChildren(): number[] {
  try {
    const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
    return out
      .split("\n")
      .filter((l) => /pagefind/.test(l))
      .map((l) => Number(l.trim().split(/\s+/)[0]));
  } catch {
    return [];
  }
}

describe("Pagefind's own failures become one diagnostic", () => {
  test("a panic: no backtrace printed, the process ends normally, one error with a hint", async () => {
    const site = await siteOf(1);
    try {
      // A 300-character language makes Pagefind 1.5.2 panic (validation refuses it before a build gets here).
      const r = spawnSync(process.execPath, ["--import", "tsx", INDEX_SITE, site.dir, "a".repeat(300)], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
      });
      assert.equal(r.status, 0, `exit ${r.status}; stderr:\n${r.stderr}`);
      assert.doesNotMatch(r.stderr, /panicked|backtrace|RUST_BACKTRACE/);
      const result = JSON.parse(r.stdout) as IndexResult;
      assert.equal(result.diagnostics.length, 1, r.stdout);
      const d = result.diagnostics[0]!;
      assert.equal(d.severity, "error");
      assert.match(d.message, /^Pagefind crashed: byte index \d+ is out of bounds/);
      assert.match(d.hint ?? "", /BRIEFBOOK_DEBUG=1/);
    } finally {
      await site.cleanup();
    }
  });

  test(
    "killed while indexing (as the out-of-memory killer does): one error naming the signal, with a hint",
    { timeout: 120_000 },
    async () => {
      const site = await siteOf(400);
      try {
        let killed = 0;
        const poll = setInterval(() => {
          for (const pid of pagefindChildren()) {
            process.kill(pid, "SIGKILL");
            killed++;
          }
        }, 5);
        const result = await buildSearchIndex({ siteDir: site.dir, sortValues: {} }).finally(() => clearInterval(poll));
        assert.ok(killed > 0, "Pagefind finished before it could be killed");
        assert.equal(result.diagnostics.length, 1, JSON.stringify(result.diagnostics));
        const d = result.diagnostics[0]!;
        assert.match(d.message, /Pagefind was killed \(SIGKILL\) while indexing/);
        assert.match(d.hint ?? "", /BRIEFBOOK_SEARCH_BUNDLE_PAGES/);
        assert.deepEqual(
          (await readdir(site.dir)).filter((f) => !f.startsWith("briefs")),
          [],
          "files left behind",
        );
        assert.deepEqual(
          (await readdir(path.dirname(site.dir))).filter((f) => f.startsWith(`${path.basename(site.dir)}.`)),
          [],
          "the bundles' work folder left behind",
        );
      } finally {
        await site.cleanup();
      }
    },
  );
});
