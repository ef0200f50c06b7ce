import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  error,
  fieldPath,
  hasErrors,
  sortDiagnostics,
  warning,
  type Diagnostic,
} from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic, formatReport } from "../../src/diagnostics/format.ts";

const typo = error({
  file: "briefs/uk-pause.md",
  line: 8,
  field: "actors[0].id",
  message: "unknown actor 'united-kingdon' — did you mean 'united-kingdom'?",
  hint: "change it to 'united-kingdom'",
});

describe("formatDiagnostic", () => {
  test("file:line (field) error: message, then an indented hint line", () => {
    assert.equal(
      formatDiagnostic(typo),
      "briefs/uk-pause.md:8 (actors[0].id) error: unknown actor 'united-kingdon' — did you mean 'united-kingdom'?\n" +
        "    hint: change it to 'united-kingdom'",
    );
  });

  test("without line, field or hint, those parts are left out", () => {
    assert.equal(
      formatDiagnostic(warning({ file: "briefs/linked.md", message: "symbolic link ignored" })),
      "briefs/linked.md warning: symbolic link ignored",
    );
  });

  test("the content folder is prefixed, with or without a trailing slash", () => {
    const expected = "content/briefs/uk-pause.md:8 (actors[0].id) error:";
    assert.ok(formatDiagnostic(typo, { contentDir: "content" }).startsWith(expected));
    assert.ok(formatDiagnostic(typo, { contentDir: "content/" }).startsWith(expected));
  });

  /* eslint-disable no-control-regex -- ANSI colour codes are what is under test */
  test("colour wraps the location and label in ANSI codes; off by default", () => {
    assert.doesNotMatch(formatDiagnostic(typo), /\x1b\[/);
    const coloured = formatDiagnostic(typo, { color: true });
    assert.match(coloured, /\x1b\[31;1merror\x1b\[0m/);
    assert.match(coloured, /\x1b\[1mbriefs\/uk-pause\.md:8\x1b\[0m/);
    assert.match(formatDiagnostic(warning({ file: "x", message: "m" }), { color: true }), /\x1b\[33;1mwarning\x1b\[0m/);
  });

  test("text quoted from content cannot drive the terminal: its control characters are shown, not sent", () => {
    // An unknown field named with an escape sequence that retitles the terminal, then clears the screen.
    const evil = error({
      file: "briefs/\x1b]0;owned\x07.md",
      line: 3,
      field: "x\x1b[2J",
      message: "unknown field 'x\x1b[2J\x1b[H' — did you mean \x9b31m?",
      hint: "rename it\x7f\r",
    });
    for (const color of [false, true]) {
      const out = formatDiagnostic(evil, { color, contentDir: "content\x1bc" });
      // Only the report's own colour codes may remain.
      const ours = out.replace(/\x1b\[(?:31;1|33;1|1|0)m/g, "");
      assert.doesNotMatch(ours, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/, JSON.stringify(out));
      assert.match(ours, /content\\x1bc\/briefs\/\\x1b\]0;owned\\x07\.md:3 \(x\\x1b\[2J\)/);
      assert.match(ours, /unknown field 'x\\x1b\[2J\\x1b\[H' — did you mean \\x9b31m\?/);
      assert.match(ours, /hint: rename it\\x7f\\x0d$/);
    }
    assert.doesNotMatch(formatReport([evil]), /\x1b/);
  });
  /* eslint-enable no-control-regex */
});

describe("formatReport", () => {
  test("every problem sorted by file then line, then a count", () => {
    const ds: Diagnostic[] = [
      warning({ file: "briefs/b.md", line: 3, message: "w" }),
      error({ file: "briefs/b.md", line: 1, message: "e1" }),
      typo,
      error({ file: "actors/x.yaml", message: "e2" }),
    ];
    assert.deepEqual(formatReport(ds).split("\n"), [
      "actors/x.yaml error: e2",
      "briefs/b.md:1 error: e1",
      "briefs/b.md:3 warning: w",
      "briefs/uk-pause.md:8 (actors[0].id) error: unknown actor 'united-kingdon' — did you mean 'united-kingdom'?",
      "    hint: change it to 'united-kingdom'",
      "3 errors, 1 warning",
    ]);
  });

  test("singular and zero counts", () => {
    assert.equal(formatReport([]), "0 errors, 0 warnings");
    assert.equal(formatReport([typo]).split("\n").at(-1), "1 error, 0 warnings");
  });
});

describe("diagnostic helpers", () => {
  test("fieldPath writes editors' paths", () => {
    assert.equal(fieldPath(["actors", 0, "id"]), "actors[0].id");
    assert.equal(fieldPath(["key_points", 2, "cites", 10]), "key_points[2].cites[10]");
    assert.equal(fieldPath(["title"]), "title");
    assert.equal(fieldPath([]), "");
    assert.equal(fieldPath([0, "x"]), "[0].x");
  });

  test("hasErrors ignores warnings", () => {
    assert.equal(hasErrors([warning({ file: "a", message: "w" })]), false);
    assert.equal(hasErrors([warning({ file: "a", message: "w" }), typo]), true);
    assert.equal(hasErrors([]), false);
  });

  test("sortDiagnostics orders by file, line (numerically), field, and does not mutate", () => {
    const ds = [
      error({ file: "b", line: 10, message: "" }),
      error({ file: "b", line: 9, field: "z", message: "" }),
      error({ file: "b", line: 9, field: "a", message: "" }),
      error({ file: "a", line: 50, message: "" }),
    ];
    const copy = [...ds];
    assert.deepEqual(
      sortDiagnostics(ds).map((d) => `${d.file}:${d.line}:${d.field ?? ""}`),
      ["a:50:", "b:9:a", "b:9:z", "b:10:"],
    );
    assert.deepEqual(ds, copy);
  });

  test("error() and warning() set severity and keep every field", () => {
    assert.deepEqual(error({ file: "f", line: 2, field: "x", message: "m", hint: "h" }), {
      severity: "error",
      file: "f",
      line: 2,
      field: "x",
      message: "m",
      hint: "h",
    });
    assert.equal(warning({ file: "f", message: "m" }).severity, "warning");
  });
});
