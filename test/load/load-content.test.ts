import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import matter from "gray-matter";
import { loadContent } from "../../src/load/load-content.ts";
import {
  ACTOR_UK,
  ARTICLE_ONE,
  BRIEF_ONE,
  errorsOf,
  dump,
  fixture,
  locations,
  single,
  tempContent,
  validateDir,
  validateFixture,
} from "../helpers/content.ts";

const MARKER = path.join(tmpdir(), "briefbook-js-front-matter-ran");
const ranFlag = () => (globalThis as { __briefbookFrontMatterRan?: boolean }).__briefbookFrontMatterRan;

describe("loadContent: front matter that is not YAML", () => {
  test("---js is refused with a clear message and never executed", async () => {
    rmSync(MARKER, { force: true });
    delete (globalThis as { __briefbookFrontMatterRan?: boolean }).__briefbookFrontMatterRan;
    const { loaded, diagnostics } = await validateFixture("invalid/js-front-matter");
    assert.equal(existsSync(MARKER), false, "the fixture's code wrote its marker file");
    assert.equal(ranFlag(), undefined, "the fixture's code set its global");
    for (const file of [
      "briefs/code-js.md",
      "briefs/code-javascript.md",
      "briefs/code-js-upper.md",
      "briefs/code-coffee.md",
    ]) {
      const d = single(diagnostics, file);
      assert.equal(d.severity, "error");
      assert.equal(d.line, 1);
      assert.match(d.message, /^front matter in '(js|javascript|coffee)' is not allowed$/);
      assert.match(d.hint ?? "", /YAML front matter only/);
    }
    assert.equal(loaded.files.filter((f) => f.kind === "brief" && !f.unreadable).length, 0);
    assert.equal(diagnostics.length, 4, dump(diagnostics));
  });

  test("(control) the js fixture really is code that gray-matter's default engine would run", () => {
    rmSync(MARKER, { force: true });
    try {
      const text = readFileSync(fixture("invalid/js-front-matter/briefs/code-js.md"), "utf8");
      const parsed = matter(text, {});
      assert.equal((parsed.data as { title?: string }).title, "This title was computed by code");
      assert.equal(existsSync(MARKER), true);
      assert.equal(ranFlag(), true);
    } finally {
      rmSync(MARKER, { force: true });
      delete (globalThis as { __briefbookFrontMatterRan?: boolean }).__briefbookFrontMatterRan;
    }
  });

  test("---json, ---toml and unknown languages are refused, in briefs and articles", async () => {
    const { diagnostics } = await validateFixture("invalid/foreign-front-matter");
    assert.deepEqual(diagnostics.map((d) => `${d.file}: ${d.message}`).sort(), [
      "articles/json-article.md: front matter in 'json' is not allowed",
      "briefs/json-front.md: front matter in 'json' is not allowed",
      "briefs/python-front.md: front matter in 'python' is not allowed",
      "briefs/toml-front.md: front matter in 'toml' is not allowed",
    ]);
  });
});

describe("loadContent: YAML problems", () => {
  test("syntax errors point at the right line; other files still load", async () => {
    const { loaded, diagnostics } = await validateFixture("invalid/yaml-syntax-error");
    assert.deepEqual(locations(errorsOf(diagnostics)), [
      "error actors/united-states.yaml:3 (description)",
      "error briefs/uk-pause.md:4 (dek)",
    ]);
    assert.match(single(diagnostics, "briefs/uk-pause.md", "dek").message, /^YAML syntax: a colon followed by a space/);
    assert.match(
      single(diagnostics, "actors/united-states.yaml").message,
      /^YAML syntax: the " opening the value of 'description' is never closed/,
    );
    assert.match(single(diagnostics, "briefs/uk-pause.md", "dek").hint ?? "", /put the whole value in quotes/);
    // The two broken files stay known (so nothing refers to them as unknown) but carry no data.
    assert.deepEqual(
      loaded.files
        .filter((f) => !f.unreadable)
        .map((f) => f.path)
        .sort(),
      ["actors/united-kingdom.yaml", "articles/uk-halts-intel.md", "briefs/still-loads.md"],
    );
  });

  test("duplicate keys are an error at the second key, in front matter and actor files", async () => {
    const { diagnostics } = await validateFixture("invalid/duplicate-yaml-key");
    assert.deepEqual(locations(errorsOf(diagnostics)), [
      "error actors/united-states.yaml:3 (name)",
      "error briefs/uk-pause.md:6 (title)",
    ]);
    for (const d of errorsOf(diagnostics)) assert.match(d.message, /written twice; field names must be unique/);
  });
});

describe("loadContent: files on disk", () => {
  test("a missing content folder is one clear error", async () => {
    const missing = path.join(tmpdir(), "briefbook-no-such-content-folder");
    const { files, diagnostics } = await loadContent(missing);
    assert.equal(files.length, 0);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.message, "content folder not found");
    assert.equal(diagnostics[0]?.file, missing);
  });

  test("a file over 2 MiB is refused; a file at the limit and the others still load", async () => {
    const limit = 2 * 1024 * 1024;
    const pad = (n: number) => `---\ntitle: Big\n---\n${"x".repeat(n - "---\ntitle: Big\n---\n".length)}`;
    const { dir, cleanup } = await tempContent({
      "actors/united-kingdom.yaml": ACTOR_UK,
      "articles/one.md": ARTICLE_ONE,
      "articles/huge.md": pad(limit + 1),
      "articles/at-limit.md": pad(limit),
      "briefs/a-brief.md": BRIEF_ONE,
    });
    try {
      const { loaded, diagnostics } = await validateDir(dir);
      const d = single(diagnostics, "articles/huge.md");
      assert.equal(d.severity, "error");
      assert.match(d.message, /larger than 2 MiB/);
      assert.equal(diagnostics.length, 1, dump(diagnostics));
      assert.deepEqual(
        loaded.files
          .filter((f) => !f.unreadable)
          .map((f) => f.path)
          .sort(),
        ["actors/united-kingdom.yaml", "articles/at-limit.md", "articles/one.md", "briefs/a-brief.md"],
      );
    } finally {
      await cleanup();
    }
  });

  test("symbolic links (to files and folders) are ignored with a warning", async () => {
    const { dir, cleanup } = await tempContent({
      "actors/united-kingdom.yaml": ACTOR_UK,
      "articles/one.md": ARTICLE_ONE,
      "briefs/a-brief.md": BRIEF_ONE,
      "outside/secret.md": "---\ntitle: Not content\n---\nSecret.\n",
    });
    try {
      await symlink(path.join(dir, "outside/secret.md"), path.join(dir, "briefs/linked.md"));
      await symlink(path.join(dir, "outside"), path.join(dir, "articles/linked-folder"));
      const { loaded, diagnostics } = await validateDir(dir);
      assert.deepEqual(locations(diagnostics), [
        "warning articles/linked-folder:- ()",
        "warning briefs/linked.md:- ()",
      ]);
      for (const d of diagnostics) assert.equal(d.message, "symbolic link ignored");
      assert.ok(!loaded.files.some((f) => f.path.includes("linked") || f.path.includes("secret")));
      assert.equal(loaded.files.length, 3);
    } finally {
      await cleanup();
    }
  });

  test("wrong file types warn, README.md and dotfiles are skipped silently, subfolders are read", async () => {
    const { dir, cleanup } = await tempContent({
      "actors/united-kingdom.yaml": ACTOR_UK,
      "actors/notes.txt": "scratch",
      "actors/README.md": "# Actors\n",
      "articles/one.md": ARTICLE_ONE,
      "articles/.DS_Store": "junk",
      "briefs/2025/a-brief.md": BRIEF_ONE,
      "briefs/draft.markdown": BRIEF_ONE,
    });
    try {
      const { loaded, diagnostics } = await validateDir(dir);
      assert.deepEqual(locations(diagnostics), ["warning actors/notes.txt:- ()", "warning briefs/draft.markdown:- ()"]);
      assert.match(single(diagnostics, "actors/notes.txt").message, /actors\/ holds \.yaml or \.yml files only/);
      assert.deepEqual(loaded.files.map((f) => `${f.kind} ${f.path} ${f.slug}`).sort(), [
        "actor actors/united-kingdom.yaml united-kingdom",
        "article articles/one.md one",
        "brief briefs/2025/a-brief.md a-brief",
      ]);
    } finally {
      await cleanup();
    }
  });

  test("a byte-order mark does not hide the front matter; CRLF keeps line numbers", async () => {
    const crlf = (s: string) => s.replace(/\n/g, "\r\n");
    const { dir, cleanup } = await tempContent({
      "actors/united-kingdom.yaml": `\ufeff${ACTOR_UK}`,
      "articles/one.md": `\ufeff${crlf(ARTICLE_ONE)}`,
      "briefs/a-brief.md": crlf(BRIEF_ONE.replace("status: published", "status: publishd")),
    });
    try {
      const { loaded, diagnostics } = await validateDir(dir);
      assert.deepEqual(locations(diagnostics), ["error briefs/a-brief.md:5 (status)"]);
      assert.equal(loaded.files.find((f) => f.path === "articles/one.md")?.bodyLine, 4);
    } finally {
      await cleanup();
    }
  });

  test("a Markdown file without front matter says so, once, and an empty file does not crash", async () => {
    const { dir, cleanup } = await tempContent({
      "articles/no-front.md": "Just text.\n\nMore text.\n",
      "briefs/empty.md": "",
    });
    try {
      const { diagnostics } = await validateDir(dir);
      assert.deepEqual(diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).sort(), [
        "articles/no-front.md:1 missing front matter",
        "briefs/empty.md:1 missing front matter",
      ]);
    } finally {
      await cleanup();
    }
  });

  test("site.yaml is optional, and read when present", async () => {
    const { dir, cleanup } = await tempContent({ "site.yaml": "title: My Desk\nper_page: 3\n" });
    try {
      const { diagnostics, validated } = await validateDir(dir);
      const d = single(diagnostics, "site.yaml", "per_page");
      assert.equal(d.line, 2);
      assert.equal(validated.content.site.title, "Briefbook", "an invalid site.yaml falls back to defaults");
      await writeFile(path.join(dir, "site.yaml"), "title: My Desk\n");
      assert.equal((await validateDir(dir)).validated.content.site.title, "My Desk");
    } finally {
      await cleanup();
    }
  });
});
