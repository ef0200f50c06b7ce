import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";
import { loadContent } from "../../../src/load/load-content.ts";
import { validateContent } from "../../../src/validate/validate.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), "briefbook-import-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the importer as an editor would; npm's own warnings are dropped from stderr. */
function run(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "scripts/import-article.ts", ...args], { cwd: root, encoding: "utf8" });
  const stderr = r.stderr
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("npm warn"))
    .join("\n");
  return { status: r.status, stdout: r.stdout, stderr };
}

const noStackTrace = (stderr: string) => assert.doesNotMatch(stderr, /^\s+at /m);

test("imports the masthead style into content/articles/<slug>.md and reports what it found", () => {
  const content = path.join(tmp, "c1");
  const r = run(fixture("blank-line-masthead.txt"), "--content", content);
  assert.equal(r.status, 0, r.stderr);
  const out = path.join(content, "articles", "uk-temporarily-halts-intelligence-sharing-with-us.md");
  assert.ok(existsSync(out));
  assert.match(r.stdout, /headline: +"UK Temporarily Halts Intelligence Sharing/);
  assert.match(r.stdout, /masthead: +outlet "Daily Weekly News", section "World News"/);
  assert.match(r.stdout, /paragraphs: 2 \(separated by blank lines\)/);
  assert.match(r.stdout, /TODO\(editor\)[\s\S]*daily-weekly-news\.yaml must exist/);
});

test("the imported file validates once its outlet's actor file exists", async () => {
  const content = path.join(tmp, "c2");
  assert.equal(run(fixture("blank-line-masthead.txt"), "--content", content, "--slug", "uk-halts-intel").status, 0);
  mkdirSync(path.join(content, "actors"), { recursive: true });
  writeFileSync(
    path.join(content, "actors", "daily-weekly-news.yaml"),
    "name: Daily Weekly News\nkind: media-outlet\n",
  );
  const loaded = await loadContent(content);
  const { diagnostics, content: valid } = validateContent(loaded.files);
  // Errors only: the fact-check rightly warns that no brief cites the article yet.
  assert.deepEqual(
    [...loaded.diagnostics, ...diagnostics].filter((d) => d.severity === "error"),
    [],
  );
  assert.equal(valid.articles[0]!.paragraphs.length, 2);
});

test("refuses to overwrite without --force, and overwrites with it", () => {
  const content = path.join(tmp, "c3");
  const args = [fixture("one-per-line-form.txt"), "--slug", "us-uk-rift", "--content", content];
  assert.equal(run(...args).status, 0);
  const out = path.join(content, "articles", "us-uk-rift.md");
  writeFileSync(out, "edited by hand\n");

  const again = run(...args);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /^error: .*us-uk-rift\.md already exists; pass --force to overwrite it$/);
  assert.equal(readFileSync(out, "utf8"), "edited by hand\n");

  const forced = run(...args, "--force");
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(forced.stdout, /line 4 \(form line\): "\*" indicates required fields/);
  assert.match(forced.stdout, /paragraphs: 3 \(one per line\)/);
  assert.match(readFileSync(out, "utf8"), /^title_source: editor # TODO/m);
});

test("several files: each imported and reported in turn; the first that fails stops the rest", () => {
  const content = path.join(tmp, "c6");
  const second = path.join(tmp, "second.txt");
  const text = readFileSync(fixture("blank-line-masthead.txt"), "utf8");
  writeFileSync(second, text.replace(/^UK Temporarily Halts .*$/m, "Rubio Responds to the Pause"));
  const r = run(fixture("blank-line-masthead.txt"), second, "--content", content);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.match(/^Imported /gm)?.length, 2);
  assert.ok(existsSync(path.join(content, "articles", "uk-temporarily-halts-intelligence-sharing-with-us.md")));
  assert.ok(existsSync(path.join(content, "articles", "rubio-responds-to-the-pause.md")));

  const stopped = run(second, fixture("one-per-line-form.txt"), second, "--content", content, "--force");
  assert.equal(stopped.status, 1);
  assert.equal(stopped.stdout.match(/^Imported /gm)?.length, 1);
  assert.match(stopped.stderr, /^error: .*one-per-line-form\.txt' has no headline/);
});

test("no headline and no --slug: asks for a slug", () => {
  const r = run(fixture("one-per-line-form.txt"), "--content", path.join(tmp, "c4"));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^error: .* has no headline to make a file name from; pass --slug SLUG/);
  noStackTrace(r.stderr);
});

test("bad input: one-line errors, no stack traces, non-zero exit", () => {
  const empty = path.join(tmp, "empty.txt");
  writeFileSync(empty, " \n\n");
  const boilerplate = path.join(tmp, "boilerplate.txt");
  writeFileSync(boilerplate, '"*" indicates required fields\n');
  const cases: Array<[string[], RegExp]> = [
    [[path.join(tmp, "missing.txt")], /^error: file not found: '.*missing\.txt'$/],
    [[empty], /^error: '.*empty\.txt' is empty$/],
    [[boilerplate], /^error: '.*boilerplate\.txt' has no article text/],
    [[fixture("one-per-line-form.txt"), "--slug", "Not A Slug"], /^error: 'Not A Slug' is not a valid slug/],
    [[tmp], /^error: '.*' is a folder, not a text file$/],
  ];
  for (const [args, message] of cases) {
    const r = run(...args, "--content", path.join(tmp, "c5"));
    assert.equal(r.status, 1, args.join(" "));
    assert.match(r.stderr, message);
    assert.equal(r.stderr.split("\n").length, 1, r.stderr);
  }
  const usage = run("--bogus");
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^error: unknown option '--bogus'\nusage: npm run import/);
  assert.ok(!existsSync(path.join(tmp, "c5")));
});
