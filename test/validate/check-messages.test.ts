/**
 * `npm run check` as an editor runs it (issue #14): each problem once, at the path the editor
 * typed the content folder with, `file:line:column`, the field, a hint, the line it stands on;
 * YAML syntax errors in plain words at their field; `--format json` for tools. Each case runs the
 * real command on a fixture under test/fixtures/invalid/ and asserts the exact report.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fixture } from "../helpers/content.ts";

const CHECK = path.resolve(import.meta.dirname, "../../scripts/check.ts");
const TSX = import.meta.resolve("tsx");

let work = "";
before(async () => {
  work = await mkdtemp(path.join(tmpdir(), "briefbook-check-messages-"));
});
after(() => rm(work, { recursive: true, force: true }));

/** Copies a fixture to `<work>/<name>/<folder>` and runs the check from `<work>/<name>`, as an editor at the site's root. */
async function check(name: string, args: readonly string[], folder = "content") {
  const cwd = path.join(work, name);
  await cp(fixture(`invalid/${name}`), path.join(cwd, folder), { recursive: true });
  const run = spawnSync(process.execPath, ["--import", TSX, CHECK, ...args], { cwd, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run check: one message per mistake, where the editor can open it", () => {
  test("the path as typed (default content/), line:column, field, did-you-mean, hint and the line itself", async () => {
    const run = await check("unknown-actor-typo", []);
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      [
        "content/briefs/uk-pause.md:8:9 (actors[0].id) error: unknown actor 'united-kingdon' — did you mean 'united-kingdom'?",
        "    hint: change it to 'united-kingdom'",
        "    8 |   - id: united-kingdon",
        "      |         ^^^^^^^^^^^^^^",
        "1 error, 0 warnings",
        "",
      ].join("\n"),
    );
  });

  test("a content folder given with --content is shown as given", async () => {
    const run = await check("unknown-actor-typo", ["--content", "site/text"], "site/text");
    assert.match(run.stderr, /^site\/text\/briefs\/uk-pause\.md:8:9 \(actors\[0\]\.id\) error: unknown actor/);
  });

  test("a misspelt source and a misspelt actor are one message each, not one more at every use", async () => {
    const run = await check("one-mistake-one-message", []);
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      [
        "content/briefs/rubio-reaction.md:6:11 (sources[0]) error: unknown article 'rubio-respond' — did you mean 'rubio-responds'?",
        "    hint: change it to 'rubio-responds'",
        "    6 | sources: [rubio-respond]",
        "      |           ^^^^^^^^^^^^^",
        "content/briefs/rubio-reaction.md:8:9 (actors[0].id) error: unknown actor 'marco-rubo' — did you mean 'marco-rubio'?",
        "    hint: change it to 'marco-rubio'",
        "    8 |   - id: marco-rubo",
        "      |         ^^^^^^^^^^",
        "2 errors, 0 warnings",
        "",
      ].join("\n"),
    );
  });

  test("YAML syntax errors in plain words, at the line, column and field they fall in", async () => {
    const run = await check("yaml-syntax-error", []);
    assert.equal(run.code, 1);
    // Each error and the hint under it (warnings about other files aside).
    const lines = run.stderr.split("\n");
    const errors = lines.flatMap((l, i) => (/ error: /.test(l) ? [l, lines[i + 1]] : []));
    assert.deepEqual(errors, [
      "content/actors/united-states.yaml:3:14 (description) error: YAML syntax: the \" opening the value of 'description' is never closed",
      '    hint: end the value with the same quote mark: description: "unterminated"',
      "content/briefs/uk-pause.md:4:6 (dek) error: YAML syntax: a colon followed by a space inside a value reads as the start of another field",
      '    hint: put the whole value in quotes: dek: "London: stops passing on intelligence"',
    ]);
  });

  test("a quote never closed is shown where it opens, not at the end of the front matter it swallows", async () => {
    const run = await check("unclosed-quote", []);
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      [
        "content/briefs/uk-pause.md:2:8 (title) error: YAML syntax: the \" opening the value of 'title' is never closed",
        '    hint: end the value with the same quote mark: title: "Venezuela talks"',
        '    2 | title: "Venezuela talks',
        "      |        ^^^^^^^^^^",
        "1 error, 0 warnings",
        "",
      ].join("\n"),
    );
  });

  test("a brief with no sources is a warning with a hint, and the content is still valid (exit 0)", async () => {
    const run = await check("no-sources", []);
    assert.equal(run.code, 0);
    const warning = (file: string, line: number, shown: string, mark: string) => [
      `content/briefs/${file}:${line}:1 (sources) warning: this brief names no source articles, so nothing in it can be cited or checked`,
      "    hint: list the articles it summarises: sources: [article-slug] (import one with npm run import)",
      `    ${line} | ${shown}`,
      `      | ${mark}`,
    ];
    assert.equal(
      run.stderr,
      [
        ...warning("empty-sources.md", 6, "sources: []", "^^^^^^^^"),
        // Left out altogether, it is placed as a missing field is: at the front matter's first field.
        ...warning("sources-left-out.md", 2, "title: UK weighs its options", "^^^^^^"),
        "0 errors, 2 warnings",
        "",
      ].join("\n"),
    );
    assert.equal(run.stdout, "content/ is valid (with warnings above).\n");
  });

  test("a field written twice names the field, at the second one", async () => {
    const run = await check("duplicate-yaml-key", []);
    const errors = run.stderr.split("\n").filter((l) => / error: /.test(l));
    assert.deepEqual(errors, [
      "content/actors/united-states.yaml:3:1 (name) error: YAML syntax: the field 'name' is written twice; field names must be unique in a file",
      "content/briefs/uk-pause.md:6:1 (title) error: YAML syntax: the field 'title' is written twice; field names must be unique in a file",
    ]);
  });

  test("--format json: the same problems for tools, with path, line, column and field", async () => {
    const run = await check("one-mistake-one-message", ["--format", "json"]);
    assert.equal(run.code, 1);
    assert.deepEqual(JSON.parse(run.stdout), {
      errors: 2,
      warnings: 0,
      diagnostics: [
        {
          severity: "error",
          file: "content/briefs/rubio-reaction.md",
          line: 6,
          column: 11,
          field: "sources[0]",
          message: "unknown article 'rubio-respond' — did you mean 'rubio-responds'?",
          hint: "change it to 'rubio-responds'",
        },
        {
          severity: "error",
          file: "content/briefs/rubio-reaction.md",
          line: 8,
          column: 9,
          field: "actors[0].id",
          message: "unknown actor 'marco-rubo' — did you mean 'marco-rubio'?",
          hint: "change it to 'marco-rubio'",
        },
      ],
    });
    assert.equal(run.stderr, "");
  });

  test("the check loads the load and validate stages only, not the model, render, search or publish ones", async () => {
    // A module hook that lists every file Node loads (module hooks run in their own thread in Node 20+).
    const hooks = path.join(work, "list-modules.mjs");
    await writeFile(
      hooks,
      `export async function load(url, context, next) { if (url.startsWith("file:")) process.stderr.write("LOADED " + url + "\\n"); return next(url, context); }`,
    );
    const register = `import { register } from "node:module"; register(${JSON.stringify(new URL(`file://${hooks}`).href)});`;
    const run = spawnSync(
      process.execPath,
      ["--import", TSX, "--import", `data:text/javascript,${encodeURIComponent(register)}`, CHECK],
      { cwd: path.resolve(import.meta.dirname, "../.."), encoding: "utf8" },
    );
    assert.equal(run.status, 0, run.stderr);
    const loaded = run.stderr.split("\n").flatMap((l) => (l.startsWith("LOADED ") ? [l.slice(7)] : []));
    assert.ok(
      loaded.some((url) => url.endsWith("/src/validate/validate.ts")),
      "the hook saw the modules load",
    );
    const needless = loaded.filter((url) =>
      /\/(src\/(model|render|search|check|publish|build|preview)\/|layouts\/|node_modules\/(@11ty|pagefind|feedsmith|csv-stringify))/.test(
        url,
      ),
    );
    assert.deepEqual(needless, []);
  });

  test("--format takes text or json only", async () => {
    const run = await check("one-mistake-one-message", ["--format", "xml"], "content");
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^--format takes text or json, not 'xml'/);
  });
});
