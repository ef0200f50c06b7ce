/**
 * The briefing syntax of a brief's Markdown body, defined once as markdown-it rules:
 * - `[[actor-id]]` and `[[shown text|actor-id]]` link to an actor page (the last `|` separates the id);
 * - `[@article-slug#p3]`, or several at once `[@a#p3, @b#p1]` / `[@a#p3; @b#p1]`, cite paragraphs;
 * - ordinary Markdown links and images, which may only lead to http:, https: or mailto: addresses.
 * Validation collects references from the tokens of `md.parse` and the model renders the same
 * tokens, so what is checked and what is shown can never disagree: text markdown-it treats as
 * text (escaped `\[[x]]`, code spans and blocks) is no reference in either.
 */
import markdownIt, { type MarkdownIt, type StateInline, type Token } from "markdown-it";
import { checkUrl } from "../text/url-policy.ts";
import { parseParagraphRef, type ParagraphRef } from "./ids.ts";

export interface ActorLinkRef {
  readonly kind: "actor";
  /** The actor id as written (trimmed); may be '' for `[[text|]]`. */
  readonly id: string;
  readonly text?: string;
  readonly raw: string;
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
/** An ordinary Markdown link, autolink or image, with its address as markdown-it resolved it. */
export interface LinkRef {
  readonly kind: "link";
  readonly href: string;
  readonly image: boolean;
  readonly line: number;
}
export type BodyReference = ActorLinkRef | CitationRef | LinkRef;

/** What the inline rules store on their tokens: where in the inline text they start. */
interface Located {
  offset?: number;
}

/** `a#p3, @b#p1` → the parts of a citation group. */
function splitCitation(inner: string): string[] {
  return inner
    .split(/[,;]/)
    .map((p) => p.trim().replace(/^@/, ""))
    .filter((p) => p !== "");
}

function actorLinkRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b || src.charCodeAt(pos + 1) !== 0x5b) return false;
  const end = src.indexOf("]]", pos + 2);
  if (end === -1 || end + 2 > state.posMax) return false;
  const inner = src.slice(pos + 2, end);
  if (inner.trim() === "" || /[[\]\n]/.test(inner)) return false;
  if (!silent) {
    const bar = inner.lastIndexOf("|");
    const token = state.push("briefbook_actor", "a", 0);
    const raw = src.slice(pos, end + 2);
    token.meta =
      bar === -1
        ? { id: inner.trim(), raw, offset: pos }
        : { id: inner.slice(bar + 1).trim(), text: inner.slice(0, bar).trim(), raw, offset: pos };
  }
  state.pos = end + 2;
  return true;
}

function citationRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b || src.charCodeAt(pos + 1) !== 0x40) return false;
  const end = src.indexOf("]", pos + 2);
  if (end === -1 || end + 1 > state.posMax) return false;
  const inner = src.slice(pos + 1, end);
  if (inner.includes("\n") || inner.includes("[")) return false;
  if (!silent) {
    const token = state.push("briefbook_citation", "span", 0);
    token.meta = { parts: splitCitation(inner), raw: src.slice(pos, end + 1), offset: pos };
  }
  state.pos = end + 1;
  return true;
}

/**
 * Wraps one of markdown-it's own inline rules so that the token it makes remembers where it
 * started, as ours do: the line of a link in a multi-line paragraph is then exact.
 */
function locate(md: MarkdownIt, name: string): void {
  const ruler = md.inline.ruler;
  const rule = ruler.__rules__[ruler.__find__(name)]!.fn;
  ruler.at(name, (state, silent) => {
    const start = state.pos;
    const first = state.tokens.length;
    const ok = rule(state, silent);
    if (ok && !silent) {
      // A pending run of text may have been flushed first; the rule's own token follows it.
      const token = state.tokens.slice(first).find((t) => t.type !== "text");
      if (token) token.meta = { ...(token.meta as object | null), offset: start };
    }
    return ok;
  });
}

/**
 * The one markdown-it instance of a brief body: `html: false` (HTML is shown as text) and the
 * briefing rules. `links: "allowed"` (the model's) turns a link to any address `checkUrl` refuses
 * into plain text, so it can never be a live link. `links: "any"` (validation's) keeps every link,
 * so that each refused one can be reported; the two parse content that passed validation alike.
 */
export function briefingMarkdown(links: "allowed" | "any"): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.inline.ruler.before("link", "briefbook_actor", actorLinkRule);
  md.inline.ruler.before("link", "briefbook_citation", citationRule);
  for (const rule of ["link", "image", "autolink"]) locate(md, rule);
  md.validateLink = links === "any" ? () => true : (url) => checkUrl(url, "web-or-mail").ok;
  return md;
}

/** Counts lines through one inline text as tokens are met in order. */
function lineCounter(content: string, firstLine: number) {
  let offset = 0;
  let line = firstLine;
  return (to: number | undefined): number => {
    if (to === undefined || to < offset) return line;
    for (let i = content.indexOf("\n", offset); i !== -1 && i < to; i = content.indexOf("\n", i + 1)) line++;
    offset = to;
    return line;
  };
}

/** Every actor link, citation and ordinary link in parsed tokens, in the order they are written. */
export function referencesIn(tokens: readonly Token[]): BodyReference[] {
  const out: BodyReference[] = [];
  let blockLine = 1;
  for (const block of tokens) {
    if (block.map) blockLine = block.map[0] + 1;
    if (block.type !== "inline" || !block.children) continue;
    const lineAt = lineCounter(block.content, blockLine);
    for (const token of block.children) {
      const ref = referenceOf(token, lineAt((token.meta as Located | null)?.offset));
      if (ref) out.push(ref);
    }
  }
  return out;
}

function referenceOf(token: Token, line: number): BodyReference | undefined {
  const meta = token.meta as Record<string, unknown> | null;
  if (token.type === "briefbook_actor") {
    const { id, text, raw } = meta as { id: string; text?: string; raw: string };
    return { kind: "actor", id, raw, line, ...(text === undefined ? {} : { text }) };
  }
  if (token.type === "briefbook_citation") {
    const { parts, raw } = meta as { parts: string[]; raw: string };
    return { kind: "citation", raw, parts, refs: parts.map(parseParagraphRef), line };
  }
  if (token.type === "link_open")
    return { kind: "link", href: String(token.attrGet("href") ?? ""), image: false, line };
  if (token.type === "image") return { kind: "link", href: String(token.attrGet("src") ?? ""), image: true, line };
  return undefined;
}

/** Validation's reading of a body: one parse, every reference with its 1-based body line. */
export function bodyReferencesOf(md: MarkdownIt, body: string): BodyReference[] {
  return referencesIn(md.parse(body, {}));
}
