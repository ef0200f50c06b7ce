import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { FrontMatterError, parseYamlText, splitFrontMatter } from "../../src/load/front-matter.ts";

/** Runs `fn`, which must throw a FrontMatterError, and returns it. */
function frontMatterError(fn: () => unknown): FrontMatterError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FrontMatterError) return e;
    throw e;
  }
  assert.fail("expected a FrontMatterError");
}

describe("splitFrontMatter", () => {
  test("splits YAML front matter from the body and gives the body's first line", () => {
    const f = splitFrontMatter("---\ntitle: Hello\nsources: [a]\n---\nFirst.\n\nSecond.\n");
    assert.deepEqual(f.data, { title: "Hello", sources: ["a"] });
    assert.equal(f.body, "First.\n\nSecond.\n");
    assert.equal(f.bodyLine, 5);
    assert.equal(f.yamlLine, 1);
  });

  test("YAML 1.2 core schema: dates and yes/no stay strings, numbers stay numbers", () => {
    const f = splitFrontMatter("---\ndate: 2025-11-01\nflag: no\nyear: 2025\n---\n");
    assert.deepEqual(f.data, { date: "2025-11-01", flag: "no", year: 2025 });
  });

  test("a YAML syntax error reports its line in the file, counting the opening ---", () => {
    const e = frontMatterError(() =>
      splitFrontMatter("---\ntitle: ok\ndek: London: stops\nstatus: draft\n---\nbody\n"),
    );
    assert.equal(e.line, 3);
    assert.match(e.message, /^YAML syntax: /);
    assert.doesNotMatch(e.message, /at line \d+/, "the position is in `line`, not repeated in the message");
  });

  test("an unclosed flow list is reported on the line it was opened, not past the end", () => {
    assert.equal(frontMatterError(() => splitFrontMatter("---\ntitle: [unclosed\n---\nbody\n")).line, 2);
  });

  test("CRLF files count lines the same", () => {
    const e = frontMatterError(() => splitFrontMatter("---\r\ntitle: x\r\nbad: [\r\n---\r\nbody\r\n"));
    assert.equal(e.line, 3);
    const ok = splitFrontMatter("---\r\ntitle: x\r\n---\r\nbody\r\n");
    assert.equal(ok.bodyLine, 4);
  });

  test("duplicate keys are an error on the second key's line", () => {
    const e = frontMatterError(() => splitFrontMatter("---\ntitle: a\ndek: b\ntitle: c\n---\n"));
    assert.equal(e.line, 4);
    assert.match(e.message, /unique/);
  });

  for (const lang of ["js", "javascript", "JS", "coffee", "json", "toml", "python"]) {
    test(`---${lang} front matter is refused`, () => {
      const e = frontMatterError(() => splitFrontMatter(`---${lang}\n{ "title": "x" }\n---\nbody\n`));
      assert.match(e.message, /^front matter in '.+' is not allowed$/);
      assert.equal(e.line, 1);
      assert.match(e.hint, /YAML front matter only/);
    });
  }

  test("---js front matter is not evaluated", () => {
    const g = globalThis as { __briefbookSplitRan?: boolean };
    delete g.__briefbookSplitRan;
    frontMatterError(() => splitFrontMatter("---js\n{ title: (globalThis.__briefbookSplitRan = true, 'x') }\n---\n"));
    assert.equal(g.__briefbookSplitRan, undefined);
  });

  test("a file without front matter has no data, so validation can say so", () => {
    assert.equal(splitFrontMatter("Just a body.\n").data, undefined);
    assert.equal(splitFrontMatter("----\nA rule, not front matter.\n").data, undefined);
    assert.equal(splitFrontMatter("").data, undefined, "an empty file does not crash");
  });

  test("empty front matter is an empty mapping", () => {
    const f = splitFrontMatter("---\n---\nbody\n");
    assert.deepEqual(f.data, {});
    assert.equal(f.bodyLine, 3);
  });
});

describe("parseYamlText", () => {
  test("offsets error lines by the text's first line in the file", () => {
    assert.equal(frontMatterError(() => parseYamlText("a: 1\nb: 2\na: 3\n", 1)).line, 3);
    assert.equal(frontMatterError(() => parseYamlText("a: 1\nb: 2\na: 3\n", 10)).line, 12);
  });

  test("limits alias expansion (billion laughs)", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++)
      lines.push(
        `${"abcdefgh"[i]}: &${"abcdefgh"[i]} [${Array(10)
          .fill(`*${"abcdefgh"[i - 1]}`)
          .join(", ")}]`,
      );
    assert.throws(() => parseYamlText(lines.join("\n"), 1), /alias/i);
  });

  test("the quick parser reads what the careful one reads, value for value", () => {
    const careful = (text: string) => parseYaml(text, { schema: "core", uniqueKeys: true }) as unknown;
    const samples = [
      "a: yes\nb: no\nc: on\nd: off\ne: y\nf: ~\ng: null\nh: true\ni: False",
      "date: 2025-11-01\nstamp: 2025-11-01T10:00:00Z\nyear: 2025\nhex: 0x1A\noct: 0o17\nfloat: 1.5e3\nneg: -.inf\nnan: .nan",
      "title: \"Quoted: with colon\"\nsingle: 'it''s'\nfolded: >\n  one\n  two\nliteral: |\n  keep\n  lines\n",
      'list: [a, \'b\', "c"]\nmap: {k: v, n: 1}\nnested:\n  - id: x\n    stance: "#1"\n  - {id: y}',
      "__proto__: {polluted: yes}\nconstructor: x",
      "empty:\nzero: 0\nversion: 1.10\nplus: +12\nunderscore: 1_000\nsexagesimal: 1:20",
    ];
    for (const text of samples) assert.deepEqual(parseYamlText(text, 1), careful(text), text);
    for (const dir of ["content", "test/fixtures/valid-minimal", "test/fixtures/cross-links"]) {
      for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) =>
        /\.(md|ya?ml)$/.test(f),
      )) {
        const text = readFileSync(path.join(dir, file), "utf8");
        const yaml = text.startsWith("---") ? text.slice(3, text.indexOf("\n---", 3)) : text;
        if (file.endsWith("README.md")) continue;
        assert.deepEqual(parseYamlText(yaml, 1), careful(yaml), file);
      }
    }
  });
});

test("CRLF front matter ending in a flow list parses (no stray '\\r' left for YAML)", () => {
  const f = splitFrontMatter("---\r\ntitle: x\r\nsources: [one]\r\n---\r\nbody\r\n");
  assert.deepEqual(f.data, { title: "x", sources: ["one"] });
  assert.equal(f.bodyLine, 5);
  assert.equal(f.body, "body\n");
});
