/**
 * `npm run new`, used as an editor would: scaffold a file into a copy of a small site, see
 * `npm run check` name what is left to fill in, fill it in, and see the site valid.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { z } from "zod";
import { actorSchema, articleSchema, briefSchema } from "../../src/validate/schema.ts";
import { ENTRY_EXAMPLES, scaffold, slugOf } from "../../scripts/new/scaffold.ts";
import { parseDocument } from "yaml";
import { fixture } from "../helpers/content.ts";

const run = (script: string, args: readonly string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8" });
const newFile = (args: readonly string[]) => run("scripts/new.ts", args);
const check = (content: string) => run("scripts/check.ts", ["--content", content]);

describe("npm run new", () => {
  let site: string;
  before(async () => {
    site = path.join(await mkdtemp(path.join(tmpdir(), "briefbook-new-")), "content");
    await cp(fixture("valid-minimal"), site, { recursive: true });
  });
  after(() => rm(path.dirname(site), { recursive: true, force: true }));

  test("a brief: dated today, a draft, every TODO named by check, valid once filled in", async () => {
    const made = newFile([
      "brief",
      "UK pauses Caribbean intelligence",
      "--source",
      "uk-halts-intel",
      "--content",
      site,
    ]);
    assert.equal(made.status, 0, made.stderr);
    const file = path.join(site, "briefs", "uk-pauses-caribbean-intelligence.md");
    assert.match(made.stdout, new RegExp(`Wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    assert.match(made.stdout, /npm run check/);
    const text = await readFile(file, "utf8");
    assert.match(text, new RegExp(`^date: ${new Date().toISOString().slice(0, 10)}$`, "m"));
    assert.match(text, /^status: draft$/m);
    // Editors' YAML tools find the schema from the file itself.
    const ref = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1];
    assert.ok(ref && existsSync(path.resolve(path.dirname(file), ref)), `no schema modeline: ${ref}`);

    const before = check(site);
    assert.equal(before.status, 1);
    const line = text.split("\n").findIndex((l) => l.startsWith("dek:")) + 1;
    assert.match(
      before.stderr,
      new RegExp(`briefs/uk-pauses-caribbean-intelligence\\.md:${line}:\\d+ \\(dek\\) error`),
    );

    await writeFile(file, text.replace(/^dek:.*$/m, "dek: Britain reportedly stops passing on intelligence."));
    const after = check(site);
    assert.equal(after.status, 0, after.stderr);
  });

  test("an actor with --kind is valid at once; without it, check asks for the kind", async () => {
    const person = newFile(["actor", "Yvette Cooper", "--kind", "person", "--content", site]);
    assert.equal(person.status, 0, person.stderr);
    assert.match(await readFile(path.join(site, "actors", "yvette-cooper.yaml"), "utf8"), /^kind: person$/m);
    const valid = check(site);
    assert.equal(valid.status, 0, valid.stderr);

    assert.equal(newFile(["actor", "Royal Navy", "--content", site]).status, 0);
    const report = check(site);
    assert.equal(report.status, 1);
    assert.match(report.stderr, /actors\/royal-navy\.yaml:\d+(?::\d+)? \(kind\) error/);
    await rm(path.join(site, "actors", "royal-navy.yaml"));
  });

  test("an article: check asks for its text; with paragraphs it is valid", async () => {
    assert.equal(newFile(["article", "Notes from a briefing", "--content", site]).status, 0);
    const file = path.join(site, "articles", "notes-from-a-briefing.md");
    const report = check(site);
    assert.match(report.stderr, /articles\/notes-from-a-briefing\.md:\d+ error: the article has no text/);
    await writeFile(file, `${await readFile(file, "utf8")}First paragraph.\n\nSecond paragraph.\n`);
    assert.equal(check(site).status, 0);
  });

  test("never writes over an existing file", async () => {
    const file = path.join(site, "briefs", "uk-pause.md");
    const original = await readFile(file, "utf8");
    const again = newFile(["brief", "UK pause", "--content", site]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists; nothing was written/);
    assert.equal(await readFile(file, "utf8"), original);
  });

  test("a mistaken command says what to do, with the usage", () => {
    for (const args of [
      [],
      ["memo", "X"],
      ["brief"],
      ["actor", "X", "--kind", "planet"],
      ["brief", "X", "--source", "Not A Slug"],
    ]) {
      const r = newFile(args);
      assert.equal(r.status, 2, args.join(" "));
      assert.match(r.stderr, /^error: .+\n\nUsage:/);
    }
  });
});

describe("scaffold", () => {
  const fieldsOf = (schema: z.ZodObject) => Object.entries(schema.shape as Record<string, z.ZodType>);

  test("every field of each schema is present, under the schema's own description", () => {
    const cases = [
      [briefSchema, scaffold({ kind: "brief", title: "T", today: "2026-12-02" })],
      [actorSchema, scaffold({ kind: "actor", title: "T", today: "2026-12-02" })],
      [articleSchema, scaffold({ kind: "article", title: "T", today: "2026-12-02" })],
    ] as const;
    for (const [schema, file] of cases)
      for (const [key, field] of fieldsOf(schema)) {
        const description = field.description!;
        assert.ok(file.text.includes(`# ${description}`), `${file.path}: no description for ${key}`);
        assert.match(file.text, new RegExp(`^${key}:`, "m"), `${file.path}: no ${key}`);
      }
  });

  test("every sub-field of a list entry has an example", () => {
    const text = scaffold({ kind: "brief", title: "T", today: "2026-12-02" }).text;
    const subFields = text.split("\n").filter((l) => /^#\s+(- )?\s*[a-z_]+: /.test(l));
    for (const line of subFields) assert.doesNotMatch(line, /: {2}#/, `no example in: ${line}`);
    // One line per sub-field of the brief's lists (actors, key points, quotes, events, updates).
    assert.equal(
      subFields.length,
      Object.keys(ENTRY_EXAMPLES).filter((k) => k.includes(".")).length,
      subFields.join("\n"),
    );
  });

  test("each list's example, uncommented, is valid YAML", () => {
    const text = scaffold({ kind: "brief", title: "T", today: "2026-12-02" }).text;
    const examples = text.split("# For example:\n").slice(1);
    assert.equal(examples.length, 7, "sources, actors, key points, quotes, events, topics, updates");
    for (const block of examples) {
      const lines = block.split("\n");
      const entry = lines
        .slice(
          0,
          lines.findIndex((l) => !l.startsWith("#   ")),
        )
        .map((l) => l.slice(2));
      const doc = parseDocument(`list:\n${entry.join("\n")}`);
      assert.deepEqual(
        doc.errors.map(String),
        [],
        `an editor who uncomments this gets a YAML error:\n${entry.join("\n")}`,
      );
    }
  });

  test("file names: kebab-case, accents folded, long titles cut at a word", () => {
    assert.equal(slugOf("Rubio: ‘No one raised it’"), "rubio-no-one-raised-it");
    assert.equal(slugOf("Señora Müller visits Łódź"), "senora-muller-visits-lodz");
    const long = slugOf("word ".repeat(40));
    assert.ok(long.length <= 60 && !long.endsWith("-") && long.endsWith("word"));
  });
});
