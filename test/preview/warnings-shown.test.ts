/**
 * The preview's report after each rebuild: every error, the warnings that are new since the rebuild
 * before (at most NEW_WARNINGS_SHOWN), and a line counting the rest, so the warning an edit causes is
 * not buried under an archive's thousands.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { error, warning, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { NEW_WARNINGS_SHOWN, WarningsShown } from "../../src/preview/warnings-shown.ts";
import { previewOf } from "./helpers.ts";

const uncited = (n: number, line = n): Diagnostic =>
  warning({ file: `briefs/b${n}.md`, line, field: "key_points[0]", message: "cites nothing" });

test("a first rebuild prints the first warnings and counts the rest; the next prints only what is new", () => {
  const shown = new WarningsShown();
  const many = Array.from({ length: 500 }, (_, i) => uncited(i + 1));
  const first = shown.reportOf(many);
  assert.equal(first.shown.length, NEW_WARNINGS_SHOWN);
  assert.equal(first.summary, "0 errors, 500 warnings: 500 new (480 not shown); npm run check lists every one");

  const broken = error({ file: "briefs/b7.md", line: 3, field: "date", message: "not a date" });
  const second = shown.reportOf([...many, uncited(501), broken]);
  assert.deepEqual(
    second.shown.map((d) => `${d.severity} ${d.file}`),
    ["warning briefs/b501.md", "error briefs/b7.md"], // by file, as every report,
  );
  assert.equal(second.summary, "1 error, 501 warnings: 1 new, 500 as before; npm run check lists every one");
});

test("a warning that only moved to another line (a line added above it) is not new", () => {
  const shown = new WarningsShown();
  shown.reportOf([uncited(1, 10)]);
  const moved = shown.reportOf([uncited(1, 11)]);
  assert.deepEqual(moved.shown, []);
  assert.equal(moved.summary, "0 errors, 1 warning: 1 as before; npm run check lists every one");
});

test("a fixed warning is forgotten: if it comes back, it is new again", () => {
  const shown = new WarningsShown();
  shown.reportOf([uncited(1)]);
  assert.equal(shown.reportOf([]).summary, "0 errors, 0 warnings");
  assert.equal(shown.reportOf([uncited(1)]).shown.length, 1);
});

test("in the preview, an edit that adds a warning reports that warning and not the ones already there", async () => {
  const p = await previewOf("fact-check");
  try {
    const before = p.reports.join("\n");
    assert.match(before, /briefs\/mistakes\.md/, `the first build lists the fixture's warnings:\n${before}`);
    const rebuilt = p.server.nextRebuild();
    const reported = p.reports.length;
    await p.edit("briefs/quiet.md", (t) =>
      t.replace("Keir Starmer later flew to Washington.", "Keir Starmer later flew to Ottawa."),
    );
    await rebuilt;
    const after = p.reports.slice(reported).join("\n");
    assert.match(after, /quiet\.md:\d+ \(key_points\[1\]\.text\) warning: .*Ottawa/, after);
    assert.doesNotMatch(after, /mistakes\.md/, `warnings already reported are counted, not repeated:\n${after}`);
    const [, all, asBefore] = /(\d+) warnings: 1 new, (\d+) as before/.exec(after) ?? [];
    assert.equal(Number(all), Number(asBefore) + 1, `one new warning, the rest counted:\n${after}`);
  } finally {
    await p.stop();
  }
});
