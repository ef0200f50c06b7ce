import matter from "gray-matter";
import { load as loadYamlQuickly, CORE_SCHEMA } from "js-yaml";
import { parse as parseYaml, YAMLParseError } from "yaml";

/** Thrown for a problem in the front matter itself; the loader turns it into a Diagnostic. */
export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly hint: string,
  ) {
    super(message);
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
    if (e instanceof YAMLParseError) {
      // An unclosed quote or bracket is reported where the text ends: point at the last written line.
      const end = text.trimEnd().length;
      const at = Math.min(e.pos[0], Math.max(0, end - 1));
      const line = text.slice(0, at).split("\n").length + firstLine - 1;
      const message = e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid YAML";
      throw new FrontMatterError(
        `YAML syntax: ${message}`,
        line,
        "check indentation and quoting on this line; text with a colon followed by a space needs quotes",
      );
    }
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

/**
 * Splits a Markdown file into YAML front matter and body. gray-matter gets an engine table of
 * our own: its default would `eval` `---js` front matter, and its cache keeps every file alive.
 */
export function splitFrontMatter(crlfText: string): SplitFile {
  // gray-matter ends the YAML text at '\n---', leaving a '\r' the YAML parser reads as text.
  const text = crlfText.replace(/\r\n?/g, "\n");
  // gray-matter's `matter` starts with the line break that ends the opening `---` line, so the
  // YAML text's first line is the file's first line.
  const yamlLine = 1;
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(text, {
      language: "yaml",
      engines: {
        yaml: { parse: (s: string) => parseYamlText(s, yamlLine) as object, stringify: () => "" },
        js: { parse: refuse("js"), stringify: () => "" },
        javascript: { parse: refuse("javascript"), stringify: () => "" },
        coffee: { parse: refuse("coffee"), stringify: () => "" },
        coffeescript: { parse: refuse("coffeescript"), stringify: () => "" },
        json: { parse: refuse("json"), stringify: () => "" },
        toml: { parse: refuse("toml"), stringify: () => "" },
      },
    });
  } catch (e) {
    if (e instanceof FrontMatterError) throw e;
    // gray-matter names unknown engines (`---python`) in a plain Error.
    const language = /engine "(.*)"/.exec(String(e))?.[1] ?? "unknown";
    return refuse(language)();
  }
  const body = file.content;
  const bodyOffset = text.endsWith(body) ? text.length - body.length : 0;
  // gray-matter's own test: '---' opens front matter, '----' (a Markdown rule) does not.
  const hasFrontMatter = text.startsWith("---") && text.charAt(3) !== "-";
  // gray-matter leaves `matter` unset for an empty file.
  const yaml = file.matter ?? "";
  return {
    // No front matter at all is undefined, so validation says "missing front matter", not five missing fields.
    data: !hasFrontMatter ? undefined : yaml.trim() === "" ? {} : (file.data as unknown),
    body,
    bodyLine: lineOfOffset(text, bodyOffset),
    yaml,
    yamlLine,
  };
}
