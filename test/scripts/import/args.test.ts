import assert from "node:assert/strict";
import { test } from "node:test";
import { parseImportArgs } from "../../../scripts/import/args.ts";

test("file with defaults", () => {
  assert.deepEqual(parseImportArgs(["a.txt"]), {
    ok: true,
    args: { files: ["a.txt"], slug: undefined, force: false, contentDir: "content" },
  });
});

test("all options, in either order and with =", () => {
  assert.deepEqual(parseImportArgs(["--force", "--slug", "uk-pause", "a.txt", "--content=tmp/c"]), {
    ok: true,
    args: { files: ["a.txt"], slug: "uk-pause", force: true, contentDir: "tmp/c" },
  });
});

test("several files, in the order given", () => {
  assert.deepEqual(parseImportArgs(["a.txt", "--force", "b.txt"]), {
    ok: true,
    args: { files: ["a.txt", "b.txt"], slug: undefined, force: true, contentDir: "content" },
  });
});

test("mistakes give one-line errors", () => {
  assert.deepEqual(parseImportArgs([]), { ok: false, error: "no file given" });
  assert.deepEqual(parseImportArgs(["a.txt", "--slug"]), { ok: false, error: "--slug needs a value" });
  assert.deepEqual(parseImportArgs(["--slug", "--force", "a.txt"]), { ok: false, error: "--slug needs a value" });
  assert.deepEqual(parseImportArgs(["a.txt", "--slg", "x"]), { ok: false, error: "unknown option '--slg'" });
  assert.deepEqual(parseImportArgs(["a.txt", "b.txt", "--slug", "x"]), {
    ok: false,
    error: "--slug names one article: got 2 files; import them one at a time",
  });
  assert.deepEqual(parseImportArgs(["--help"]), { ok: false, help: true });
});
