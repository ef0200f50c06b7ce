/**
 * The stylesheet readers download is the source minified: no comments, the same rules. The build's
 * copy of it is checked in the budget and pipeline tests; here, what minifying keeps.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { minifiedCss } from "../../src/render/minify-css.ts";

const SOURCE = path.resolve(import.meta.dirname, "../../public/css/site.css");

test("the site's stylesheet loses its comments and spaces, and keeps every class, custom property and media query", async () => {
  const source = await readFile(SOURCE, "utf8");
  const shipped = minifiedCss("site.css", Buffer.from(source)).toString();
  assert.doesNotMatch(shipped, /\/\*/);
  assert.ok(shipped.length < source.length * 0.75, `${shipped.length} of ${source.length} bytes`);
  const uncommented = source.replace(/\/\*[\s\S]*?\*\//g, "");
  const names = (css: string, re: RegExp) => new Set(Array.from(css.matchAll(re), (m) => m[0]));
  for (const re of [/\.[a-z][\w-]*/g, /--[\w-]+/g, /@media/g, /prefers-color-scheme/g])
    assert.deepEqual(names(shipped, re), names(uncommented, re), String(re));
});

test("a stylesheet the minifier cannot read is an error, not a silently different file", () => {
  assert.throws(() => minifiedCss("broken.css", Buffer.from("a { color: red; } } @media (")));
});
