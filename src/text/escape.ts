/**
 * The one escaper: how text from content may leave the program. Every stage that writes text
 * from content into HTML, XML or a terminal goes through here, so a field can never become
 * markup, break a feed, or drive the editor's terminal.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML (element content or a quoted attribute value); valid in XML too. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/**
 * C0 and C1 control characters other than tab and line breaks, DEL, and the Unicode
 * non-characters XML 1.0 forbids: none has a place in a title or a paragraph, and in a
 * terminal, a feed or JSON-LD each can do harm (escape sequences, invalid XML).
 */
const CONTROL = "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ufffe\\uffff]";
const ONE_CONTROL = new RegExp(CONTROL);
const CONTROL_CHARACTERS = new RegExp(CONTROL, "g");

/** The first control character in `s`, named as `U+001B`, or undefined when there is none. */
export function firstControlCharacter(s: string): string | undefined {
  const m = ONE_CONTROL.exec(s);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : undefined;
}

/** `s` without control characters (for text that must be written whatever it holds). */
export const withoutControlCharacters = (s: string): string => s.replace(CONTROL_CHARACTERS, "");

/** Text for XML element content or attributes: escaped, with control characters dropped. */
export const escapeXml = (s: string): string => escapeHtml(withoutControlCharacters(s));

const JSON_IN_HTML: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * A value as JSON to sit inside an HTML `<script type="application/ld+json">` element: `<`, `>`
 * and `&` are written as JSON's `\u003c`-style escapes (the same string to a JSON reader), so no
 * text from content can close the element (`</script>`) or open a comment in it.
 */
export const jsonInHtml = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JSON_IN_HTML[c]!);

/** For a terminal, a lone carriage return counts too: it moves back over the line and can hide it. */
const TERMINAL_CONTROL = new RegExp(`${CONTROL}|\r(?!\n)`, "g");

/**
 * Text for a terminal: every control character (escape sequences included) shown as a visible
 * `\x1b`-style escape, so a field from content cannot retitle the terminal or clear the screen.
 * Line feeds and tabs are kept.
 */
export const forTerminal = (s: string): string =>
  s.replace(TERMINAL_CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
  });
