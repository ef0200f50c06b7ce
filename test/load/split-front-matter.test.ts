/**
 * splitFrontMatter splits as gray-matter 4 did (its rules, kept without its module, which every
 * `npm run check` spent ~0.15 s loading): the same data, body, YAML text and body line, and the
 * same refusals, for every Markdown file in content/ and test/fixtures/ and for the edge cases
 * gray-matter's code has a rule for.
 */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import matter from "gray-matter";
import { FrontMatterError, parseYamlText, splitFrontMatter } from "../../src/load/front-matter.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The split as it was written with gray-matter, engines and all (src/load/front-matter.ts before). */
function withGrayMatter(crlfText: string) {
  const text = crlfText.replace(/\r\n?/g, "\n");
  const refuse = (language: string) => () => {
    throw new FrontMatterError(`front matter in '${language}' is not allowed`, 1, "");
  };
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(text, {
      language: "yaml",
      engines: {
        yaml: { parse: (s: string) => parseYamlText(s, 1) as object, stringify: () => "" },
        ...Object.fromEntries(
          ["js", "javascript", "coffee", "coffeescript", "json", "toml"].map((l) => [
            l,
            { parse: refuse(l), stringify: () => "" },
          ]),
        ),
      },
    });
  } catch (e) {
    if (e instanceof FrontMatterError) throw e;
    return refuse(/engine "(.*)"/.exec(String(e))?.[1] ?? "unknown")();
  }
  const body = file.content;
  const offset = text.endsWith(body) ? text.length - body.length : 0;
  const hasFrontMatter = text.startsWith("---") && text.charAt(3) !== "-";
  const yaml = file.matter ?? "";
  return {
    data: !hasFrontMatter ? undefined : yaml.trim() === "" ? {} : (file.data as unknown),
    body,
    bodyLine: text.slice(0, offset).split("\n").length,
    yaml,
    yamlLine: 1,
  };
}

/** The split, or the refusal's message. */
const outcome = (split: (text: string) => unknown, text: string) => {
  try {
    return split(text);
  } catch (e) {
    return e instanceof FrontMatterError ? `refused: ${e.message}` : `threw: ${String(e)}`;
  }
};

const EDGE_CASES = [
  "",
  "no front matter\n",
  "\uFEFF---\ntitle: BOM\n---\nbody\n",
  "---\n---\n",
  "---",
  "---\n",
  "---yaml",
  "---\ntitle: never closed\n",
  "---\ntitle: a\n----\nbody\n",
  "---\ntitle: a\n---x\nbody\n",
  "----\ntitle: a rule\n----\n",
  "--- \ntitle: trailing space\n---\nbody\n",
  "---yml\ntitle: a\n---\nb\n",
  "---YAML\ntitle: a\n---\nb\n",
  "---json\n---\nempty json block\n",
  "---json\n{}\n---\n",
  "---JSON\n{}\n---\n",
  "---JS\nx\n---\n",
  "---js\nx\n---\n",
  "---cson\nx\n---\n",
  "---coffeescript\nx\n---\n",
  "---python\nprint(1)\n---\n",
  "---toml\na = 1\n---\n",
  "---json\ntitle never closed",
  "---\n# only a comment\n---\nbody\n",
  "---\n  # indented comment\n\n---\n\nbody after a blank line\n",
  "---\r\ntitle: crlf\r\n---\r\nbody\r\n",
  "---\ntitle: a\n---\n\n\nbody\n---\nnot front matter\n",
  "---\ntitle: 'x: y'\ntags: [a, b]\n---\nbody",
];

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".md")).map((e) => path.join(e.parentPath, e.name));
}

test("splitFrontMatter gives what gray-matter gave, for the edge cases of its rules", () => {
  for (const text of EDGE_CASES)
    assert.deepEqual(outcome(splitFrontMatter, text), outcome(withGrayMatter, text), JSON.stringify(text));
});

test("splitFrontMatter gives what gray-matter gave, for every Markdown file of the content and the fixtures", async () => {
  const files = [
    ...(await markdownFiles(path.join(ROOT, "content"))),
    ...(await markdownFiles(path.join(ROOT, "test/fixtures"))),
  ];
  assert.ok(files.length > 50, `only ${files.length} files`);
  for (const file of files) {
    const text = await readFile(file, "utf8");
    assert.deepEqual(outcome(splitFrontMatter, text), outcome(withGrayMatter, text), file);
  }
});
