import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { splitFrontMatter } from "../../src/load/front-matter.ts";
import { fieldLines, lineOf } from "../../src/load/locate.ts";
import type { SourceFile } from "../../src/load/source-file.ts";

const brief = (text: string): SourceFile => ({
  kind: "brief",
  path: "briefs/x.md",
  slug: "x",
  ...splitFrontMatter(text),
});
const actor = (yaml: string): SourceFile => ({
  kind: "actor",
  path: "actors/x.yaml",
  slug: "x",
  data: undefined,
  body: "",
  bodyLine: 1,
  yaml,
  yamlLine: 1,
});

const BRIEF = [
  "---", //                    1
  "title: T", //               2
  "sources: [a, b]", //        3
  "actors:", //                4
  "  - id: united-kingdom", // 5
  "    role: r", //            6
  "  - id: marco-rubio", //    7
  "    cites:", //             8
  "      - a#p1", //           9
  "      - b#p2", //          10
  "---", //                   11
  "Body.", //                 12
].join("\n");

describe("lineOf", () => {
  const file = brief(BRIEF);
  const cases: Array<[readonly PropertyKey[], number]> = [
    [["title"], 2],
    [["sources", 1], 3],
    [["actors"], 4],
    [["actors", 0, "id"], 5],
    [["actors", 0, "role"], 6],
    [["actors", 1, "id"], 7],
    [["actors", 1, "cites", 1], 10],
    // Missing paths resolve to the nearest existing parent.
    [["actors", 1, "role"], 7],
    [["actors", 5, "id"], 4],
    [["dek"], 2],
  ];
  for (const [path, line] of cases) {
    test(`${path.map(String).join(".")} → line ${line}`, () => assert.equal(lineOf(file, path), line));
  }

  test("a YAML file counts from its first line", () => {
    assert.equal(lineOf(actor("name: X\nkind: person\naliases:\n  - A\n  - B\n"), ["aliases", 1]), 5);
  });

  test("a key quoted or numeric-looking is still found", () => {
    assert.equal(lineOf(actor('name: X\n"kind": person\n'), ["kind"]), 2);
  });
});

describe("fieldLines", () => {
  test("many fields of one file, located from one reading: each on its own line", () => {
    const yaml = ["name: X", "kind: person", ...Array.from({ length: 2000 }, (_, i) => `field-${i}: v`)].join("\n");
    const lines = fieldLines(actor(yaml));
    for (const i of [0, 1, 999, 1999]) assert.equal(lines([`field-${i}`]), i + 3);
    assert.equal(lines(["kind"]), 2);
    assert.equal(lines(["missing"]), 1);
  });

  test("a key written twice is found at its first line, as lineOf finds it", () => {
    const file = actor("name: X\nkind: person\nname: Y\n");
    assert.equal(fieldLines(file)(["name"]), 1);
    assert.equal(lineOf(file, ["name"]), 1);
  });

  test("gives the same lines as lineOf for every path of a brief", () => {
    const file = brief(BRIEF);
    const lines = fieldLines(file);
    for (const path of [["title"], ["actors", 1, "cites", 1], ["actors", 5, "id"], ["dek"]] as PropertyKey[][])
      assert.equal(lines(path), lineOf(file, path), path.join("."));
  });
});
