import assert from "node:assert/strict";
import { test } from "node:test";
import { parseImportArgs } from "../../../scripts/import/args.ts";

test("file with defaults", () => {
  assert.deepEqual(parseImportArgs(["a.txt"]), {
    ok: true,
    args: { file: "a.txt", slug: undefined, force: false, contentDir: "content" },
  });
});

test("all options, in either order and with =", () => {
  assert.deepEqual(parseImportArgs(["--force", "--slug", "uk-pause", "a.txt", "--content=tmp/c"]), {
    ok: true,
    args: { file: "a.txt", slug: "uk-pause", force: true, contentDir: "tmp/c" },
  });
});

test("mistakes give one-line errors", () => {
  assert.deepEqual(parseImportArgs([]), { ok: false, error: "no file given" });
  assert.deepEqual(parseImportArgs(["a.txt", "--slug"]), { ok: false, error: "--slug needs a value" });
  assert.deepEqual(parseImportArgs(["--slug", "--force", "a.txt"]), { ok: false, error: "--slug needs a value" });
  assert.deepEqual(parseImportArgs(["a.txt", "--slg", "x"]), { ok: false, error: "unknown option '--slg'" });
  assert.deepEqual(parseImportArgs(["a.txt", "b.txt"]), {
    ok: false,
    error: "one file at a time: got 'a.txt' and 'b.txt'",
  });
  assert.deepEqual(parseImportArgs(["--help"]), { ok: false, help: true });
});
