import { load as loadYamlQuickly, CORE_SCHEMA } from "js-yaml";
import { Lexer, parse as parseYaml, YAMLParseError } from "yaml";

/** Thrown for a problem in the front matter itself; the loader turns it into a Diagnostic. */
export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly hint: string,
    /** Column and top-level field, when the parser's position gives them. */
    readonly place: { readonly column?: number; readonly field?: string } = {},
  ) {
    super(message);
  }
  /** Line, column and field, for the diagnostic. */
  get where(): { readonly line: number; readonly column?: number; readonly field?: string } {
    return { line: this.line, ...this.place };
  }
}

/**
 * YAML 1.2 core schema: `2025-11-01` stays a string (the schema decides what a date is) and
 * `no`/`on` stay strings. Duplicate keys are an error, not a silent overwrite.
 */
export function parseYamlText(text: string, firstLine: number): unknown {
  // js-yaml is ~6x faster than `yaml` (5.6 s → under 1 s of a 20,000-file build) but says less
  // about errors and does not bound aliases: it takes only files with no anchor or alias in
  // sight, and anything it refuses goes to `yaml` for the line-accurate message.
  if (!text.includes("&") && !text.includes("*")) {
    try {
      return detachedCopy(loadYamlQuickly(text, { schema: CORE_SCHEMA }));
    } catch {
      // Fall through: the careful parser explains the problem.
    }
  }
  try {
    return parseYaml(text, { schema: "core", uniqueKeys: true, maxAliasCount: 50 }) as unknown;
  } catch (e) {
    if (e instanceof YAMLParseError) throw syntaxError(e, text, firstLine);
    // `yaml` refuses an alias bomb (anchors repeating each other into millions of values) with a plain error.
    if (e instanceof Error && /alias/i.test(e.message)) {
      const firstAlias = text.split("\n").findIndex((l) => /(^|[\s[{,:-])\*[^\s,\]}]/.test(l));
      throw new FrontMatterError(
        "YAML aliases here repeat each other into too many values (more than 50 uses of '*name')",
        Math.max(0, firstAlias) + firstLine,
        "write the values out instead of using anchors (&name) and aliases (*name); content needs neither",
      );
    }
    throw e;
  }
}

/**
 * A YAML syntax error in plain words, at the line and column it was found and the field it falls
 * in. A quote never closed is reported where it opens (the parser finds it missing at the end of
 * the file, under whichever field is last); an unclosed bracket where the text ends.
 */
function syntaxError(e: YAMLParseError, text: string, firstLine: number): FrontMatterError {
  const end = Math.min(e.pos[0], Math.max(0, text.trimEnd().length - 1));
  const at = (e.code === "MISSING_CHAR" && /quote/.test(e.message) && openingQuote(text, end)) || end;
  const before = text.slice(0, at).split("\n");
  const index = before.length - 1;
  const lines = text.split("\n");
  const field = topLevelField(lines, index);
  const { message, hint } = plainWords(e, lines[index] ?? "");
  return new FrontMatterError(`YAML syntax: ${message}`, index + firstLine, hint, {
    column: before[index]!.length + 1,
    ...(field ? { field } : {}),
  });
}

/** The lexer's markers for the start of a document, a scalar and a flow's end: no text of the file. */
const LEXER_MARKERS = new Set(["\x02", "\x18", "\x1f"]);

/** Where the quoted value running to `end` opens: the last quoted scalar the lexer starts before it. */
function openingQuote(text: string, end: number): number | undefined {
  let offset = 0;
  let opening: number | undefined;
  for (const token of new Lexer().lex(text)) {
    if (offset > end) break;
    if (token.startsWith('"') || token.startsWith("'")) opening = offset;
    if (!LEXER_MARKERS.has(token)) offset += token.length;
  }
  return opening;
}

/** The top-level field a line belongs to: its own name, or the nearest unindented `name:` above it. */
function topLevelField(lines: readonly string[], index: number): string | undefined {
  for (let i = index; i >= 0; i--) {
    const m = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/.exec(lines[i]!);
    if (m) return m[1];
  }
  return undefined;
}

const SYNTAX_HINT = "check indentation and quoting on this line; text with a colon followed by a space needs quotes";

/** What the `yaml` parser's error means for someone writing front matter, and what to do. */
function plainWords(e: YAMLParseError, line: string): { message: string; hint: string } {
  const said = e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid YAML";
  const pair = /^(\s*(?:- +)?[A-Za-z_][\w-]*:\s+)(.*)$/.exec(line);
  switch (e.code) {
    case "BLOCK_AS_IMPLICIT_KEY":
      return {
        message: "a colon followed by a space inside a value reads as the start of another field",
        hint: pair
          ? `put the whole value in quotes: ${pair[1]!.trim()} "${pair[2]!.replace(/["\\]/g, "\\$&")}"`
          : "put the value in quotes",
      };
    case "MISSING_CHAR":
      return /quote/.test(said)
        ? unclosedQuote(line)
        : { message: "this line is indented as a list item but does not start with '- '", hint: SYNTAX_HINT };
    case "BAD_INDENT":
      return /Flow (sequence|map)/.test(said)
        ? {
            message: `a ${said.includes("map") ? "{" : "["} is never closed with ${said.includes("map") ? "}" : "]"}`,
            hint: "close it on the same line, such as [a, b], or write one '- item' per line instead",
          }
        : { message: "this line is indented differently from the lines around it", hint: SYNTAX_HINT };
    case "TAB_AS_INDENT":
      return { message: "a tab indents this line", hint: "indent with spaces: YAML does not allow tabs there" };
    case "DUPLICATE_KEY":
      return {
        message: `${pair ? `the field '${pair[1]!.replace(/^\s*(?:- +)?/, "").replace(/:\s*$/, "")}'` : "this field"} is written twice; field names must be unique in a file`,
        hint: "keep one of the two lines",
      };
    case "MULTILINE_IMPLICIT_KEY":
      return { message: "this line is neither 'field: value' nor part of the value above", hint: SYNTAX_HINT };
    case "BAD_SCALAR_START":
      return {
        message: `a value cannot start with ${said.slice(-1)} unless it is quoted`,
        hint: "put the value in quotes",
      };
    default:
      return { message: said, hint: SYNTAX_HINT };
  }
}

/** A quote opened on `line` and never closed: the field it opens, and the line with the quote closed. */
function unclosedQuote(line: string): { message: string; hint: string } {
  const value = /^(\s*(?:- +)?(?:([A-Za-z_][\w-]*):\s+)?)(["'])(.*)$/.exec(line);
  if (!value)
    return { message: "a quoted value is never closed", hint: "end the text with the quote mark it starts with" };
  const [, before, key, quote, rest] = value;
  const closed = `${before!.trimStart()}${quote}${rest!.trimEnd()}${quote}`;
  return {
    message: `the ${quote} opening ${key ? `the value of '${key}'` : "this value"} is never closed`,
    hint: `end the value with the same quote mark: ${closed}`,
  };
}

/**
 * js-yaml's strings are slices of the file's text, so one title kept by the model would keep the
 * whole file alive (~100 MB at 20,000 documents). V8 slices strings of 13 characters and more.
 */
function detachedCopy(value: unknown): unknown {
  if (typeof value === "string") return value.length < 13 ? value : Buffer.from(value).toString();
  if (Array.isArray(value)) return value.map(detachedCopy);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    // defineProperty, as js-yaml does: a `__proto__` key stays a plain key, never a prototype.
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, { value: detachedCopy(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

const refuse = (language: string) => () => {
  throw new FrontMatterError(
    `front matter in '${language}' is not allowed`,
    1,
    "Briefbook reads YAML front matter only (start the file with '---'), so no code in content runs at build time",
  );
};

export interface SplitFile {
  readonly data: unknown;
  readonly body: string;
  readonly bodyLine: number;
  readonly yaml: string;
  readonly yamlLine: number;
}

const lineOfOffset = (text: string, offset: number) => {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
};

/** gray-matter's other names for the languages it knows, matched in any case: `yml`, `JS`, `cson`. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  yaml: "yaml",
  yml: "yaml",
  js: "javascript",
  javascript: "javascript",
  coffee: "coffee",
  coffeescript: "coffee",
  cson: "coffee",
};
const KNOWN_LANGUAGES = new Set(["yaml", "js", "javascript", "coffee", "coffeescript", "json", "toml"]);

/**
 * The front matter's data: YAML is read, any other language refused (no code in content runs at
 * build time), named as gray-matter would name it.
 */
function frontMatterData(language: string, yaml: string, yamlLine: number): unknown {
  const engine = KNOWN_LANGUAGES.has(language) ? language : (LANGUAGE_ALIASES[language.toLowerCase()] ?? language);
  return engine === "yaml" ? parseYamlText(yaml, yamlLine) : refuse(engine)();
}

/**
 * Front matter and body as gray-matter 4 splits them, rule for rule (`test/load/split-front-matter.test.ts`
 * holds the two side by side): its module and dependencies took ~0.15 s of every `npm run check` to
 * load. `---` opens front matter (not `----`), a word after it names the language, the first
 * `\n---` closes it, and a block of comments alone is empty. `yaml` is undefined for an empty file.
 */
function splitText(input: string, yamlLine: number): { data: unknown; body: string; yaml: string | undefined } {
  if (input === "") return { data: {}, body: "", yaml: undefined };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!text.startsWith("---") || text.charAt(3) === "-") return { data: {}, body: text, yaml: "" };
  let rest = text.slice(3);
  const length = rest.length;
  const firstLine = rest.slice(0, rest.search(/\r?\n/));
  const language = firstLine.trim() || "yaml";
  if (firstLine.trim()) rest = rest.slice(firstLine.length);
  const close = rest.indexOf("\n---");
  // gray-matter compares with the length before the language was cut off, and so shall we.
  const closeAt = close === -1 ? length : close;
  const yaml = rest.slice(0, closeAt);
  const empty = yaml.replace(/^\s*#[^\n]+/gm, "").trim() === "";
  const data = empty ? {} : frontMatterData(language, yaml, yamlLine);
  let body = closeAt === length ? "" : rest.slice(closeAt + 4);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  return { data, body, yaml };
}

/** Splits a Markdown file into YAML front matter and body. */
export function splitFrontMatter(crlfText: string): SplitFile {
  // The front matter ends at '\n---', leaving a '\r' the YAML parser would read as text.
  const text = crlfText.replace(/\r\n?/g, "\n");
  // The YAML text starts with the line break that ends the opening `---` line, so its first line
  // is the file's first line.
  const yamlLine = 1;
  const file = splitText(text, yamlLine);
  const body = file.body;
  const bodyOffset = text.endsWith(body) ? text.length - body.length : 0;
  const hasFrontMatter = text.startsWith("---") && text.charAt(3) !== "-";
  const yaml = file.yaml ?? "";
  return {
    // No front matter at all is undefined, so validation says "missing front matter", not five missing fields.
    data: !hasFrontMatter ? undefined : yaml.trim() === "" ? {} : file.data,
    body,
    bodyLine: lineOfOffset(text, bodyOffset),
    yaml,
    yamlLine,
  };
}
