import { parseParagraphRef, type ParagraphRef } from "./ids.ts";

/**
 * The two link syntaxes of a brief's Markdown body:
 * - `[[actor-id]]` and `[[shown text|actor-id]]` link to an actor page;
 * - `[@article-slug#p3]`, or several at once `[@a#p3, @b#p1]`, cite article paragraphs.
 * The model's Markdown rules parse with these same patterns.
 */
export const ACTOR_LINK = /\[\[([^[\]|\n]+?)(?:\|([^[\]|\n]+?))?\]\]/g;
export const CITATION = /\[@([^[\]\n]+?)\]/g;

export interface ActorLinkRef {
  readonly kind: "actor";
  readonly id: string;
  readonly text?: string;
  /** 1-based line within the body. */
  readonly line: number;
}
export interface CitationRef {
  readonly kind: "citation";
  readonly raw: string;
  readonly refs: readonly (ParagraphRef | undefined)[];
  readonly parts: readonly string[];
  readonly line: number;
}

/** `a#p3, @b#p1` → the parts of a citation group. */
export function splitCitation(inner: string): string[] {
  return inner
    .split(/[,;]/)
    .map((p) => p.trim().replace(/^@/, ""))
    .filter((p) => p !== "");
}

/** Blanks out code (fenced blocks and inline spans) but keeps line breaks, so lines still count. */
function withoutCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, blank).replace(/`[^`\n]+`/g, blank);
}

const lineAt = (text: string, offset: number) => {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
};

export function scanBodyReferences(body: string): Array<ActorLinkRef | CitationRef> {
  const text = withoutCode(body);
  const out: Array<ActorLinkRef | CitationRef> = [];
  for (const m of text.matchAll(ACTOR_LINK)) {
    const [first, second] = [m[1]!.trim(), m[2]?.trim()];
    out.push(
      second === undefined
        ? { kind: "actor", id: first, line: lineAt(text, m.index) }
        : { kind: "actor", id: second, text: first, line: lineAt(text, m.index) },
    );
  }
  for (const m of text.matchAll(CITATION)) {
    const parts = splitCitation(m[1]!);
    out.push({ kind: "citation", raw: m[0], parts, refs: parts.map(parseParagraphRef), line: lineAt(text, m.index) });
  }
  return out;
}
