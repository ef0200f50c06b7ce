import { stringify } from "yaml";

/** YAML text of a content file's fields; no line folding, so the output does not depend on widths. */
export const yamlText = (data: object): string => stringify(data, { lineWidth: 0 });

/** A Markdown content file: YAML front matter between `---` lines, a blank line, the body. */
export const markdownFile = (data: object, body: string): string => `---\n${yamlText(data)}---\n\n${body}\n`;
