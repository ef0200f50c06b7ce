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
import {
  ACTOR_UK,
  ARTICLE_ONE,
  BRIEF_ONE,
  dump,
  errorsOf,
  single,
  tempContent,
  validateDir,
} from "../helpers/content.ts";

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
      assert.deepEqual(errorsOf(run.diagnostics), [], dump(run.diagnostics));
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

describe("a language the interface has no words in", () => {
  test("'pt-BR': one warning at site.yaml:2 (language), with the languages the interface has", async () => {
    const { diagnostics } = await siteWithLanguage("pt-BR");
    const d = single(diagnostics, "site.yaml", "language");
    assert.equal(d.severity, "warning");
    assert.equal(d.line, 2);
    assert.match(d.message, /no words in 'pt-BR'.*English/);
    assert.match(d.hint ?? "", /languages are en, fr, de, es/);
    assert.equal(diagnostics.length, 1, dump(diagnostics));
  });

  for (const tag of ["en", "en-US", "fr", "fr-CA", "de-CH", "es-419"])
    test(`'${tag}' has the interface's words: no warning`, async () => {
      const { diagnostics } = await siteWithLanguage(tag);
      assert.deepEqual(diagnostics, [], dump(diagnostics));
    });

  test("npm run check: exit 0, the warning once, naming content/site.yaml, its line and the field", async () => {
    const { dir, cleanup } = await tempContent({
      "actors/united-kingdom.yaml": ACTOR_UK,
      "articles/one.md": ARTICLE_ONE,
      "briefs/a-brief.md": BRIEF_ONE,
      "site.yaml": "title: Desk\nlanguage: pt-BR\n",
    });
    try {
      const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts", "--content", dir], {
        cwd: fileURLToPath(new URL("../../", import.meta.url)),
        encoding: "utf8",
        timeout: 120_000,
      });
      assert.equal(r.status, 0, r.stderr);
      const out = r.stdout + r.stderr;
      assert.equal(out.match(/no words in 'pt-BR'/g)?.length, 1, out);
      assert.match(out, /site\.yaml:2(:\d+)? \(language\) warning: the interface has no words in 'pt-BR'/);
      assert.match(out, /hint: the interface's languages are en, fr, de, es/);
    } finally {
      await cleanup();
    }
  });
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
