/**
 * Issue #11, hostile content: for each classic mistake or attack (test/fixtures/hostile/<case>/,
 * or generated here when it would mean committing megabytes, a link, a pipe or an empty folder),
 * `npm run check` and `npm run build` are run as an editor runs them, the build over a good site
 * built once. Each must exit non-zero with one clear message per mistake, naming the file, line
 * and field with a hint, all in one run, and no stack trace; the previous site stays byte for byte.
 * Content that is merely unusual (a BOM, CRLF line endings) must build.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { treeHash } from "../helpers/tree-hash.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HOSTILE = path.resolve(import.meta.dirname, "../fixtures/hostile");
const VALID_MINIMAL = path.resolve(import.meta.dirname, "../fixtures/valid-minimal");
/** Hang guard: far above what any of these runs needs, so only a hang trips it. */
const GUARD_MS = 60_000;

interface Run {
  readonly code: number | null;
  readonly timedOut: boolean;
  /** stdout and stderr together, as the editor's terminal shows them. */
  readonly output: string;
  readonly bytes: Buffer;
}

/** Runs `scripts/<script>.ts` as `npm run <script>` would, with a hang guard that kills its whole process group. */
function cli(
  script: "build" | "check",
  args: readonly string[],
  env: Record<string, string> = {},
  terminal = false,
): Promise<Run> {
  const argv = [process.execPath, "--import", "tsx", `scripts/${script}.ts`, ...args];
  // `script` gives the run a pseudo-terminal, as an editor's own: the report is then in colour.
  const quoted = argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const [command, ...commandArgs] = terminal ? ["script", "-qec", quoted, "/dev/null"] : argv;
  return new Promise((resolve, reject) => {
    const child = spawn(command!, commandArgs, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so the guard also stops the render process and Pagefind it starts.
      detached: true,
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    let timedOut = false;
    const guard = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, GUARD_MS);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(guard);
      const bytes = Buffer.concat(chunks);
      resolve({ code, timedOut, output: bytes.toString("utf8"), bytes });
    });
  });
}

/** Every file under the output folder (read through it if it is a link), with its bytes. */

interface Expected {
  /** As the report prints it, relative to the content folder (a leading folder is allowed); omitted: any file. */
  readonly file?: string;
  /** The line, or the lines either of which is a fair place to point; "any" for some line. */
  readonly line?: number | readonly number[] | "any";
  /** The field, or the fields either of which is fair. */
  readonly field?: string | readonly string[];
  readonly message?: RegExp;
  /** What the hint must say, beyond being there. */
  readonly hint?: RegExp;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternatives = (xs: readonly (string | number)[]) => `(?:${xs.map((x) => escapeRe(String(x))).join("|")})`;

/** The report's `file:line (field) error: message` line for `e`, and the hint line under it. */
function findMessage(lines: readonly string[], e: Expected): { head: string; hint: string | undefined } | undefined {
  const file = e.file === undefined ? "\\S.*?" : `(?:^|.*[\\s/])${escapeRe(e.file)}`;
  const line =
    e.line === undefined
      ? "(?::\\d+)?"
      : e.line === "any"
        ? ":\\d+"
        : `:${alternatives(typeof e.line === "number" ? [e.line] : e.line)}`;
  const field =
    e.field === undefined
      ? "(?: \\([^)]*\\))?"
      : ` \\(${alternatives(typeof e.field === "string" ? [e.field] : e.field)}\\)`;
  // `npm run check` adds the column (`:8:5`) where it is known; the build prints `file:line`.
  const head = new RegExp(`^${file}${line}(?::\\d+)?${field} error: (.+)$`);
  for (const [i, l] of lines.entries()) {
    const m = head.exec(l);
    if (!m || (e.message && !e.message.test(m[1]!))) continue;
    return { head: l, hint: /^ {4}hint: \S/.test(lines[i + 1] ?? "") ? lines[i + 1] : undefined };
  }
  return undefined;
}

const describeExpected = (e: Expected) =>
  `${e.file ?? "<any file>"}${e.line === undefined ? "" : `:${Array.isArray(e.line) ? e.line.join("|") : String(e.line)}`}` +
  `${e.field === undefined ? "" : ` (${typeof e.field === "string" ? e.field : e.field.join("|")})`}` +
  `${e.message ? ` ${String(e.message)}` : ""}`;

/** What every run owes the editor, whatever the content: an end, and no trace of our internals. */
function assertNoCrash(run: Run, what: string): void {
  assert.equal(run.timedOut, false, `${what} was still running after ${GUARD_MS / 1000} s:\n${run.output}`);
  for (const [re, name] of [
    [/^ {4}at /m, "a stack trace"],
    [/^\s*(?:\w+)?Error: /m, "a Node error dump"],
    [/node:internal|\(file:\/\/|\.ts:\d+:\d+\)/, "a source location of ours"],
    [/panicked at/, "a Rust panic"],
  ] as const)
    assert.doesNotMatch(run.output, re, `${what} printed ${name}:\n${run.output}`);
  // The report is plain text off a terminal: an escape byte could only have come from content.
  assert.ok(!run.bytes.includes(0x1b), `${what} printed a raw ESC byte:\n${JSON.stringify(run.output)}`);
  assert.ok(!run.bytes.includes(0x07), `${what} printed a raw BEL byte`);
  assert.ok(!run.output.includes("\u009b"), `${what} printed a raw CSI (U+009B)`);
}

/** A failing run: non-zero exit, each expected message with its hint, and (when `exact`) nothing else. */
function assertReport(run: Run, what: string, expected: readonly Expected[], exact: boolean): void {
  assertNoCrash(run, what);
  assert.notEqual(run.code, 0, `${what} should fail:\n${run.output}`);
  const lines = run.output.split("\n");
  const problems: string[] = [];
  for (const e of expected) {
    const found = findMessage(lines, e);
    if (!found) problems.push(`no message at ${describeExpected(e)}`);
    else if (!found.hint) problems.push(`no hint under: ${found.head}`);
    else if (e.hint && !e.hint.test(found.hint)) problems.push(`hint should match ${String(e.hint)}: ${found.hint}`);
  }
  if (exact) {
    // One message per mistake, every mistake in the same run.
    const errors = Number(/^(\d+) errors?, \d+ warnings?$/m.exec(run.output)?.[1] ?? NaN);
    if (errors !== expected.length) problems.push(`expected ${expected.length} errors, the report counts ${errors}`);
  }
  assert.deepEqual(problems, [], `${what}:\n${run.output}`);
}

/** A copy of valid-minimal to spoil, in `dir`. */
async function copyOfValid(dir: string): Promise<string> {
  const content = path.join(dir, "content");
  await cp(VALID_MINIMAL, content, { recursive: true });
  return content;
}

interface Case {
  readonly name: string;
  /** The content folder: a fixture under test/fixtures/hostile, or made in `scratch`. */
  readonly content: string | ((scratch: string) => Promise<string>);
  readonly expected: readonly Expected[];
  /** Whether the report must hold exactly these errors (false where the count is the product's choice, e.g. a cap). */
  readonly exact?: boolean;
  readonly env?: Record<string, string>;
  readonly after?: (scratch: string) => Promise<void> | void;
}

const MARKER = (scratch: string) => path.join(scratch, "front-matter-code-ran");

const CASES: readonly Case[] = [
  {
    name: "malformed YAML: an unclosed quote, a stray indentation, an unclosed bracket",
    content: "malformed-yaml",
    expected: [
      { file: "actors/united-states.yaml", line: 3 },
      { file: "briefs/bad-indent.md", line: 8 },
      { file: "briefs/unclosed-bracket.md", line: 6 },
    ],
  },
  {
    name: "an alias bomb (billion laughs) in an actor and in a brief's front matter",
    content: "alias-bomb",
    expected: [
      { file: "actors/united-states.yaml", line: "any", message: /alias/i },
      { file: "briefs/laughs.md", line: "any", message: /alias/i },
    ],
  },
  {
    name: "`---js`, `---javascript`, `---JS` and `--- js` front matter is refused and never runs",
    content: "js-front-matter",
    expected: ["code-js", "code-javascript", "code-js-upper", "code-js-space"].map((f) => ({
      file: `briefs/${f}.md`,
      line: 1,
    })),
    after: (scratch) => assert.equal(existsSync(MARKER(scratch)), false, "the front matter's code ran"),
  },
  {
    name: "wrong types: lists, numbers, mappings and booleans where text, dates, lists and numbers belong",
    content: "wrong-types",
    expected: [
      { file: "actors/united-states.yaml", line: 1, field: "name" },
      { file: "actors/united-states.yaml", line: 2, field: "kind" },
      { file: "actors/united-states.yaml", line: 3, field: "aliases" },
      { file: "briefs/wrong-types.md", line: 2, field: "title" },
      { file: "briefs/wrong-types.md", line: 3, field: "date" },
      { file: "briefs/wrong-types.md", line: 4, field: "dek" },
      { file: "briefs/wrong-types.md", line: 5, field: "status" },
      { file: "briefs/wrong-types.md", line: 6, field: "sources" },
      { file: "briefs/wrong-types.md", line: 7, field: "key_points" },
      { file: "site.yaml", line: 1, field: "title" },
      { file: "site.yaml", line: 2, field: "per_page" },
    ],
  },
  {
    name: "unknown fields, at the top and inside a list, with a did-you-mean",
    content: "unknown-fields",
    expected: [
      { file: "actors/united-states.yaml", line: 3, field: "nationality" },
      { file: "briefs/extra.md", line: 7, field: "colour" },
      { file: "briefs/extra.md", line: 11, field: "actors[0].rol", message: /role/ },
      { file: "site.yaml", line: 2, field: "theme" },
    ],
  },
  {
    name: "invalid UTF-8 bytes in a title and in a body",
    content: "invalid-utf8",
    expected: [
      { file: "articles/uk-halts-intel.md", line: 2 },
      { file: "briefs/uk-pause.md", line: 8 },
    ],
  },
  {
    name: "a file over 2 MiB",
    content: async (scratch) => {
      const content = await copyOfValid(scratch);
      const paragraph = `${"A very long paragraph that keeps going. ".repeat(64 * 1024)}\n`; // 2.5 MiB
      await appendFile(path.join(content, "articles/uk-halts-intel.md"), `\n${paragraph}`);
      return content;
    },
    expected: [{ file: "articles/uk-halts-intel.md" }],
  },
  {
    name: "addresses that are not web addresses: javascript:, JaVaScRiPt:, a tab in the scheme, data:, vbscript:",
    content: "script-urls",
    expected: [
      ...["data-url", "javascript-url", "leading-space", "mixed-case", "tab-in-scheme", "vbscript"].map((f) => ({
        file: `articles/${f}.md`,
        line: 4,
        field: "url",
      })),
      { file: "site.yaml", line: 2, field: "url" },
    ],
  },
  {
    name: "javascript:, data: and vbscript: links and images in a Markdown body",
    content: "markdown-links",
    expected: [
      ...[10, 12, 14, 16, 18, 20, 22].map((line) => ({ file: "briefs/links.md", line, field: "body" })),
      // A reference link: its use or its definition are both fair places to point.
      { file: "briefs/links.md", line: [24, 26], field: "body" },
    ],
  },
  {
    name: "terminal escape sequences (OSC retitle, clear screen, colour, 8-bit CSI) in titles, a dek and a name",
    content: "control-characters",
    expected: [
      { file: "actors/united-kingdom.yaml", line: 1, field: "name" },
      { file: "articles/uk-halts-intel.md", line: 2, field: "title" },
      { file: "briefs/uk-pause.md", line: 2, field: "title" },
      { file: "briefs/uk-pause.md", line: 4, field: "dek" },
    ],
  },
  {
    name: "file names with spaces or capitals are refused with a rename hint",
    content: "file-names",
    expected: ["actors/United-States.yaml", "articles/UK Halts Again.md", "briefs/My Brief.md"].map((file) => ({
      file,
      hint: /rename/i,
    })),
  },
  {
    name: "a site language that is a path, not a BCP 47 tag",
    content: "site-language",
    expected: [{ file: "site.yaml", line: 2, field: "language" }],
  },
  {
    name: "a 300-character topic, and two topics that would share one address (C++ and C#)",
    content: "topics",
    expected: [
      { file: "briefs/uk-pause.md", line: 8, field: "topics[0]" },
      { file: "briefs/uk-pause.md", line: [9, 10], field: ["topics[1]", "topics[2]"] },
    ],
  },
  {
    name: "articles/ is a symbolic link to a folder outside the content",
    content: async (scratch) => {
      const content = await copyOfValid(scratch);
      const outside = path.join(scratch, "outside");
      await rename(path.join(content, "articles"), outside);
      await symlink(outside, path.join(content, "articles"));
      return content;
    },
    // The briefs citing those articles may be reported too: the link is the one mistake that must be.
    exact: false,
    expected: [{ file: "articles" }],
  },
  {
    name: "a symbolic link to /etc/passwd and a linked folder inside the content",
    content: async (scratch) => {
      const content = await copyOfValid(scratch);
      await symlink("/etc/passwd", path.join(content, "actors/passwd.yaml"));
      const outside = path.join(scratch, "outside");
      await mkdir(outside);
      await writeFile(path.join(outside, "secret.md"), "---\ntitle: Secret\n---\nNot for publication.\n");
      await symlink(outside, path.join(content, "articles/more"));
      return content;
    },
    expected: [{ file: "actors/passwd.yaml" }, { file: "articles/more" }],
  },
  {
    name: "an empty content folder",
    content: async (scratch) => {
      const content = path.join(scratch, "content");
      await mkdir(content);
      return content;
    },
    expected: [{}],
  },
  {
    name: "an empty article file",
    content: async (scratch) => {
      const content = await copyOfValid(scratch);
      await writeFile(path.join(content, "articles/empty.md"), "");
      return content;
    },
    expected: [{ file: "articles/empty.md" }],
  },
  {
    name: "4,000 unknown fields in one actor: reported, in time",
    content: async (scratch) => {
      const content = await copyOfValid(scratch);
      const fields = Array.from({ length: 4000 }, (_, i) => `field_${String(i).padStart(4, "0")}: value ${i}`);
      await writeFile(
        path.join(content, "actors/many-fields.yaml"),
        `name: Many Fields\nkind: person\n${fields.join("\n")}\n`,
      );
      return content;
    },
    // How many of the 4,000 are listed is the report's choice; the first must be, where it is.
    exact: false,
    expected: [{ file: "actors/many-fields.yaml", line: 3, field: "field_0000" }],
  },
  {
    name: "300 quotes that are not in a 1.5 MB paragraph: reported, in time",
    content: async (scratch) => {
      const content = await copyOfValid(scratch);
      const words = "the minister said that the talks would continue next week ";
      const paragraph = words.repeat(Math.ceil((1.5 * 1024 * 1024) / words.length));
      await writeFile(path.join(content, "articles/long-read.md"), `---\ntitle: A long read\n---\n${paragraph}\n`);
      // Near misses: each quote follows the paragraph's words for a while, then departs from them.
      const quotes = Array.from(
        { length: 300 },
        (_, i) =>
          `  - actor: united-kingdom\n    text: "${words.repeat(8).trim()} but not on day ${i}"\n    cite: long-read#p1`,
      );
      const brief = [
        "---",
        "title: Many quotes",
        "date: 2025-11-12",
        "dek: Three hundred quotes.",
        "status: published",
        "sources: [long-read]",
        "actors:",
        "  - id: united-kingdom",
        "    role: quoted",
        "quotes:",
        ...quotes,
        "---",
        "The [[united-kingdom]] said a lot [@long-read#p1].",
        "",
      ];
      await writeFile(path.join(content, "briefs/many-quotes.md"), brief.join("\n"));
      return content;
    },
    exact: false,
    // quotes[0].text is on line 12 of the brief; how many of the 300 are listed is the report's choice.
    expected: [{ file: "briefs/many-quotes.md", line: 12, field: "quotes[0].text" }],
  },
];

/** A good site built by the real build, which cases build over one at a time. */
interface Lane {
  readonly out: string;
  hash: string;
}

/** Two cases at a time (check and build each), each over its own good site: the suite's wall time halves. */
const LANES = 2;

describe(
  "hostile content: check and build refuse it clearly and leave the published site alone",
  { concurrency: LANES },
  () => {
    let scratchRoot: string;
    const free: Lane[] = [];
    const waiting: Array<(lane: Lane) => void> = [];
    const takeLane = (): Promise<Lane> =>
      free.length > 0 ? Promise.resolve(free.pop()!) : new Promise((resolve) => waiting.push(resolve));
    const giveBack = (lane: Lane) => {
      const next = waiting.shift();
      if (next) next(lane);
      else free.push(lane);
    };

    /** The good site, built from valid-minimal; rebuilt if a case replaced it. */
    async function buildGoodSite(lane: Lane): Promise<void> {
      const run = await cli("build", ["--content", VALID_MINIMAL, "--out", lane.out]);
      assertNoCrash(run, "building valid-minimal");
      assert.equal(run.code, 0, run.output);
      lane.hash = await treeHash(lane.out);
    }

    before(async () => {
      scratchRoot = await mkdtemp(path.join(tmpdir(), "briefbook-hostile-"));
      const lanes = Array.from({ length: LANES }, (_, i) => ({
        out: path.join(scratchRoot, `published-${i}`, "_site"),
        hash: "",
      }));
      for (const lane of lanes) await mkdir(path.dirname(lane.out));
      await Promise.all(lanes.map(buildGoodSite));
      free.push(...lanes);
    });
    after(async () => {
      if (scratchRoot) await rm(scratchRoot, { recursive: true, force: true });
    });

    for (const [i, c] of CASES.entries()) {
      test(c.name, { timeout: 3 * GUARD_MS }, async () => {
        const scratch = path.join(scratchRoot, `case-${i}`);
        await mkdir(scratch);
        const content = typeof c.content === "string" ? path.join(HOSTILE, c.content) : await c.content(scratch);
        const env = { BRIEFBOOK_HOSTILE_MARKER: MARKER(scratch), ...c.env };
        const lane = await takeLane();
        try {
          // check reads only; the build writes over the good site: both at once.
          const [check, build] = await Promise.all([
            cli("check", ["--content", content], env),
            cli("build", ["--content", content, "--out", lane.out], env),
          ]);
          const exact = c.exact ?? true;
          assertReport(check, "npm run check", c.expected, exact);
          assertReport(build, "npm run build", c.expected, exact);
          assert.equal(await treeHash(lane.out), lane.hash, "the build changed the published site");
          await c.after?.(scratch);
        } finally {
          // A build that wrongly succeeded replaced the good site: put it back for the next case.
          if ((await treeHash(lane.out).catch(() => "")) !== lane.hash) await buildGoodSite(lane);
          giveBack(lane);
        }
      });
    }

    test(
      "in a real terminal, where the report is in colour, content's escape sequences still never reach it",
      { skip: !existsSync("/usr/bin/script") && "needs util-linux's script(1) for a pseudo-terminal" },
      async () => {
        const content = path.join(HOSTILE, "control-characters");
        const out = path.join(scratchRoot, "terminal", "_site");
        await mkdir(path.dirname(out), { recursive: true });
        for (const run of await Promise.all([
          cli("check", ["--content", content], {}, true),
          cli("build", ["--content", content, "--out", out], {}, true),
        ])) {
          assert.equal(run.timedOut, false, run.output);
          assert.notEqual(run.code, 0, run.output);
          const ESC = "\x1b";
          assert.ok(
            run.output.includes(`${ESC}[31;1merror${ESC}[0m`),
            "the report is in colour, so this is a terminal",
          );
          // What is left once the formatter's own colours (src/diagnostics/format.ts) are taken out.
          let rest = run.output;
          for (const code of ["0", "1", "31;1", "33;1"]) rest = rest.split(`${ESC}[${code}m`).join("");
          assert.ok(
            ![ESC, "\x07", "\u009b"].some((c) => rest.includes(c)),
            `a control character from content reached the terminal:\n${JSON.stringify(rest)}`,
          );
          assert.ok(
            !run.output.includes("\x1b[31mintelligence"),
            "the article title's colour sequence reached the terminal",
          );
        }
      },
    );

    test("a BOM and CRLF line endings in every file are not mistakes: check passes and the site builds", async () => {
      const content = path.join(HOSTILE, "bom-crlf");
      const fresh = path.join(scratchRoot, "bom-crlf", "_site");
      await mkdir(path.dirname(fresh), { recursive: true });
      const [check, build] = await Promise.all([
        cli("check", ["--content", content]),
        cli("build", ["--content", content, "--out", fresh]),
      ]);
      assertNoCrash(check, "npm run check");
      assertNoCrash(build, "npm run build");
      assert.equal(check.code, 0, check.output);
      assert.equal(build.code, 0, build.output);
      const brief = await readFile(path.join(fresh, "briefs/uk-pause/index.html"), "utf8");
      assert.match(brief, /<h1[^>]*>UK pauses intelligence sharing<\/h1>/, "the title has no BOM and no \\r");
      assert.match(brief, /<title>UK pauses intelligence sharing · BOM and CRLF desk<\/title>/);
      const article = await readFile(path.join(fresh, "articles/uk-halts-intel/index.html"), "utf8");
      assert.ok(
        article.includes('id="p3"') && !article.includes('id="p4"'),
        "CRLF blank lines still split 3 paragraphs",
      );
      assert.ok(!/\r|\ufeff/.test(brief + article), "no carriage return or BOM reaches the page");
    });

    // A pipe is never opened (opening one waits for a writer): it is named in a warning and left out,
    // so a stray pipe neither hangs nor blocks a build (src/load/load-content.ts).
    test("a named pipe among the articles is not read: named in a warning, and nothing waits on it", async () => {
      const scratch = path.join(scratchRoot, "fifo");
      await mkdir(scratch, { recursive: true });
      const content = await copyOfValid(scratch);
      await promisify(execFile)("mkfifo", [path.join(content, "articles/pipe.md")]);
      const fresh = path.join(scratch, "_site");
      const [check, build] = await Promise.all([
        cli("check", ["--content", content]),
        cli("build", ["--content", content, "--out", fresh]),
      ]);
      for (const [run, what] of [
        [check, "npm run check"],
        [build, "npm run build"],
      ] as const) {
        assertNoCrash(run, what);
        assert.equal(run.code, 0, run.output);
        assert.match(run.output, /articles\/pipe\.md warning: .*named pipe.*\n {4}hint: /, run.output);
      }
      assert.equal(existsSync(path.join(fresh, "articles/pipe/index.html")), false);
    });
  },
);
