/** The folders of `content/` and what each holds. */
export type ContentKind = "actor" | "article" | "brief" | "site";

/**
 * One content file as read from disk, before anything is known about its meaning.
 * Line numbers are kept so every later stage can point an editor at the right place.
 */
export interface SourceFile {
  readonly kind: ContentKind;
  /** Path relative to the content folder, with forward slashes: `briefs/uk-pause.md`. */
  readonly path: string;
  /** The file name without its extension: the id or slug the file defines. */
  readonly slug: string;
  /** Parsed YAML: front matter for Markdown files, the whole file for YAML files. */
  readonly data: unknown;
  /** The Markdown body ('' for YAML files). */
  readonly body: string;
  /** 1-based line of the body's first line in the file. */
  readonly bodyLine: number;
  /** The YAML text exactly as written, kept to find a field's line only when a problem needs it. */
  readonly yaml: string;
  /** 1-based line of the YAML text's first line in the file. */
  readonly yamlLine: number;
  /**
   * Set when the file exists but could not be read or parsed (too large, not UTF-8, broken YAML):
   * its problem is reported already, and later stages know its id exists, so references to it
   * are not reported again as unknown. Such a file has no data and is never published.
   */
  readonly unreadable?: true;
}
