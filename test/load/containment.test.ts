/**
 * The load stage reads only what is inside the content folder, only regular files, only UTF-8,
 * and refuses to call an empty folder a site: each case is one diagnostic naming the file.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { loadContent } from "../../src/load/load-content.ts";
import { ACTOR_UK, ARTICLE_ONE, BRIEF_ONE, dump, locations, single, tempContent } from "../helpers/content.ts";

const GOOD = { "actors/united-kingdom.yaml": ACTOR_UK, "articles/one.md": ARTICLE_ONE, "briefs/a-brief.md": BRIEF_ONE };
const SECRET = "---\ntitle: Not content\n---\nSecret from outside the content folder.\n";

/** A folder outside the content folder, with a Markdown file in it. */
async function elsewhere(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "briefbook-elsewhere-"));
  await writeFile(path.join(dir, "secret.md"), SECRET);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Fails the test instead of hanging it when loading blocks (on a named pipe, say). */
async function loadWithin(dir: string, seconds = 5) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`loading ${dir} took over ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([loadContent(dir), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("loadContent: only what is inside the content folder", () => {
  test("a symlinked articles/ folder pointing outside is refused, naming it, and nothing from it is read", async () => {
    const { dir, cleanup } = await tempContent({ "actors/united-kingdom.yaml": ACTOR_UK, "briefs/a.md": BRIEF_ONE });
    const outside = await elsewhere();
    try {
      await symlink(outside.dir, path.join(dir, "articles"));
      const { files, diagnostics } = await loadContent(dir);
      const d = single(diagnostics, "articles");
      assert.equal(d.severity, "error");
      assert.match(d.message, /symbolic link to a place outside the content folder/);
      assert.match(d.hint ?? "", /copy the files into the content folder/);
      assert.ok(!files.some((f) => f.body.includes("Secret")), "a file from outside was read");
      assert.deepEqual(locations(diagnostics), ["error articles:- ()"]);
    } finally {
      await Promise.all([cleanup(), outside.cleanup()]);
    }
  });

  test("a symlinked file pointing outside is refused, naming it", async () => {
    const { dir, cleanup } = await tempContent(GOOD);
    const outside = await elsewhere();
    try {
      await symlink(path.join(outside.dir, "secret.md"), path.join(dir, "briefs/linked.md"));
      await symlink(path.join(outside.dir, "secret.md"), path.join(dir, "site.yaml"));
      const { files, diagnostics } = await loadContent(dir);
      assert.deepEqual(locations(diagnostics), ["error briefs/linked.md:- ()", "error site.yaml:- ()"]);
      assert.ok(!files.some((f) => f.body.includes("Secret") || f.kind === "site"));
    } finally {
      await Promise.all([cleanup(), outside.cleanup()]);
    }
  });

  test("a symlink pointing inside the content folder is not followed either: a warning, its target read once under its own name", async () => {
    const { dir, cleanup } = await tempContent(GOOD);
    try {
      await symlink(path.join(dir, "briefs/a-brief.md"), path.join(dir, "briefs/again.md"));
      const { files, diagnostics } = await loadContent(dir);
      assert.deepEqual(locations(diagnostics), ["warning briefs/again.md:- ()"]);
      assert.deepEqual(
        files.filter((f) => f.kind === "brief").map((f) => f.path),
        ["briefs/a-brief.md"],
      );
    } finally {
      await cleanup();
    }
  });

  test("a content folder that is itself a symlink loads as usual", async () => {
    const { dir, cleanup } = await tempContent(GOOD);
    const link = `${dir}-link`;
    try {
      await symlink(dir, link);
      const { files, diagnostics } = await loadContent(link);
      assert.deepEqual(diagnostics, []);
      assert.equal(files.length, 3);
    } finally {
      await rm(link, { force: true });
      await cleanup();
    }
  });
});

describe("loadContent: regular files only, UTF-8 only", () => {
  test("a named pipe is skipped with the file named, and loading never waits on it", async () => {
    const { dir, cleanup } = await tempContent(GOOD);
    try {
      execFileSync("mkfifo", [path.join(dir, "briefs/pipe.md"), path.join(dir, "site.yaml")]);
      const { files, diagnostics } = await loadWithin(dir);
      assert.deepEqual(locations(diagnostics), ["warning briefs/pipe.md:- ()", "warning site.yaml:- ()"]);
      assert.match(single(diagnostics, "briefs/pipe.md").message, /a named pipe, not a regular file/);
      assert.equal(files.length, 3, dump(diagnostics));
    } finally {
      await cleanup();
    }
  });

  test("invalid UTF-8 is an error naming the file and the line, not a silent U+FFFD", async () => {
    const latin1 = Buffer.concat([
      Buffer.from("---\ntitle: Caf"),
      Buffer.from([0xe9]), // 'é' in Latin-1
      Buffer.from("\n---\nBody.\n"),
    ]);
    const { dir, cleanup } = await tempContent({ ...GOOD, "articles/latin1.md": latin1 });
    try {
      const { files, diagnostics } = await loadContent(dir);
      const d = single(diagnostics, "articles/latin1.md");
      assert.equal(d.severity, "error");
      assert.equal(d.line, 2);
      assert.match(d.message, /not valid UTF-8/);
      assert.match(d.hint ?? "", /save the file as UTF-8/);
      assert.ok(!files.some((f) => JSON.stringify(f.data ?? null).includes("\ufffd")));
      assert.ok(files.find((f) => f.path === "articles/latin1.md")?.unreadable, "known to exist, never published");
      assert.equal(diagnostics.length, 1, dump(diagnostics));
    } finally {
      await cleanup();
    }
  });
});

describe("loadContent: an empty content tree is an error, never an empty site", () => {
  for (const [name, files] of [
    ["an empty folder", {}],
    ["a folder with only site.yaml", { "site.yaml": "title: Desk\n" }],
    ["empty actors/, articles/ and briefs/ folders", { "actors/README.md": "# Actors\n", "briefs/.keep": "" }],
  ] as const) {
    test(name, async () => {
      const { dir, cleanup } = await tempContent(files);
      try {
        await mkdir(path.join(dir, "articles"), { recursive: true });
        const { diagnostics } = await loadContent(dir);
        assert.equal(diagnostics.length, 1, dump(diagnostics));
        const d = diagnostics[0]!;
        assert.equal(d.severity, "error");
        assert.equal(d.message, `no briefs, articles or actors found in ${dir}`);
        assert.match(d.hint ?? "", /--content/);
      } finally {
        await cleanup();
      }
    });
  }
});
