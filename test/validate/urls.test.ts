/**
 * Fields are the edge where content enters: an address that is not a web address, and a control
 * character in any text, are refused there with the file, line, field and a hint, so neither can
 * reach a reader's browser, the feed or the editor's terminal.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { buildSite } from "../../src/pipeline.ts";
import {
  ACTOR_UK,
  ARTICLE_ONE,
  BRIEF_ONE,
  dump,
  fixture,
  locations,
  single,
  tempContent,
  validateDir,
  validateFixture,
} from "../helpers/content.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function check(files: Record<string, string>) {
  const { dir, cleanup } = await tempContent({
    "actors/united-kingdom.yaml": ACTOR_UK,
    "articles/one.md": ARTICLE_ONE,
    "briefs/b.md": BRIEF_ONE,
    ...files,
  });
  try {
    return await validateDir(dir);
  } finally {
    await cleanup();
  }
}

/** Every file of a folder with its bytes, to compare before and after. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out: Record<string, string> = {};
  for (const f of files) {
    const abs = path.join(f.parentPath, f.name);
    out[path.relative(dir, abs)] = await readFile(abs, "base64");
  }
  return out;
}

const article = (url: string) => `---\ntitle: One\nurl: ${url}\n---\nFirst paragraph.\n\nSecond paragraph.\n`;

describe("addresses from content", () => {
  test("every address that is not http(s), however it is spelt, is refused at its file, line and field", async () => {
    const ds = (await validateFixture("invalid/script-urls")).diagnostics;
    assert.deepEqual(
      locations(ds),
      [
        "error articles/data-url.md:3 (url)",
        "error articles/leading-control.md:3 (url)",
        "error articles/mixed-case.md:3 (url)",
        "error articles/tab-in-scheme.md:3 (url)",
        "error articles/uk-halts-intel.md:7 (url)",
        "error articles/vbscript.md:3 (url)",
        "error site.yaml:3 (url)",
      ],
      dump(ds),
    );
    for (const [file, scheme] of [
      ["articles/uk-halts-intel.md", "javascript:"],
      ["articles/mixed-case.md", "javascript:"],
      ["articles/tab-in-scheme.md", "javascript:"],
      ["articles/data-url.md", "data:"],
      ["articles/vbscript.md", "vbscript:"],
      ["site.yaml", "javascript:"],
    ] as const) {
      const d = single(ds, file, "url");
      assert.match(d.message, new RegExp(`'${scheme}'.* not allowed`), dump([d]));
      assert.match(d.hint ?? "", /https:\/\//, dump([d]));
    }
    const hidden = single(ds, "articles/leading-control.md", "url");
    assert.match(hidden.message, /U\+0001/);
  });

  test("web addresses pass, with spaces around them trimmed", async () => {
    for (const url of [
      "https://news.example.com/a?b=1#c",
      "http://news.example.com/",
      '"  https://news.example.com/x  "',
    ]) {
      const run = await check({ "articles/one.md": article(url) });
      assert.deepEqual(run.diagnostics, [], `${url}: ${dump(run.diagnostics)}`);
      assert.equal(run.validated.content.articles[0]!.url, url.replace(/^"\s*|\s*"$/g, ""));
    }
  });

  test("an address that is not a full one says so, with the same hint", async () => {
    const run = await check({ "articles/one.md": article("news.example.com/a") });
    const d = single(run.diagnostics, "articles/one.md", "url");
    assert.equal(d.line, 3);
    assert.match(d.message, /not a full web address/);
    assert.match(d.hint ?? "", /https:\/\//);
  });
});

describe("control characters in text fields", () => {
  const brief = (extra: string) =>
    `---\ntitle: A brief\ndate: 2025-11-12\ndek: Short.\nstatus: published\nsources: [one]\n${extra}---\nSee [[united-kingdom]] [@one#p2].\n`;

  test("an escape sequence in a title, a name, a topic or a key point: one error each, naming the character", async () => {
    const run = await check({
      "articles/one.md": '---\ntitle: "Breaking\\e]0;pwned\\a news"\n---\nFirst paragraph.\n\nSecond paragraph.\n',
      "actors/united-kingdom.yaml": 'name: "United\\x7fKingdom"\nkind: country\n',
      "briefs/b.md": brief(
        'topics: [ok, "clear\\e[2J"]\nkey_points:\n  - text: "C1 \\x9b here"\n    cites: [one#p2]\n',
      ),
    });
    assert.deepEqual(
      locations(run.diagnostics),
      [
        "error actors/united-kingdom.yaml:1 (name)",
        "error articles/one.md:2 (title)",
        "error briefs/b.md:7 (topics[1])",
        "error briefs/b.md:9 (key_points[0].text)",
      ],
      dump(run.diagnostics),
    );
    const title = single(run.diagnostics, "articles/one.md", "title");
    assert.match(title.message, /U\+001B/);
    assert.match(title.hint ?? "", /U\+001B/);
    assert.match(single(run.diagnostics, "actors/united-kingdom.yaml").message, /U\+007F/);
    assert.match(single(run.diagnostics, "briefs/b.md", "key_points[0].text").message, /U\+009B/);
  });

  test("tabs and line breaks are text, not control characters", async () => {
    const run = await check({ "briefs/b.md": brief('key_points:\n  - text: "a\\tb\\nc"\n    cites: [one#p2]\n') });
    assert.deepEqual(run.diagnostics, [], dump(run.diagnostics));
  });
});

describe("npm run build on a javascript: address", () => {
  test("fails with one error per bad address, no stack trace, and leaves _site as it was", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "briefbook-urls-"));
    try {
      // The previous site: a real build of valid content.
      const out = path.join(dir, "_site");
      const good = { contentDir: fixture("valid-minimal"), outDir: out, pathPrefix: "/", includeDrafts: false };
      assert.equal((await buildSite({ ...good, index: false })).ok, true);
      const before = await snapshot(out);
      const failed = await promisify(execFile)(
        "npx",
        ["tsx", "scripts/build.ts", "--content", fixture("invalid/script-urls"), "--out", out],
        { cwd: ROOT },
      ).then(
        () => assert.fail("the build should fail"),
        (e: { code: number; stderr: string }) => e,
      );
      assert.equal(failed.code, 1);
      const urlErrors = failed.stderr.match(/^\S+:\d+ \(url\) error: .*$/gm) ?? [];
      assert.equal(urlErrors.length, 7, failed.stderr);
      assert.match(
        failed.stderr,
        /articles\/uk-halts-intel\.md:7 \(url\) error: addresses starting with 'javascript:'/,
      );
      assert.doesNotMatch(failed.stderr, /\n\s+at .+:\d+:\d+/, "no stack trace");
      assert.deepEqual(await snapshot(out), before, "the previous _site is untouched");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
