/**
 * The site's language becomes part of Pagefind's file names: only a real BCP 47 tag, short enough
 * for Pagefind, gets past validation, reported at site.yaml's line and field with a hint.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { ACTOR_UK, ARTICLE_ONE, BRIEF_ONE, dump, single, tempContent, validateDir } from "../helpers/content.ts";

async function siteWithLanguage(language: string) {
  const { dir, cleanup } = await tempContent({
    "actors/united-kingdom.yaml": ACTOR_UK,
    "articles/one.md": ARTICLE_ONE,
    "briefs/a-brief.md": BRIEF_ONE,
    "site.yaml": `title: Desk\nlanguage: ${JSON.stringify(language)}\nper_page: 20\n`,
  });
  try {
    return await validateDir(dir);
  } finally {
    await cleanup();
  }
}

describe("site.yaml language", () => {
  for (const [tag, canonical] of [
    ["en", "en"],
    ["pt-BR", "pt-BR"],
    ["zh-Hant-TW", "zh-Hant-TW"],
    ["EN-gb", "en-GB"],
    ["sl-Latn-IT-rozaj", "sl-Latn-IT-rozaj"],
  ] as const) {
    test(`'${tag}' is accepted (as '${canonical}')`, async () => {
      const run = await siteWithLanguage(tag);
      assert.deepEqual(run.diagnostics, [], dump(run.diagnostics));
      assert.equal(run.validated.content.site.language, canonical);
    });
  }

  for (const [what, tag] of [
    ["a path out of the output folder", "../../../x"],
    ["a 300-character tag", `en-${"abcdefgh-".repeat(33)}x`],
    ["a valid tag too long for Pagefind", "en-a-bbbbbbbb-cccccccc-dddddddd"],
    ["an underscore form", "en_US"],
    ["an empty value", ""],
  ] as const) {
    test(`${what} is refused at site.yaml:2 (language)`, async () => {
      const { diagnostics } = await siteWithLanguage(tag);
      const d = single(diagnostics, "site.yaml", "language");
      assert.equal(d.severity, "error");
      assert.equal(d.line, 2);
      assert.match(d.message, /is not a language tag/);
      assert.match(d.hint ?? "", /BCP 47 language tag .* such as en, pt-BR or zh-Hant-TW/);
      assert.equal(diagnostics.length, 1, dump(diagnostics));
    });
  }
});

describe("npm run build with a bad language", () => {
  for (const [what, tag] of [
    ["a path", "../../../x"],
    ["a tag that made Pagefind panic", "a".repeat(300)],
  ]) {
    test(`${what}: one message naming site.yaml, exit 1, nothing written anywhere`, async () => {
      const { dir, cleanup } = await tempContent({
        "actors/united-kingdom.yaml": ACTOR_UK,
        "articles/one.md": ARTICLE_ONE,
        "briefs/a-brief.md": BRIEF_ONE,
        "site.yaml": `title: Desk\nlanguage: "${tag}"\n`,
      });
      try {
        const outParent = mkdtempSync(path.join(tmpdir(), "briefbook-language-out-"));
        const out = path.join(outParent, "_site");
        const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--content", dir, "--out", out], {
          cwd: fileURLToPath(new URL("../../", import.meta.url)),
          encoding: "utf8",
          timeout: 120_000,
        });
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stderr, /site\.yaml:2 \(language\)/);
        assert.match(r.stderr, /is not a language tag/);
        assert.doesNotMatch(r.stderr, /panicked|backtrace|^\s+at /m);
        // The build's own bookkeeping (.briefbook…) aside, nothing next to the output folder.
        const written = readdirSync(outParent).filter((f) => !f.startsWith(".briefbook"));
        assert.deepEqual(written, [], "files written next to the output folder");
        assert.deepEqual(readdirSync(dir).sort(), ["actors", "articles", "briefs", "site.yaml"]);
        rmSync(outParent, { recursive: true, force: true });
      } finally {
        await cleanup();
      }
    });
  }
});
