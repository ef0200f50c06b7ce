import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeLines } from "../../../scripts/import/normalize.ts";

test("unifies line endings and keeps blank lines, so line numbers match the scraped file", () => {
  assert.deepEqual(normalizeLines("a\r\nb\rc\n\nd"), ["a", "b", "c", "", "d"]);
});

test("turns tabs and no-break spaces into single spaces and trims each line", () => {
  assert.deepEqual(normalizeLines("  one\u00a0two\t\tthree   four  "), ["one two three four"]);
});

test("removes zero-width characters and a byte-order mark", () => {
  assert.deepEqual(normalizeLines("\ufeffUK\u200b halts"), ["UK halts"]);
});

test("never changes words, quotes or dashes", () => {
  const line = 'He said, “Not with me — no one raised it.” It’s the U.K.’s "call".';
  assert.deepEqual(normalizeLines(line), [line]);
});
