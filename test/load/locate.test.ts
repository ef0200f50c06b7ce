import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { splitFrontMatter } from "../../src/load/front-matter.ts";
import { lineOf } from "../../src/load/locate.ts";
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
