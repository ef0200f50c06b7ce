/**
 * A named pipe in the content folder (a tool's, or someone's mistake) must not freeze the
 * preview: it is reported by name like any file the build would skip, and the next edit to a real
 * brief still reaches the browser.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { closeSync, constants, openSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { eventually, previewOf } from "./helpers.ts";

const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];

/** Gives a reader blocked on the pipe its end of file, so a preview stuck on it (the bug) can still stop. */
function releaseReaders(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader waiting: nothing to release.
  }
}

test("after a named pipe appears in briefs/, an edit to a real brief still shows up", async () => {
  const p = await previewOf("valid-minimal");
  const fifo = path.join(p.content, "briefs", "pipe.md");
  try {
    execFileSync("mkfifo", [fifo]);
    await eventually("the pipe reported by name", async () =>
      p.reports.find((r) => r.includes("briefs/pipe.md") && /named pipe/.test(r)),
    );
    await p.edit("briefs/uk-pause.md", (text) => text.replace(/^title: .*$/m, "title: Edited after the pipe"));
    const { seconds } = await eventually("the edited title on the page", async () => {
      const page = await p.get("/briefs/uk-pause/");
      return h1(page.text) === "Edited after the pipe" ? true : undefined;
    });
    assert.ok(seconds < 10);
  } finally {
    releaseReaders(fifo);
    await p.stop();
  }
});
